import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The pacemaker in Direct mode: it rests without a rate and cycles with one, at the period its
/// equation gives.
@Suite("RampOscillator")
struct RampOscillatorTests {
    /// Times at which the phase crosses +0.5 upwards (a completed rise).
    static func completions(_ phase: Matrix, dt: Double = 0.001) -> [Double] {
        var times: [Double] = [], armed = true
        for row in 0..<phase.rows {
            if phase[row, 0] < -0.5 { armed = true }
            if armed, phase[row, 0] > 0.5 {
                times.append(Double(row + 1) * dt)
                armed = false
            }
        }
        return times
    }

    @Test func restsWithoutARateAndCyclesWithOne() throws {
        let h = try DirectHarness()
        let pen = try RampOscillator(in: h.network, label: "pen")
        // No rate for 1 s, then c = 0.1 for 4 s.
        try h.network.connect(try h.scalar { $0 < 1 ? 0 : 0.1 }, to: pen.rate.node, synapse: nil)
        let phase = try h.watch(pen.phase), ramp = try h.watch(pen.ramp)
        try h.run(5)
        let restingRamp = try h.value(ramp, at: 1), restingPhase = try h.value(phase, at: 1)
        #expect(abs(restingRamp) < 0.01 && restingPhase < -1)
        let flips = Self.completions(try h.values(phase))
        // Each cycle takes what the equations give plus the two flips.
        let cycle = RampOscillator.cycleSeconds(rate: 0.1) + RampOscillator.flipSeconds
        #expect(cycle > 0.9 && cycle < 1.1, "\(cycle)")
        #expect(flips.count >= 3 && flips.count <= 5, "\(flips)")
        let periods = zip(flips.dropFirst(), flips).map { $0 - $1 }
        #expect(periods.allSatisfy { abs($0 - cycle) < 0.02 }, "\(periods) against \(cycle)")
        #expect(abs(RampOscillator.cycleSeconds(rate: RampOscillator.rate(cycling: 0.7)) + RampOscillator.flipSeconds - 0.7) < 1e-3)
    }

    @Test func theRateForARiseTimeAndACycle() {
        #expect(abs(RampOscillator.rate(risingIn: 0.4) - 0.2) < 1e-12)
    }

    @Test func badParametersAreTypedErrors() throws {
        let h = try DirectHarness()
        #expect(throws: BrainKitError.self) { try RampOscillator(in: h.network, label: "p", top: 0.1, bottom: 0.2) }
        #expect(throws: BrainKitError.self) { try RampOscillator(in: h.network, label: "p", fall: .nan) }
        #expect(throws: BrainKitError.self) { try RampOscillator(in: h.network, label: "p", neurons: 0) }
    }
}
