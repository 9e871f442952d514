import Foundation
import Testing

@testable import BrainCore

/// WhiteSignal against Nengo's `make_step(..., rng=RandomState(seed))` (processes.json).
@Suite("WhiteSignal matches Nengo")
struct WhiteSignalTests {
    @Test(arguments: [
        "wraps_period", "odd_dimensions", "y0", "y0_negative", "prime_length_at_nyquist", "power_of_two_length",
        "long_16d", "long_full_band",
    ])
    func outputsMatchNengo(_ name: String) throws {
        let c = try #require(try Fixture("processes").elements("white_signal").first { $0.string("name") == name })
        let y0 = c.double("y0")
        let process = try WhiteSignal(
            period: c.double("period"), high: c.double("high"), rms: c.double("rms"), y0: y0.isNaN ? nil : y0)
        let dt = c.double("dt"), size = Int(c.double("size"))
        let times = c.doubles("steps").map { $0 * dt }
        let expected = c.matrix("output")

        // Double path: the signal samples themselves, to ~1e-12.
        var rng = RandomState(seed: Int(c.double("seed")))
        let signal = try process.signal(sizeIn: 0, sizeOut: size, dt: dt, rng: &rng)
        let player = WhiteSignalStepper(signal: signal, dt: dt)
        let samples = times.map { signal.row(player.row(at: $0)) }
        #expect(maxScaledDifference(samples, expected) < 1e-13)
        // The generator consumed exactly Nengo's draws.
        #expect(rng.standardNormal() == c.double("next_standard_normal"))

        // Float path through the ProcessStepper.
        var stepperRNG = RandomState(seed: Int(c.double("seed")))
        let stepper = try process.makeStepper(sizeIn: 0, sizeOut: size, dt: dt, rng: &stepperRNG)
        #expect(maxScaledDifference(runStepper(stepper, size: size, times: times), expected) < 1e-6)
    }

    @Test func rmsIsAsRequested() throws {
        var rng = RandomState(seed: 0)
        let signal = try WhiteSignal(period: 2, high: 20, rms: 0.3).signal(sizeIn: 0, sizeOut: 4, dt: 0.001, rng: &rng)
        let rms = (signal.values.map { $0 * $0 }.reduce(0, +) / Double(signal.values.count)).squareRoot()
        #expect(abs(rms - 0.3) < 0.03)
    }

    @Test func badParametersAreRejected() throws {
        #expect(throws: BrainKitError.validation("WhiteSignal", "period", "must be > 0, got -1")) {
            try WhiteSignal(period: -1, high: 5)
        }
        #expect(throws: BrainKitError.validation("WhiteSignal", "rms", "must be > 0, got 0")) {
            try WhiteSignal(period: 1, high: 5, rms: 0)
        }
        #expect(
            throws: BrainKitError.validation(
                "WhiteSignal", "high", "must be >= 1/period = 1 Hz (for a non-zero signal), got 0.5")
        ) { try WhiteSignal(period: 1, high: 0.5) }
        var rng = RandomState(seed: 0)
        #expect(
            throws: BrainKitError.validation(
                "WhiteSignal", "high", "must be <= the Nyquist frequency 0.5/dt = 500 Hz, got 600")
        ) { try WhiteSignal(period: 1, high: 600).makeStepper(sizeIn: 0, sizeOut: 1, dt: 0.001, rng: &rng) }
        #expect(throws: BrainKitError.self) {
            try WhiteSignal(period: 1, high: 5).makeStepper(sizeIn: 2, sizeOut: 1, dt: 0.001, rng: &rng)
        }
        // high = 1/period and high = 0.5/dt are both allowed.
        _ = try WhiteSignal(period: 1, high: 1).makeStepper(sizeIn: 0, sizeOut: 1, dt: 0.001, rng: &rng)
        _ = try WhiteSignal(period: 1, high: 500).makeStepper(sizeIn: 0, sizeOut: 1, dt: 0.001, rng: &rng)
    }

    @Test func runUsesTheProcessSeed() throws {
        let process = try WhiteSignal(period: 1, high: 5, seed: 3)
        #expect(try process.run(steps: 20) == process.run(steps: 20, seed: 3))
        #expect(try process.run(steps: 20) != process.run(steps: 20, seed: 4))
    }
}
