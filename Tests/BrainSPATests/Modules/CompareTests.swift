import BrainCore
import Testing

import BrainSPA

/// nengo_spa's `modules/tests/test_compare.py::test_run` (spec §C2) with its thresholds:
/// Compare(16), input A for t < 0.1 s then B, compared with the symbol A; probe τ 0.03, 0.2 s.
/// The output at sample 100 is > 0.8 and at sample 199 < 0.2. Also the neuron count of spec §B8
/// (200·D) and that the output is a scalar (one column). Measured (seeds 0 / 1): 0.943 / 1.001
/// at sample 100, −0.077 / 0.003 at 199.
@Suite("Compare behaviour (nengo_spa test_compare)")
struct CompareTests {
    @Test(arguments: [0, 1])
    func run(seed: Int) throws {
        let vocabulary = try Vocabulary(dimensions: 16, seed: seed)
        try vocabulary.populate("A; B")
        let model = try Network(seed: seed)
        let compare = try Compare(in: model, vocabulary: vocabulary)
        let input = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.1 ? "A" : "B" }
        try model.add {
            input --> compare.inputA
            sym.A --> compare.inputB
        }
        let probe = try model.probe(compare.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let data = try sim.data(probe)
        #expect(data.columns == 1)
        SPASimulation.measure("compare seed \(seed): \(data[100, 0]) \(data[199, 0])")
        #expect(data[100, 0] > 0.8, "A·A at sample 100: \(data[100, 0])")
        #expect(data[199, 0] < 0.2, "B·A at sample 199: \(data[199, 0])")
    }

    @Test func neuronCount() throws {
        let model = try Network(seed: 0)
        let compare = try Compare(in: model, vocabulary: try Vocabulary(dimensions: 16, seed: 0))
        #expect(compare.network.neuronCount == 3200)
        #expect(compare.output.node.sizeOut == 1)
    }
}
