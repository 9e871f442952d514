import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The transformation system in Direct mode: A5's digit → position translation, the count
/// reached signal, and the induction of A6 and A7 (change and induced list).
@Suite("Transformation")
struct TransformationTests {
    @Test func translatesTheProbeDigitAndComparesTheCounter() throws {
        let h = try DirectHarness()
        let memory = try WorkingMemory(in: h.network, vocabulary: h.main)
        let transformation = try Transformation(in: h.network, memory: memory)
        try h.network.connect(try h.pointers([(0, "POS1 * THR"), (0.1, "0")]), to: memory.second.input.node, synapse: nil)
        try h.network.connect(
            try h.pointers([(0, "POS1 * ONE"), (0.02, "0"), (0.4, "POS1 * THR - POS1 * ONE"), (0.42, "0")]),
            to: transformation.counter.input.node, synapse: nil)
        let position = try h.watch(transformation.positionOfDigit.output)
        let reached = try h.watch(transformation.countReached.output)
        try h.run(0.7)
        #expect(try h.similarity(position, to: "POS3", at: 0.4) > 0.9)
        #expect(abs(try h.value(reached, at: 0.4) - (try h.main.parse("ONE").dot(try h.main.parse("THR")))) < 0.15)
        #expect(abs(try h.value(reached, at: 0.7) - 1) < 0.1)
    }

    @Test func countingCyclesInFourTenthsOfASecond() throws {
        let h = try DirectHarness()
        let t = try Transformation(in: h.network, memory: try WorkingMemory(in: h.network, vocabulary: h.main))
        let cycle = RampOscillator.cycleSeconds(rate: t.countingRate, fall: Transformation.pacerFall)
        #expect(abs(cycle + RampOscillator.flipSeconds - 0.4) < 1e-3)
    }

    /// With `POS1 ⊛ TWO` in the cell and `POS1 ⊛ ONE` before it, the change is their
    /// unbinding; with `ADD` as the average change and `POS1 ⊛ FOR` in the cell, the induced
    /// list is `POS1 ⊛ FOR ⊛ ADD`, `POS1 ⊛ FIV`.
    @Test func changeAndInducedListAreTheirBindings() throws {
        let h = try DirectHarness()
        let memory = try WorkingMemory(in: h.network, vocabulary: h.main)
        let t = try Transformation(in: h.network, memory: memory)
        // A route u held for T seconds adds gain · T / τ · u: the cell (gain 1, τ 0.05) for
        // 0.05 s, the previous cell (gain 5) for 0.01 s and the average for τ / gain.
        let averagePulse = Transformation.averageChangeTau / Transformation.averageChangeGain
        try h.network.connect(
            try h.pointers([(0, "POS1 * TWO"), (0.05, "0"), (0.4, "POS1 * FOR - POS1 * TWO"), (0.45, "0")]),
            to: memory.cell.input.node, synapse: nil)
        try h.network.connect(try h.pointers([(0, "POS1 * ONE"), (0.01, "0")]), to: memory.previousCell.input.node, synapse: nil)
        try h.network.connect(try h.pointers([(0.3, "ADD"), (0.3 + averagePulse, "0")]), to: t.averageChange.input.node, synapse: nil)
        let change = try h.watch(t.change.output), induced = try h.watch(t.induced.output)
        try h.run(0.7)
        // The change's direction is the unbinding's (the memories hold their values to a few
        // per cent, so the magnitude is not exact); the induced list is the binding's.
        #expect(try cosine(h, change, "POS1 * TWO * ~(POS1 * ONE)", at: 0.3) > 0.98)
        #expect(try cosine(h, induced, "POS1 * FOR * ADD", at: 0.7) > 0.98)
        #expect(try h.similarity(induced, to: "POS1 * FIV", at: 0.7) > 0.9)
    }

    /// The cosine between the probed pointer at `time` and the expression `text`.
    private func cosine(_ h: DirectHarness, _ index: Int, _ text: String, at time: Double) throws -> Double {
        let row = try h.values(index).row(Int((time / 0.001).rounded()) - 1)
        let target = try h.main.parse(text).vector
        let dot = zip(row, target).reduce(0) { $0 + $1.0 * $1.1 }
        return dot / (row.reduce(0) { $0 + $1 * $1 }.squareRoot() * target.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }
}
