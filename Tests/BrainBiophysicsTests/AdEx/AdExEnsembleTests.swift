import BrainBiophysics
import BrainCore
import BrainTestSupport
import Foundation
import Testing

/// AdEx as an ensemble neuron type: 50 neurons represent a 1-D value.
@Suite("AdEx ensembles")
struct AdExEnsembleTests {
    /// Runs 50 AdEx neurons (the talk's cell; J in nA; seed 3, dt 1 ms) driven by `signal`
    /// for `seconds`, and returns the RMSE between the decoded output (10 ms lowpass probe) and
    /// the input through the same lowpass over t >= `from`, and the build time.
    static func decodedRMSE(
        seconds: Double, from: Double, signal: @escaping @Sendable (Double) -> Double
    ) throws -> (rmse: Double, build: Duration) {
        let net = try Network(label: "adex ensemble", seed: 3)
        let input = try net.node(function: signal)
        let ensemble = try net.ensemble(
            label: "adex", neurons: 50, dimensions: 1, neuronType: try AdEx.bretteGerstner2005())
        try net.connect(input, to: ensemble, synapse: nil)
        let inputProbe = try net.probe(input)
        let outputProbe = try net.probe(ensemble, synapse: 0.01)
        let clock = ContinuousClock()
        let buildStart = clock.now
        let sim = try Simulator(net)
        let build = clock.now - buildStart
        try sim.run(seconds: seconds)
        let times = sim.trange()
        let ideal = try Lowpass(0.01).filter(try sim.data(inputProbe).column(0), dt: sim.dt)
        let decoded = try sim.data(outputProbe).column(0)
        let window = times.indices.filter { times[$0] >= from }
        return (rmse(window.map { decoded[$0] }, window.map { ideal[$0] }), build)
    }

    /// A ramp from -1 to 1 over 4 s, compared from 0.2 s on.
    @Test func fiftyNeuronsRepresentARamp() throws {
        let (error, build) = try Self.decodedRMSE(seconds: 4, from: 0.2) { t in -1 + t / 2 }
        print("AdEx ensemble, ramp -1 -> 1 over 4 s: decoded RMSE \(error); build \(build)")
        #expect(error <= 0.1, "decoded RMSE \(error)")
    }

    /// `0.9 sin(2π t / 8 s)` for 8 s, compared from 0.5 s on. (Faster inputs are decoded with a
    /// phase lead: the adaptation current, τw = 144 ms, makes the cells respond to changes more
    /// than to levels; a 2 s period gives RMSE ≈ 0.15 with these decoders.)
    @Test func fiftyNeuronsRepresentASlowSine() throws {
        let (error, build) = try Self.decodedRMSE(seconds: 8, from: 0.5) { t in 0.9 * sin(2 * Double.pi * t / 8) }
        print("AdEx ensemble, sine period 8 s: decoded RMSE \(error); build \(build)")
        #expect(error <= 0.1, "decoded RMSE \(error)")
    }
}
