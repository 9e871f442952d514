import Testing
import BrainTestSupport
@testable import BrainCore

/// Every type's Float step against Nengo's float64 `step` from known states
/// (neurons.json, made by make_neurons.py).
@Suite("Neuron steps match Nengo")
struct NeuronStepTests {
    static let cases = [
        "LIF_custom_dt_0.0005", "AdaptiveLIF_default", "AdaptiveLIF_custom", "AdaptiveLIFRate_default",
        "AdaptiveLIFRate_custom", "SpikingRectifiedLinear_default", "SpikingRectifiedLinear_amp_0.5",
        "Izhikevich_default", "Izhikevich_custom", "LIFRate_custom", "RectifiedLinear_amp_2",
        "Sigmoid_tau_ref_0.004", "Tanh_tau_ref_0.005",
    ]

    /// The neuron type a fixture case names, with its parameters (missing ones are defaults).
    static func neuron(_ type: String, _ params: Fixture) throws -> any NeuronType {
        let given = Set(params.keys())
        func p(_ name: String, _ fallback: Double) -> Double { given.contains(name) ? params.double(name) : fallback }
        switch type {
        case "LIF":
            return try LIF(
                tauRC: p("tauRC", 0.02), tauRef: p("tauRef", 0.002), minVoltage: p("minVoltage", 0),
                amplitude: p("amplitude", 1))
        case "AdaptiveLIF":
            return try AdaptiveLIF(
                tauN: p("tauN", 1), incN: p("incN", 0.01), tauRC: p("tauRC", 0.02), tauRef: p("tauRef", 0.002),
                minVoltage: p("minVoltage", 0), amplitude: p("amplitude", 1))
        case "AdaptiveLIFRate":
            return try AdaptiveLIFRate(
                tauN: p("tauN", 1), incN: p("incN", 0.01), tauRC: p("tauRC", 0.02), tauRef: p("tauRef", 0.002),
                amplitude: p("amplitude", 1))
        case "SpikingRectifiedLinear":
            return try SpikingRectifiedLinear(amplitude: p("amplitude", 1))
        case "Izhikevich":
            return try Izhikevich(
                tauRecovery: p("tauRecovery", 0.02), coupling: p("coupling", 0.2),
                resetVoltage: p("resetVoltage", -65), resetRecovery: p("resetRecovery", 8))
        case "LIFRate":
            return try LIFRate(tauRC: p("tauRC", 0.02), tauRef: p("tauRef", 0.002), amplitude: p("amplitude", 1))
        case "RectifiedLinear":
            return try RectifiedLinear(amplitude: p("amplitude", 1))
        case "Sigmoid":
            return try Sigmoid(tauRef: p("tauRef", 0.0025))
        case "Tanh":
            return try Tanh(tauRef: p("tauRef", 0.0025))
        default:
            throw FixtureError.malformed(type)
        }
    }

    @Test func fixtureListsEveryCase() throws {
        #expect(Set(try Fixture("neurons").object("steps").keys()) == Set(Self.cases))
    }

    /// Spikes (which neuron, which step, how many) are identical; spike heights and rates agree
    /// to Float precision; states agree within 3e-5 of their scale (Float rounding of J and of
    /// dt = 0.001 accumulated over up to 80 steps; the generator checks that numpy's float32
    /// run of the same steps stays within that bound too).
    @Test(arguments: cases)
    func stepMatchesNengo(name: String) throws {
        let c = try Fixture("neurons").object("steps").object(name)
        let neuron = try Self.neuron(c.string("type"), c.object("params"))
        let names = neuron.stateVariables.map(\.name)
        #expect(Set(names) == Set(c.object("initial").keys()))
        let initial = names.map { c.object("initial").doubles($0).map(Float.init) }
        let steps = Int(c.double("n_steps"))
        let run = NeuronSimulation(
            neuron, dt: c.double("dt"), currents: c.doubles("J").map(Float.init), initialState: initial,
            steps: steps)
        #expect(run.paddingUntouched)
        let expectedOutputs = c.matrix("output")
        #expect(expectedOutputs.count == steps)
        for step in 0..<steps {
            let output = run.outputs[step].map(Double.init)
            let expected = expectedOutputs[step]
            if neuron.isSpiking {
                #expect(output.map { $0 == 0 } == expected.map { $0 == 0 }, "\(name): spikes at step \(step + 1)")
            }
            #expect(maxRelativeDifference(output, expected, floor: 1) <= 1e-5, "\(name): output at step \(step + 1)")
            for (v, variable) in names.enumerated() {
                let state = run.states[v][step].map(Double.init)
                let reference = c.object("state").matrix(variable)[step]
                let scale = max(1, reference.map(abs).max() ?? 1)
                #expect(
                    maxAbsoluteDifference(state, reference) <= 3e-5 * scale,
                    "\(name): \(variable) at step \(step + 1)")
            }
        }
    }
}

@Suite("SpikingRectifiedLinear floor")
struct SpikingRectifiedLinearFloorTests {
    /// The vector floor equals `Float.rounded(.down)` on integers, halves, values next to
    /// integers, negatives, the 2²³ boundary, huge values and NaN.
    @Test func vectorFloorEqualsRoundedDown() {
        var rng = RandomState(seed: 5)
        var values: [Float] = [0, -0.0, 0.5, -0.5, 1, -1, 2.5, -2.5, 8_388_607.5, 8_388_608, -8_388_607.5, 4e9, -4e9, .nan]
        for integer: Float in [1, 2, 3, 100] {
            values += [integer.nextUp, integer.nextDown, -integer.nextUp, -integer.nextDown]
        }
        values += (0..<2000).map { _ in Float(rng.uniform(-50, 50)) }
        values += (0..<2000).map { _ in Float(rng.uniform(-1e7, 1e7)) }
        while values.count % 16 != 0 { values.append(0.25) }
        for start in stride(from: 0, to: values.count, by: 16) {
            var group = SIMD16<Float>()
            for lane in 0..<16 { group[lane] = values[start + lane] }
            let floored = SpikingRectifiedLinear.floor(group)
            for lane in 0..<16 {
                let expected = values[start + lane].rounded(.down)
                let same = floored[lane] == expected || (floored[lane].isNaN && expected.isNaN)
                #expect(same, "floor(\(values[start + lane])) = \(floored[lane]), expected \(expected)")
            }
        }
    }
}
