import Testing
import BrainTestSupport
@testable import BrainCore

/// Rate curves against Nengo (fixture a).
@Suite("Neuron rates match Nengo")
struct NeuronRatesTests {
    @Test func closedFormRatesMatchFixtureA() throws {
        let a = try Fixture("a_lif_rates")
        let j = a.doubles("J")
        let cases: [(any NeuronType, String)] = [
            (LIFRate(), "lifrate_hz"),
            (LIF(), "lif_hz"),
            (AdaptiveLIF(), "lif_hz"),
            (AdaptiveLIFRate(), "lifrate_hz"),
            (RectifiedLinear(), "rectified_linear_hz"),
            (SpikingRectifiedLinear(), "rectified_linear_hz"),
            (Sigmoid(), "sigmoid_hz_tau_ref_0.0025"),
            (Tanh(), "tanh_hz_tau_ref_0.0025"),
            (try LIFRate(tauRC: 0.05, tauRef: 0.001, amplitude: 0.5), "lifrate_tau_rc_0.05_tau_ref_0.001_amp_0.5_hz"),
        ]
        for (neuron, key) in cases {
            let expected = a.doubles(key)
            #expect(expected.count == j.count)
            #expect(maxRelativeDifference(neuron.rates(currents: j), expected) <= 1e-12, "\(neuron) vs \(key)")
        }
    }

    /// The Float spiking step, run 2 s from v = 0 and counted over the last second, fires
    /// at the analytic rate within 1 Hz (as Nengo's float64 step does), except just above
    /// threshold (see ``float32CannotFireJustAboveThreshold()``).
    @Test func spikingLIFFiresAtTheAnalyticRate() throws {
        let a = try Fixture("a_lif_rates")
        let (j, spikes) = try Self.empiricalSpikeCounts(a)
        let analytic = a.doubles("lif_hz")
        var checked = 0
        for i in 0..<j.count where !(j[i] > 1 && j[i] < 1.000001) {
            #expect(
                abs(Double(spikes[i]) - analytic[i]) <= 1,
                "J = \(j[i]): \(spikes[i]) spikes, analytic \(analytic[i]) Hz")
            checked += 1
        }
        #expect(checked == j.count - 1)
    }

    /// A known Float32 limit, not a Nengo behaviour: for `1 < J < 1 + 1.3e-6` the voltage
    /// stalls below 1 (near 1, an update `(J - v) * expm1(-dt/tauRC)` of less than half a
    /// Float ulp, 3e-8, rounds away), so the neuron never fires, although the analytic rate
    /// is about 3.1–3.7 Hz there. Fixture a's J = 1.0000001 (Float 1 + 1.19e-7) is such a
    /// current: Nengo (float64) fires 3 times in the last second, the Float step never.
    @Test func float32CannotFireJustAboveThreshold() throws {
        let a = try Fixture("a_lif_rates")
        let (j, spikes) = try Self.empiricalSpikeCounts(a)
        let i = try #require(j.firstIndex(of: 1.0000001))
        #expect(a.doubles("lif_spiking_empirical_hz")[i] == 3)
        #expect(spikes[i] == 0)
        let stalled = NeuronSimulation(
            LIF(), dt: 0.001, currents: [Float(j[i])], initialState: [[0], [0]], steps: 2000)
        #expect(stalled.states[0][1999][0] < 1 && stalled.states[0][1999][0] > 0.999999)
    }

    /// Fixture a's currents through the Float LIF step: spikes in the second of two seconds.
    static func empiricalSpikeCounts(_ a: Fixture) throws -> ([Double], [Int]) {
        let j = a.doubles("J")
        let zeros = [Float](repeating: 0, count: j.count)
        let run = NeuronSimulation(
            LIF(), dt: 0.001, currents: j.map(Float.init), initialState: [zeros, zeros], steps: 2000)
        return (j, (0..<j.count).map { i in run.outputs[1000...].filter { $0[i] != 0 }.count })
    }

    @Test func floatRatesMatchTheDoubleCurves() {
        let j: [Double] = [-3, 0, 0.5, 1, 1.5, 2, 5, 20, 100]
        let neurons: [any NeuronType] = [LIFRate(), RectifiedLinear(), Sigmoid(), Tanh()]
        for neuron in neurons {
            let run = NeuronSimulation(neuron, dt: 0.001, currents: j.map(Float.init), initialState: [], steps: 1)
            let floatRates = run.outputs[0].map(Double.init)
            #expect(maxRelativeDifference(floatRates, neuron.rates(currents: j)) <= 1e-6, "\(neuron)")
        }
    }

    @Test func directRatesAreTheIdentity() {
        #expect(Direct().rates(currents: [-2, 0, 3.5]) == [-2, 0, 3.5])
    }
}
