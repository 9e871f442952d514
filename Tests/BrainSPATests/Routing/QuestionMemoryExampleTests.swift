import BrainCore
import Testing

import BrainSPA

/// The question-memory example (Examples/question-memory/main.swift; spec §C2, question
/// answering) as a test: RED⊛CIRCLE for 0.25 s then BLUE⊛SQUARE for 0.25 s are summed into a
/// memory State (subdimensions 4, feedback 1 through Lowpass(0.4)); from 0.5 s a cue cycles
/// through 0, CIRCLE, RED, 0, SQUARE, BLUE (1/6 s each) and the answer State receives
/// memory ⊛ ~cue. D = 32, 1.5 s, answer probed τ 0.03. Both bindings are of two dynamic
/// values, so each route makes a Bind.
///
/// For every cue, the key most similar to the answer (mean over the last 50 ms of the cue's
/// window) must be the right one: RED for CIRCLE, CIRCLE for RED, BLUE for SQUARE, SQUARE
/// for BLUE. Measured (seeds 0 / 1): similarity to the right answer 0.49–0.55 / 0.52–0.57,
/// best wrong key ≤ 0.09 / ≤ 0.20 (nengo_spa's twin, seed 0: 0.50–0.60).
@Suite("question-memory example")
struct QuestionMemoryExampleTests {
    static let cues = ["0", "CIRCLE", "RED", "0", "SQUARE", "BLUE"]
    static let answers = ["CIRCLE": "RED", "RED": "CIRCLE", "SQUARE": "BLUE", "BLUE": "SQUARE"]

    static func cue(at t: Double) -> String {
        guard t >= 0.5 else { return "0" }
        return cues[Int(((t - 0.5) * Double(cues.count)).rounded(.down)) % cues.count]
    }

    @Test(arguments: [0, 1])
    func answersEveryCue(seed: Int) throws {
        let model = try Network(label: "question-memory", seed: seed)
        let vocabulary = try Vocabulary(dimensions: 32, name: "question", seed: seed)
        try vocabulary.populate("RED; BLUE; CIRCLE; SQUARE")
        let colour = try Transcode(in: model, label: "colour", output: vocabulary) { t, _ in
            t < 0.25 ? "RED" : t < 0.5 ? "BLUE" : "0"
        }
        let shape = try Transcode(in: model, label: "shape", output: vocabulary) { t, _ in
            t < 0.25 ? "CIRCLE" : t < 0.5 ? "SQUARE" : "0"
        }
        let question = try Transcode(in: model, label: "cue", output: vocabulary) { t, _ in .text(Self.cue(at: t)) }
        let memory = try State(
            in: model, label: "conv", vocabulary: vocabulary, subdimensions: 4, feedback: 1,
            feedbackSynapse: try Lowpass(0.4))
        let answer = try State(in: model, label: "out", vocabulary: vocabulary)
        try model.add {
            colour * shape --> memory
            memory * ~question --> answer
        }
        #expect(model.neuronCount == 2 * 1600 + 2 * 13600)
        let probe = try model.probe(answer.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 1.5)
        let t = sim.trange()
        let data = try sim.data(probe)
        var checked = 0
        for window in 0..<6 {
            let end = 0.5 + Double(window + 1) / 6
            let shown = Self.cue(at: end - 1.0 / 12)
            guard let expected = Self.answers[shown] else { continue }
            let means = try vocabulary.meanSimilarity(data, times: t, after: end - 0.05, through: end)
            let best = vocabulary.keys[means.indices.max { means[$0] < means[$1] }!]
            SPASimulation.measure("question seed \(seed) cue \(shown): \(zip(vocabulary.keys, means).map { "\($0) \($1)" })")
            #expect(best == expected, "cue \(shown): best \(best), similarities \(Array(zip(vocabulary.keys, means)))")
            checked += 1
        }
        #expect(checked == 4)
    }
}
