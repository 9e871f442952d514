import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// Encoding in Direct mode: the bound item is position ⊛ visual pointer, and `seen` is the
/// visual pointer's dot product with the last item.
@Suite("Encoding")
struct EncodingTests {
    @Test func bindsTheItemToThePositionAndTellsANewItemFromTheLast() throws {
        let h = try DirectHarness()
        let visual = try h.network.node(label: "vis", sizeIn: h.main.dimensions)
        try h.network.connect(try h.pointers([(0, "THR"), (0.2, "FIV")]), to: visual, synapse: nil)
        let encoding = try Encoding(in: h.network, visual: PointerOutput(visual, vocabulary: h.main, name: "vis"))
        try h.network.connect(try h.pointers([(0, "POS2"), (0.02, "0")]), to: encoding.position.input.node, synapse: nil)
        try h.network.connect(try h.pointers([(0, "THR"), (0.02, "0")]), to: encoding.lastItem.input.node, synapse: nil)
        let bound = try h.watch(encoding.boundItem.output), seen = try h.watch(encoding.seen.output)
        try h.run(0.4)
        #expect(try h.similarity(bound, to: "POS2 * THR", at: 0.2) > 0.95)
        #expect(try h.similarity(bound, to: "POS2 * FIV", at: 0.4) > 0.95)
        #expect(abs(try h.value(seen, at: 0.2) - 1) < 0.05)
        #expect(abs(try h.value(seen, at: 0.4) - (try h.main.parse("THR").dot(try h.main.parse("FIV")))) < 0.05)
    }

    /// `pending` is high after a store has moved the next position on and low once the position
    /// has followed (what `advance at close` reads).
    @Test func pendingTellsAStoreNotYetAdvancedPast() throws {
        let h = try DirectHarness()
        let visual = try h.network.node(label: "vis", sizeIn: h.main.dimensions)
        let encoding = try Encoding(in: h.network, visual: PointerOutput(visual, vocabulary: h.main, name: "vis"))
        try h.network.connect(try h.pointers([(0, "POS2"), (0.02, "0")]), to: encoding.position.input.node, synapse: nil)
        try h.network.connect(
            try h.pointers([(0, "POS3"), (0.02, "0"), (0.2, "POS2 - POS3"), (0.22, "0")]), to: encoding.nextPosition.input.node,
            synapse: nil)
        let pending = try h.watch(encoding.pending.output)
        try h.run(0.4)
        #expect(try h.value(pending, at: 0.2) > 0.9)
        #expect(abs(try h.value(pending, at: 0.4) - (try h.main.parse("POS3").dot(try h.main.parse("POS2")))) < 0.1)
    }
}
