import BrainCore
import Testing

import BrainSPA

/// The spa-sequence example (Examples/spa-sequence/main.swift; spec §D3) as a test: a State
/// "cortex" of D = 16 and five actions dot(cortex, X) → next letter into cortex
/// (A→B→C→D→E→A), started by a 50 ms kick of A; 1 s, cortex probed τ 0.01.
///
/// A letter enters when it becomes the most similar key and stays so for 3 ms
/// (`Vocabulary.bestMatchSequence`, as the example and its Nengo twin
/// bench/nengo/examples/spa_sequence.py measure). The letters must enter
/// in the cyclic order A, B, C, D, E, A, … (at least two full cycles), and the mean time
/// between entries must be 32–40 ms (nengo_spa: 33.9 and 34.1 ms for seeds 0 and 1; the docs
/// say about 40 ms). Measured: seed 0 31 entries, 32.7 ms; seed 1 30 entries, 33.5 ms.
@Suite("spa-sequence example")
struct SequenceExampleTests {
    @Test(arguments: [0, 1])
    func visitsTheLettersInOrder(seed: Int) throws {
        let model = try Network(label: "spa-sequence", seed: seed)
        let vocabulary = try Vocabulary(dimensions: 16, name: "letters", seed: seed)
        try vocabulary.populate("A; B; C; D; E")
        let cortex = try State(in: model, label: "cortex", vocabulary: vocabulary)
        let start = try Transcode(in: model, label: "start", output: vocabulary) { t, _ in t < 0.05 ? "A" : "0" }
        try model.add(start --> cortex)
        let letters = vocabulary.keys
        _ = try ActionSelection(in: model, label: "sequence") {
            for (current, next) in zip(letters, letters.dropFirst() + [letters[0]]) {
                IfMax("\(current) to \(next)", dot(cortex, sym(current))) { sym(next) --> cortex }
            }
        }
        #expect(model.neuronCount == 3550)
        let probe = try model.probe(cortex.output.node, synapse: 0.01)
        let sim = try SPASimulation.run(model, seconds: 1.0)
        let found = try vocabulary.bestMatchSequence(try sim.data(probe), times: sim.trange(), hold: 3)
        let order = found.map(\.key).joined()
        let gaps = zip(found.dropFirst(), found).map { $0.time - $1.time }
        let period = gaps.reduce(0, +) / Double(max(gaps.count, 1))
        SPASimulation.measure("sequence seed \(seed): \(order), period \(period * 1000) ms")
        #expect(found.count >= 11, "entries: \(order)")
        #expect(found.enumerated().allSatisfy { $0.element.key == letters[$0.offset % 5] }, "order: \(order)")
        #expect(period >= 0.032 && period <= 0.040, "mean period \(period * 1000) ms (\(order))")
    }
}
