import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// Decoding in Direct mode: the item at a recall position of a stored list, the position of a
/// digit (A5's K), "nothing" when nothing is unbound, and the end signal.
@Suite("Decoding")
struct DecodingTests {
    @Test func readsTheItemAtAPositionThePositionOfADigitAndTheEnd() throws {
        let h = try DirectHarness(dimensions: 64)
        let memory = try WorkingMemory(in: h.network, vocabulary: h.main)
        let encoding = try Encoding(in: h.network, visual: PointerOutput(try h.pointers([(0, "0")]), vocabulary: h.main, name: "vis"))
        let decoding = try Decoding(
            in: h.network, memory: memory, encoding: encoding,
            transformation: try Transformation(in: h.network, memory: memory))
        // The list [4, 1, 6], each item at half a unit, as the spiking model's store action lays
        // it down (0.42–0.58 in a trace of A3[472]): routed for 0.5 · τ / (the list's two
        // weights) seconds, τ = 0.1 s.
        let storeSeconds = 0.05 / (memory.first.rehearsalWeight + memory.first.decayWeight)
        try h.network.connect(
            try h.pointers([(0, "POS1 * FOR + POS2 * ONE + POS3 * SIX"), (storeSeconds, "0")]), to: memory.first.input.node,
            synapse: nil)
        // The encoding stopped at POS4; recall POS2, then the digit SIX, then POS4.
        try h.network.connect(try h.pointers([(0, "POS4"), (0.02, "0")]), to: encoding.position.input.node, synapse: nil)
        // Each written as the model's actions write it, `target − position` for 0.1 s.
        let targets = try [(0.2, "POS2"), (0.5, "SIX"), (0.8, "POS4")].map { ($0.0, try h.main.parse($0.1).vector) }
        let write = try h.network.node(label: "write position", sizeIn: h.main.dimensions) { t, held in
            guard let target = targets.last(where: { t >= $0.0 && t < $0.0 + 0.1 })?.1 else { return held.map { _ in 0 } }
            return zip(target, held).map { $0 - $1 }
        }
        try h.network.connect(decoding.position.output.node, to: write, synapse: try Lowpass(0.005))
        try h.network.connect(write, to: decoding.position.input.node, synapse: nil)
        let item = try h.watch(decoding.item.output), atEnd = try h.watch(decoding.atEnd.output)
        let number = try h.watch(decoding.positionNumber.output)
        try h.run(1.1)
        #expect(try h.similarity(item, to: "ONE", at: 0.5) > 0.9)
        #expect(try h.similarity(number, to: "THR", at: 0.8) > 0.9)  // SIX is at position 3
        #expect(try h.similarity(number, to: "THR", at: 0.5) < 0.3 && (try h.similarity(item, to: "SIX", at: 0.8)) < 0.3)
        // Before a position is written nothing is unbound, and the item is nothing. (Past the
        // end only the list's cross-talk is unbound, which can pass the item's threshold:
        // recall stops there on `atEnd`, not on an empty item.)
        for digit in SpaunVocabularies.digitKeys {
            let similarity = try h.similarity(item, to: digit, at: 0.18)
            #expect(similarity < 0.3, "\(digit) before a position: \(similarity)")
        }
        #expect(try h.value(atEnd, at: 0.5) < 0.5)
        #expect(abs(try h.value(atEnd, at: 1.1) - 1) < 0.15)
    }
}
