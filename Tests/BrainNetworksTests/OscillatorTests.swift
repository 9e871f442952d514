import BrainTestSupport
import Foundation
import Testing

@testable import BrainNetworks

/// Nengo 3.x's oscillator test (networks spec §C1) with its tolerance, the same comparison with
/// identical neurons, the exact rotation in Direct mode, a rate-mode run and the frequency
/// measurement.
@Suite("Oscillator")
struct OscillatorTests {
    /// Runs Nengo's test network: `Oscillator(0.1, 5, 100)` beside a hand-built copy, both
    /// kicked with [1, 0] for 0.5 s (default synapse), for 3 s; returns rms(template − copy) of
    /// the decoded states through a 10 ms probe lowpass. `copySeed` fixes the copy's seed.
    static func templateVersusCopy(seed: Int, copySeed: Int?) throws -> Double {
        let tau = 0.1, frequency = 5.0
        let net = try Network(seed: seed)
        let kick = try net.node(process: try Piecewise(data: [0: [1, 0], 0.5: [0, 0]]))
        let template = try Oscillator(in: net, recurrentTau: tau, frequency: frequency, neurons: 100, seed: 7)
        try net.connect(kick, to: template.input)
        let copy = try net.ensemble(neurons: 100, dimensions: 2, seed: copySeed)
        let turn = frequency * tau
        let rotation = Matrix([[1, -turn], [turn, 1]])
        try net.connect(copy, to: copy, synapse: try Lowpass(tau), transform: .dense(rotation))
        try net.connect(kick, to: copy)
        let templateProbe = try net.probe(template.ensemble, synapse: 0.01)
        let copyProbe = try net.probe(copy, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 3)
        return rmse(try sim.data(templateProbe).values, try sim.data(copyProbe).values)
    }

    @Test func matchesAHandBuiltCopy() throws {
        let error = try OscillatorTests.templateVersusCopy(seed: 1, copySeed: nil)
        #expect(error < 0.2, "rms(template − copy) = \(error)")
    }

    @Test func matchesAHandBuiltCopyWithTheSameSeeds() throws {
        // The template's ensemble seed depends only on its own subnetwork's seed (7).
        let scratch = try Network()
        let scratchTemplate = try Oscillator(in: scratch, recurrentTau: 0.1, frequency: 5, neurons: 100, seed: 7)
        let ensembleSeed = try #require(try Simulator(scratch).seed(of: scratchTemplate.ensemble))
        let error = try OscillatorTests.templateVersusCopy(seed: 1, copySeed: ensembleSeed)
        #expect(error < 0.2, "rms(template − copy) = \(error)")
    }

    /// Direct mode rotates exactly: each step is `r[k+1] = (I + (1 − a)·τ·Ω)·r[k]` once the kick is over,
    /// turning by `atan((1 − a)·ω·τ)` per step, within 0.5 % (dt/2τ) of ω.
    @Test func directModeRotatesAtTheFrequency() throws {
        let tau = 0.1, omega = 5.0, dt = 0.001
        let net = try Network(seed: 2)
        net.defaults.neuronType = Direct()
        let kick = try net.node(process: try Piecewise(data: [0: [1, 0], 0.1: [0, 0]]))
        let oscillator = try Oscillator(in: net, recurrentTau: tau, frequency: omega, neurons: 1)
        try net.connect(kick, to: oscillator.input, synapse: nil)
        let probe = try net.probe(oscillator.output)
        let sim = try Simulator(net, dt: dt)
        try sim.run(seconds: 2)
        let data = try sim.data(probe), times = sim.trange()

        let a = exp(-dt / tau), c = (1 - a) * omega * tau
        var worst = 0.0
        for row in 200..<data.rows {
            let previous = data.row(row - 1)
            let rotated = [previous[0] - c * previous[1], previous[1] + c * previous[0]]
            let size = (previous[0] * previous[0] + previous[1] * previous[1]).squareRoot()
            worst = max(worst, maxAbsoluteDifference(data.row(row), rotated) / size)
        }
        #expect(worst < 1e-6, "largest relative difference of a step from the rotation: \(worst)")
        let measured = try Oscillator.measuredFrequency(of: data, times: times, after: 0.2) * 2 * Double.pi
        #expect(abs(measured - atan(c) / dt) < 1e-6 * omega, "measured \(measured) rad/s")
        #expect(abs(measured - omega) < 0.005 * omega)
    }

    /// Rate neurons oscillate near ω with an amplitude near 1 (Nengo with LIFRate, seeds 0–4:
    /// 4.90–4.93 rad/s, amplitude 0.79–1.01 after 1 s).
    @Test func rateModeOscillates() throws {
        let net = try Network(seed: 3)
        net.defaults.neuronType = LIFRate()
        let kick = try net.node(process: try Piecewise(data: [0: [1, 0], 0.5: [0, 0]]))
        let oscillator = try Oscillator(in: net, recurrentTau: 0.1, frequency: 5, neurons: 100)
        try net.connect(kick, to: oscillator.input)
        let probe = try net.probe(oscillator.output, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 3)
        let data = try sim.data(probe), times = sim.trange()
        let measured = try Oscillator.measuredFrequency(of: data, times: times, after: 1) * 2 * Double.pi
        #expect(abs(measured - 5) < 0.25, "measured \(measured) rad/s")
        let amplitudes = (1000..<data.rows).map { (data[$0, 0] * data[$0, 0] + data[$0, 1] * data[$0, 1]).squareRoot() }
        let smallest = try #require(amplitudes.min()), largest = try #require(amplitudes.max())
        #expect(smallest > 0.6 && largest < 1.2, "amplitude \(smallest)–\(largest)")
    }

    @Test func measuredFrequencyFollowsThePhase() throws {
        let times = (1...2000).map { Double($0) * 0.001 }
        let clockwise = Matrix(times.map { [cos(-2 * Double.pi * 3 * $0), sin(-2 * Double.pi * 3 * $0)] })
        #expect(abs(try Oscillator.measuredFrequency(of: clockwise, times: times, after: 0.5) + 3) < 1e-9)
        #expect(throws: BrainKitError.self) {
            try Oscillator.measuredFrequency(of: clockwise, times: times, after: 2)
        }
        #expect(throws: BrainKitError.self) {
            try Oscillator.measuredFrequency(of: Matrix(column: times), times: times, after: 0)
        }
    }

    @Test func rejectsBadParameters() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try Oscillator(in: net, recurrentTau: -1, frequency: 5, neurons: 10) }
        #expect(throws: BrainKitError.self) { try Oscillator(in: net, recurrentTau: 0.1, frequency: .nan, neurons: 10) }
        #expect(throws: BrainKitError.self) { try Oscillator(in: net, recurrentTau: 0.1, frequency: 5, neurons: 0) }
    }
}
