import BrainCore
import Testing

import BrainSPA

/// nengo_spa's `modules/tests/test_state.py` (spec §C2, State rows) with its thresholds and
/// windows unchanged, plus the State's neuron count (spec §B8: 50·D).
///
/// - test_no_feedback_run: State(32) fed A for [0, 0.3), B for [0.3, 0.6), then 0; probe τ
///   0.05. At sample 299 A > 0.9 and B < 0.2; at 599 the reverse; at 799 both < 0.2.
/// - test_memory_run: State(32, feedback 1, feedback synapse 0.01) fed A for 50 ms; probe τ
///   0.03. Mean A over 0.05 < t < 0.1 > 1.0, over 0.2 < t < 0.3 > 0.7, over t > 0.49 > 0.5.
/// - test_memory_run_decay: feedback 1 − 0.01/0.05; A at t = 0.05 > 1.0, at t = 0.299 < 0.4.
/// - test_represent_cc_identity: State(32) ← the HRR identity; probe τ 0.03; for t > 0.2 every
///   sample has v[0] > 0.9 and |v[1…]| < 0.1.
///
/// Measured (seeds 0 / 1): no feedback A 0.979 / 0.965 and B −0.151 / −0.189 at 299, A −0.159
/// / −0.208 and B 0.959 / 0.989 at 599, both within ±0.02 at 799; memory 1.48 / 1.40, 1.15 /
/// 1.06, 1.09 / 0.93; decay 1.28 / 1.22 and 0.19 / 0.23; identity smallest v[0] 0.953 / 0.941,
/// largest |v[1…]| 0.023 / 0.022.
@Suite("State behaviour (nengo_spa test_state)")
struct StateTests {
    static func vocabulary(_ dimensions: Int, seed: Int) throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: dimensions, seed: seed)
        try vocabulary.populate("A; B")
        return vocabulary
    }

    @Test(arguments: [0, 1])
    func noFeedbackRun(seed: Int) throws {
        let model = try Network(seed: seed)
        let vocabulary = try Self.vocabulary(32, seed: seed)
        let state = try State(in: model, vocabulary: vocabulary, feedback: 0)
        let input = try Transcode(in: model, output: vocabulary) { t, _ in
            t < 0.3 ? "A" : t < 0.6 ? "B" : "0"
        }
        try model.add(input --> state)
        let probe = try model.probe(state.output.node, synapse: 0.05)
        let sim = try SPASimulation.run(model, seconds: 0.8)
        let data = try sim.data(probe)
        let a = SPASimulation.dots(data, try vocabulary.pointer("A").vector)
        let b = SPASimulation.dots(data, try vocabulary.pointer("B").vector)
        SPASimulation.measure("noFeedback seed \(seed): A/B at 299 \(a[299]) \(b[299]), 599 \(a[599]) \(b[599]), 799 \(a[799]) \(b[799])")
        #expect(a[299] > 0.9, "A at 299: \(a[299])")
        #expect(b[299] < 0.2, "B at 299: \(b[299])")
        #expect(a[599] < 0.2, "A at 599: \(a[599])")
        #expect(b[599] > 0.9, "B at 599: \(b[599])")
        #expect(a[799] < 0.2, "A at 799: \(a[799])")
        #expect(b[799] < 0.2, "B at 799: \(b[799])")
    }

    @Test(arguments: [0, 1])
    func memoryRun(seed: Int) throws {
        let model = try Network(seed: seed)
        let vocabulary = try Self.vocabulary(32, seed: seed)
        let memory = try State(in: model, vocabulary: vocabulary, feedback: 1, feedbackSynapse: try Lowpass(0.01))
        let input = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.05 ? "A" : "0" }
        try model.add(input --> memory)
        let probe = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let t = sim.trange()
        let a = SPASimulation.dots(try sim.data(probe), try vocabulary.pointer("A").vector)
        let peak = SPASimulation.mean(a, times: t) { $0 > 0.05 && $0 < 0.1 }
        let held = SPASimulation.mean(a, times: t) { $0 > 0.2 && $0 < 0.3 }
        let end = SPASimulation.mean(a, times: t) { $0 > 0.49 }
        SPASimulation.measure("memory seed \(seed): \(peak) \(held) \(end)")
        #expect(peak > 1.0, "mean A over 0.05–0.1 s: \(peak)")
        #expect(held > 0.7, "mean A over 0.2–0.3 s: \(held)")
        #expect(end > 0.5, "mean A after 0.49 s: \(end)")
    }

    @Test(arguments: [0, 1])
    func memoryRunDecay(seed: Int) throws {
        let model = try Network(seed: seed)
        let vocabulary = try Self.vocabulary(32, seed: seed)
        let memory = try State(
            in: model, vocabulary: vocabulary, feedback: 1 - 0.01 / 0.05, feedbackSynapse: try Lowpass(0.01))
        let input = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.05 ? "A" : "0" }
        try model.add(input --> memory)
        let probe = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.3)
        let a = SPASimulation.dots(try sim.data(probe), try vocabulary.pointer("A").vector)
        let early = a[SPASimulation.row(at: 0.05)], late = a[SPASimulation.row(at: 0.299)]
        SPASimulation.measure("decay seed \(seed): \(early) \(late)")
        #expect(early > 1.0, "A at 0.05 s: \(early)")
        #expect(late < 0.4, "A at 0.299 s: \(late)")
    }

    /// The identity routed as a fixed pointer, and as the symbol `Identity`.
    @Test(arguments: [(0, false), (1, true)])
    func representsTheIdentity(seed: Int, symbol: Bool) throws {
        let d = 32
        let model = try Network(seed: seed)
        let vocabulary = try Vocabulary(dimensions: d, seed: seed)
        let memory = try State(in: model, vocabulary: vocabulary, representIdentity: true)
        if symbol {
            try model.add(sym.Identity --> memory)
        } else {
            try model.add(try SemanticPointer.identity(dimensions: d) --> memory)
        }
        let probe = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.3)
        let data = try sim.data(probe), t = sim.trange()
        let late = t.indices.filter { t[$0] > 0.2 }
        let first = late.map { data[$0, 0] }.min()!
        let others = late.map { r in (1..<d).map { abs(data[r, $0]) }.max()! }.max()!
        SPASimulation.measure("identity seed \(seed): \(first) \(others)")
        #expect(first > 0.9, "smallest v[0] after 0.2 s: \(first)")
        #expect(others < 0.1, "largest |v[1…]| after 0.2 s: \(others)")
    }

    /// Spec §B8: 50·D neurons (D = 16: 800, 32: 1600, 64: 3200), with or without the identity
    /// ensemble, for any subdimensions.
    @Test func neuronCountIsFiftyPerDimension() throws {
        let model = try Network(seed: 0)
        for (d, sub, identity) in [(16, 16, true), (32, 16, true), (64, 16, true), (32, 4, false), (3, 3, true), (5, 5, false)] {
            let state = try State(
                in: model, vocabulary: try Vocabulary(dimensions: d, seed: 0), subdimensions: sub,
                representIdentity: identity)
            #expect(state.neuronCount == 50 * d, "D = \(d), subdimensions \(sub)")
            #expect(state.network.neuronCount == 50 * d)
        }
        let state = try State(in: model, vocabulary: try Vocabulary(dimensions: 16, seed: 0), neuronsPerDimension: 80)
        #expect(state.neuronCount == 80 * 16)
    }
}
