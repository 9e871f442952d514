import BrainBiophysics
import BrainCore

/// The equation language: syntax, units, and numbers that overflow or are not finite, in
/// parameters, initial values, resets and the rate measurement.
enum EquationCases {
    static let lif = """
        dv/dt = (EL - v + R*I)/tau : volt (unless refractory)
        I : amp
        """
    static let lifParameters: [String: String] = [
        "tau": "10*ms", "EL": "-70*mV", "R": "100*Mohm", "Vt": "-50*mV", "Vr": "-65*mV", "I": "0.3*nA",
    ]

    static func neuron(
        _ equations: String = lif, parameters: [String: String] = [:], threshold: String = "v > Vt",
        reset: String = "v = Vr", refractory: String? = "2*ms", initialValues: [String: String] = ["v": "EL"],
        rateMeasurement: EquationNeuron.RateMeasurement = .init()
    ) throws -> EquationNeuron {
        try EquationNeuron(
            equations, parameters: lifParameters.merging(parameters) { $1 }, threshold: threshold, reset: reset,
            refractory: refractory, initialValues: initialValues, input: "I", inputUnit: "nA",
            rateMeasurement: rateMeasurement)
    }

    static var all: [ReliabilityCase] { [
        .runs("equations.valid-lif") { _ = try neuron() },
        .rejects("equations.syntax-error", object: "EquationNeuron", parameter: "equations") {
            _ = try neuron("dv/dt = (EL - v + * I)/tau : volt\nI : amp")
        },
        .rejects("equations.unknown-identifier", object: "EquationNeuron", parameter: "equations") {
            _ = try neuron("dv/dt = (EL - v + R*I)/taux : volt\nI : amp")
        },
        .rejects("equations.unit-mismatch", object: "EquationNeuron", parameter: "equations") {
            _ = try neuron("dv/dt = (EL - v + I)/tau : volt\nI : amp")
        },
        .rejects("equations.parameter-overflows", object: "EquationNeuron", parameter: "parameters") {
            _ = try neuron(parameters: ["tau": "1e200*1e200*ms"])
        },
        .rejects("equations.parameter-literal-beyond-double", object: "EquationNeuron", parameter: "parameters") {
            _ = try neuron(parameters: ["EL": "1e400*mV"])
        },
        .rejects("equations.parameter-division-by-zero", object: "EquationNeuron", parameter: "parameters") {
            _ = try neuron(parameters: ["R": "(1/0)*Mohm"])
        },
        .rejects("equations.parameter-zero-over-zero", object: "EquationNeuron", parameter: "parameters") {
            _ = try neuron(parameters: ["Vt": "(0/0)*mV"])
        },
        .rejects("equations.initial-value-overflows", object: "EquationNeuron", parameter: "initialValues") {
            _ = try neuron(initialValues: ["v": "1e300*1e300*mV"])
        },
        .rejects("equations.initial-value-nan", object: "EquationNeuron", parameter: "initialValues") {
            _ = try neuron(initialValues: ["v": "(0/0)*mV"])
        },
        .rejects("equations.reset-overflows", object: "EquationNeuron", parameter: "reset") {
            _ = try neuron(reset: "v = 1e300*1e300*mV")
        },
        .rejects("equations.reset-nan", object: "EquationNeuron", parameter: "reset") {
            _ = try neuron(reset: "v = (0/0)*mV")
        },
        .rejects("equations.refractory-infinite", object: "EquationNeuron", parameter: "refractory") {
            _ = try neuron(refractory: "1e300*1e300*ms")
        },
        .rejects("equations.refractory-negative", object: "EquationNeuron", parameter: "refractory") {
            _ = try neuron(refractory: "-2*ms")
        },
        .rejects("equations.threshold-not-condition", object: "EquationNeuron", parameter: "threshold") {
            _ = try neuron(threshold: "v + Vt")
        },
        .rejects("equations.rate-dt-1e-300", object: "EquationNeuron", parameter: "rateMeasurement") {
            _ = try neuron(rateMeasurement: .init(dt: 1e-300))
        },
        .rejects("equations.rate-duration-1e300", object: "EquationNeuron", parameter: "rateMeasurement") {
            _ = try neuron(rateMeasurement: .init(duration: 1e300))
        },
        .rejects("equations.rate-settle-nan", object: "EquationNeuron", parameter: "rateMeasurement.settle") {
            _ = try neuron(rateMeasurement: .init(settle: .nan))
        },
        .rejects("equations.simulate-duration-1e300", object: "EquationNeuron", parameter: "duration") {
            _ = try neuron().simulate(duration: 1e300, dt: 1e-4)
        },
        .rejects("equations.simulate-dt-nan", object: "EquationNeuron", parameter: "dt") {
            _ = try neuron().simulate(duration: 1, dt: .nan)
        },
        .runs("equations.ensemble") {
            let net = try Models.network()
            try net.ensemble(
                label: "a", neurons: 3, dimensions: 1,
                neuronType: try neuron(rateMeasurement: .init(settle: 0.05, duration: 0.2)))
            try Models.run(net)
        },
    ] }
}
