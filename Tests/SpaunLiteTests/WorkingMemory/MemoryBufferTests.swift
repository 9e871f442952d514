import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// Memory buffers in Direct mode: integration, difference writes and clean attractors, as their
/// documentation states them.
@Suite("MemoryBuffer")
struct MemoryBufferTests {
    @Test func aLinearMemoryIntegratesWhatIsRoutedIn() throws {
        let h = try DirectHarness()
        let memory = try MemoryBuffer(in: h.network, label: "m", vocabulary: h.main, gain: 1)
        // ONE for 0.1 s at gain 1 and τ 0.1 s adds one unit of ONE: gain · T / τ = 1.
        try h.network.connect(try h.pointers([(0, "ONE"), (0.1, "0")]), to: memory.input.node, synapse: nil)
        let m = try h.watch(memory.output)
        try h.run(0.5)
        #expect(abs(try h.similarity(m, to: "ONE", at: 0.5) - 1) < 0.03)
        #expect(abs(try h.similarity(m, to: "TWO", at: 0.5) - (try h.main.parse("ONE").dot(try h.main.parse("TWO")))) < 0.03)
    }

    @Test func aDifferenceWriteSettlesOnItsTarget() throws {
        let h = try DirectHarness()
        let memory = try MemoryBuffer(in: h.network, label: "m", vocabulary: h.main, feedbackTau: 0.03)
        // Route "target − m" for 0.3 s: τ (1 + g) / g = 36 ms, so it has settled; then it holds.
        let target = try h.pointers([(0, "POS2"), (0.3, "0")])
        let gate = try h.scalar { $0 < 0.3 ? 1 : 0 }
        let difference = try h.network.node(label: "difference", sizeIn: 2 * h.main.dimensions + 1, sizeOut: h.main.dimensions) {
            _, x in
            let d = h.main.dimensions
            return (0..<d).map { x[2 * d] * (x[$0] - x[d + $0]) }
        }
        let d = h.main.dimensions
        try h.network.connect(target, to: difference[0..<d], synapse: nil)
        try h.network.connect(memory.output.node, to: difference[d..<(2 * d)], synapse: nil)
        try h.network.connect(gate, to: difference[(2 * d)..<(2 * d + 1)], synapse: nil)
        try h.network.connect(difference, to: memory.input.node, synapse: 0.01)
        let m = try h.watch(memory.output)
        try h.run(0.8)
        #expect(abs(try h.similarity(m, to: "POS2", at: 0.3) - 1) < 0.05)
        #expect(abs(try h.similarity(m, to: "POS2", at: 0.8) - 1) < 0.05)
    }

    @Test func aCleanMemoryCompletesAPartialWriteToItsKey() throws {
        let h = try DirectHarness()
        let memory = try MemoryBuffer(
            in: h.network, label: "m", vocabulary: h.main, feedbackTau: 0.03, cleanup: SpaunVocabularies.digitKeys)
        // A brief push of 0.4·TWO + 0.2·ONE: the attractor completes TWO at unit strength.
        try h.network.connect(
            try h.pointers([(0, "0"), (0.05, "0.4 * TWO + 0.2 * ONE"), (0.08, "0")]), to: memory.input.node, synapse: nil)
        let m = try h.watch(memory.output)
        try h.run(0.6)
        #expect(try h.similarity(m, to: "TWO", at: 0.6) > 0.95)
        #expect(abs(try h.similarity(m, to: "ONE", at: 0.6) - (try h.main.parse("ONE").dot(try h.main.parse("TWO")))) < 0.1)
    }

    @Test func badParametersAreTypedErrors() throws {
        let h = try DirectHarness()
        #expect(throws: BrainKitError.self) { try MemoryBuffer(in: h.network, label: "m", vocabulary: h.main, gain: .nan) }
        #expect(throws: BrainKitError.self) { try MemoryBuffer(in: h.network, label: "m", vocabulary: h.main, feedbackTau: 0) }
        #expect(throws: BrainKitError.self) {
            try MemoryBuffer(in: h.network, label: "m", vocabulary: h.main, cleanup: ["NOT_A_KEY"])
        }
        // Clearing needs neurons.
        let direct = try MemoryBuffer(in: h.network, label: "d", vocabulary: h.main)
        #expect(throws: BrainKitError.self) { try direct.clear(whenHigh: try h.scalar { _ in 0 }) }
    }
}
