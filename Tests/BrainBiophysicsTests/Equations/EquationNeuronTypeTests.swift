import AllocationCounter
import BrainCore
import BrainTestSupport
import Foundation
import Testing

@testable import BrainBiophysics


/// An ``EquationNeuron`` as a BrainCore neuron type: the Float step, the tabulated rate
/// curve, gain and bias, errors for models that cannot spike, and an ensemble.
@Suite("EquationNeuron as a neuron type")
struct EquationNeuronTypeTests {
    /// The talk's AdEx cell with its input current I = J nA (no bias current).
    static func adex(_ rateMeasurement: EquationNeuron.RateMeasurement = .init()) throws -> EquationNeuron {
        var parameters = EquationBrian2ParityTests.adexParameters
        parameters["I"] = nil
        return try EquationNeuron(
            EquationBrian2ParityTests.adexEquations, parameters: parameters, threshold: "vm > Vcut",
            reset: "vm = Vr; w += b", initialValues: ["vm": "EL"], input: "I", inputUnit: "nA",
            rateMeasurement: rateMeasurement)
    }

    /// Runs `neuron.step` on `count` neurons with constant currents from their initial state;
    /// returns each neuron's spike steps (0-based) and the final state (`[v * count + i]`).
    static func stepPopulation(
        _ neuron: EquationNeuron, currents: [Float], dt: Double, steps: Int
    ) throws -> (spikes: [[Int]], state: [Float]) {
        let count = currents.count
        var rng = RandomState(seed: 1)
        let initial = try neuron.stateVariables.map { variable in
            try variable.initial.sample(count: count, rng: &rng).map(Float.init)
        }
        let run = NeuronSimulation(neuron, dt: dt, currents: currents, initialState: initial, steps: steps)
        var spikes = [[Int]](repeating: [], count: count)
        for (stepIndex, output) in run.outputs.enumerated() {
            for i in 0..<count where output[i] != 0 {
                #expect(output[i] == Float(1 / dt))
                spikes[i].append(stepIndex)
            }
        }
        return (spikes, initial.indices.flatMap { run.states[$0].last ?? initial[$0] })
    }

