import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The transformation system in Direct mode: A5's digit → position translation and the count
/// reached signal.
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
}