    /// The Float step (Double arithmetic per neuron) reproduces the Double simulation: same
    /// spike steps for 500 ms of AdEx at dt = 0.1 ms.
    @Test func floatStepMatchesTheDoubleSimulation() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        let dt = 1e-4
        let reference = try neuron.simulate(duration: 0.5, dt: dt, input: 1.5).spikeTimes.map {
            Int(($0 / dt).rounded())
        }
        let (spikes, _) = try EquationNeuronTypeTests.stepPopulation(neuron, currents: [1.5, 1.5], dt: dt, steps: 5000)
        #expect(reference.count == 33)
        #expect(spikes[0] == reference, "\(spikes[0]) vs \(reference)")
        #expect(spikes[1] == reference)
    }

    /// The refractory timer is a state variable; the step honours it like the simulation.
    @Test func refractoryTimerIsState() throws {
        let neuron = try EquationNeuron(
            EquationBrian2ParityTests.lifEquations,
            parameters: EquationBrian2ParityTests.lifParameters.merging(["I": "0*nA"]) { $1 }, threshold: "v > Vt",
            reset: "v = Vr", refractory: "2*ms", initialValues: ["v": "EL"], input: "I", inputUnit: "nA")
        #expect(neuron.stateVariables.map(\.name) == ["v", "refractoryTime"])
        let dt = 1e-4
        let reference = try neuron.simulate(duration: 0.2, dt: dt, input: 0.3).spikeTimes.map {
            Int(($0 / dt).rounded())
        }
        let (spikes, _) = try EquationNeuronTypeTests.stepPopulation(neuron, currents: [0.3], dt: dt, steps: 2000)
        #expect(spikes[0] == reference)
        #expect(reference.count == 18)
    }

    @Test func descriptionCarriesEveryTextAndOption() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        let text = neuron.description
        for fragment in [
            "dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt", "C: 281*pF",
            "Vcut: VT + 5*DeltaT", "threshold: \"vm > Vcut\"", "reset: \"vm = Vr; w += b\"", "method: euler",
            "input: \"I\"", "inputUnit: \"nA\"", "initialValues: [vm: EL]",
        ] {
            #expect(text.contains(fragment), "\(fragment) not in \(text)")
        }
        #expect(try EquationNeuronTypeTests.adex().description == text)
        var parameters = EquationBrian2ParityTests.adexParameters
        parameters["b"] = "0.09*nA"
        let other = try EquationNeuron(
            EquationBrian2ParityTests.adexEquations, parameters: parameters, threshold: "vm > Vcut",
            reset: "vm = Vr; w += b", initialValues: ["vm": "EL"], input: "I", inputUnit: "nA")
        #expect(other.description != text)
    }

    @Test func stateVariablesStartAtTheInitialValues() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        #expect(neuron.stateVariables.map(\.name) == ["vm", "w"])
        #expect(neuron.variableNames == ["vm", "w"])
        var rng = RandomState(seed: 0)
        let vm = try neuron.stateVariables[0].initial.sample(count: 3, rng: &rng)
        #expect(vm.allSatisfy { abs($0 - -0.0706) < 1e-15 })
        let custom = try EquationNeuron(
            EquationBrian2ParityTests.adexEquations, parameters: EquationBrian2ParityTests.adexParameters,
            threshold: "vm > Vcut", initialState: ["vm": Uniform(-0.07, -0.05)])
        let drawn = try custom.stateVariables[0].initial.sample(count: 100, rng: &rng)
        #expect(drawn.allSatisfy { $0 >= -0.07 && $0 <= -0.05 })
        #expect(throws: BrainKitError.self) {
            try EquationNeuron(
                EquationBrian2ParityTests.adexEquations, parameters: EquationBrian2ParityTests.adexParameters,
                initialState: ["voltage": Uniform(0, 1)])
        }
    }

    /// Rates are measured once per grid point and interpolated; they agree with a direct
    /// measurement at a grid point and grow with the current.
    @Test func ratesAreTabulatedAndCached() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        let currents = stride(from: 0.0, through: 3.0, by: 0.05).map { $0 }
        let rates = neuron.rates(currents: currents)
        #expect(rates.first == 0)
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 }, "\(rates)")
        #expect((rates.last ?? 0) > 20)
        let again = neuron.rates(currents: currents)
        #expect(again == rates)
        // At J = 1.5 nA the 500 ms run above fires 33 spikes while adapting; the steady rate is lower.
        let steady = neuron.rates(currents: [1.5])[0]
        #expect(steady > 20 && steady < 66, "\(steady) Hz")
        // Between grid points the rate is interpolated linearly.
        let grid = neuron.rateMeasurement
        let k = Int(grid.gridPosition(1.5).rounded(.down))
        let (low, high) = (grid.gridCurrent(k), grid.gridCurrent(k + 1))
        #expect(low <= 1.5 && 1.5 < high && high - low < 0.02)
        let ends = neuron.rates(currents: [low, high])
        let middle = neuron.rates(currents: [(low + high) / 2])[0]
        #expect(abs(middle - (ends[0] + ends[1]) / 2) < 1e-9)
    }

    @Test func gainBiasNeedsAThresholdAnInputAndSpikes() throws {
        let noThreshold = try EquationNeuron(
            EquationBrian2ParityTests.adexEquations, parameters: EquationBrian2ParityTests.adexParameters,
            input: "I", inputUnit: "nA")
        EquationErrorTests.expect(
            EquationNeuronTypeTests.gainBiasError(noThreshold), parameter: "threshold", ["cannot spike"])
        let noInput = try EquationNeuron(
            EquationBrian2ParityTests.adexEquations, parameters: EquationBrian2ParityTests.adexParameters,
            threshold: "vm > Vcut", reset: "vm = Vr")
        EquationErrorTests.expect(
            EquationNeuronTypeTests.gainBiasError(noInput), parameter: "input", ["name the parameter"])
        // The input reaches nothing: v relaxes to EL whatever J is.
        let deaf = try EquationNeuron(
            """
            dv/dt = (EL - v)/tau : volt
            I : amp
            """, parameters: ["EL": "-70*mV", "tau": "10*ms", "Vt": "-50*mV"], threshold: "v > Vt",
            input: "I", inputUnit: "nA")
        EquationErrorTests.expect(
            EquationNeuronTypeTests.gainBiasError(deaf), parameter: nil,
            ["cannot spike: the threshold 'v > Vt' never holds"])
        let works = try EquationNeuronTypeTests.adex()
        let (gain, bias) = try works.gainBias(maxRates: [100, 150], intercepts: [-0.5, 0.2])
        let back = works.maxRatesIntercepts(gain: gain, bias: bias)
        #expect(abs(back.maxRates[0] - 100) < 2 && abs(back.maxRates[1] - 150) < 2, "\(back.maxRates)")
        #expect(abs(back.intercepts[0] - -0.5) <= 0.03 && abs(back.intercepts[1] - 0.2) <= 0.03, "\(back.intercepts)")
    }

    static func gainBiasError(_ neuron: EquationNeuron) -> BrainKitError? {
        do {
            _ = try neuron.gainBias(maxRates: [100], intercepts: [0])
            return nil
        } catch {
            return error
        }
    }

    /// 50 equation-defined AdEx neurons (Nengo's default max rates and intercepts) represent
    /// a value ramping from -1 to 1 over 4 s; the decoded estimate (synapse 0.05) follows the
    /// equally filtered input with RMSE <= 0.1 (0.045 measured; a 0.25 Hz sine gives 0.08, the
    /// lag of spike-frequency adaptation).
    @Test func ensembleOfEquationAdExRepresentsAValue() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        let net = try Network(label: "equation adex", seed: 3)
        let stimulus = try net.node(function: { t in -1 + t / 2 })
        let ensemble = try net.ensemble(label: "adex", neurons: 50, dimensions: 1, neuronType: neuron)
        try net.connect(stimulus, to: ensemble)
        let input = try net.probe(stimulus)
        let decoded = try net.probe(ensemble, synapse: 0.05)
        let buildStart = Date()
        let sim = try Simulator(net)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        try sim.run(seconds: 4)
        let ideal = try Lowpass(0.05).filter(try sim.data(input).column(0), dt: sim.dt)
        let estimate = try sim.data(decoded).column(0)
        let settled = 200..<estimate.count
        let error = rmse(Array(estimate[settled]), Array(ideal[settled]))
        #expect(error <= 0.1, "decoded RMSE \(error)")
        print("50 equation AdEx neurons: build \(buildSeconds) s, decoded RMSE \(error)")
    }

    @Test(.enabled(if: isOptimizedBuild, "measured in optimized builds (make test)"))
    func stepDoesNotAllocate() throws {
        let neuron = try EquationNeuronTypeTests.adex()
        let lif = try EquationBrian2ParityTests.adaptiveLIF()
        let count = 64
        var state = [Float](repeating: -0.07, count: 3 * count)
        var output = [Float](repeating: 0, count: count)
        let current = [Float](repeating: 1.5, count: count)
        var allocations = 0
        current.withUnsafeBufferPointer { j in
            output.withUnsafeMutableBufferPointer { out in
                state.withUnsafeMutableBufferPointer { s in
                    for model in [neuron, lif] {
                        model.step(
                            dt: 1e-4, count: count, current: j.baseAddress!, output: out.baseAddress!,
                            state: s.baseAddress!, stateStride: count)
                        allocation_counter_start()
                        for _ in 0..<200 {
                            model.step(
                                dt: 1e-4, count: count, current: j.baseAddress!, output: out.baseAddress!,
                                state: s.baseAddress!, stateStride: count)
                        }
                        allocations += allocation_counter_stop()
                    }
                }
            }
        }
        #expect(allocations == 0, "\(allocations) allocations")
    }
}
