// The nengo_spa question-answering example with memory: for 0.25 s RED and CIRCLE are shown,
// then BLUE and SQUARE for 0.25 s; their bindings are summed into a State that holds them
// (feedback 1 through Lowpass(0.4)), RED⊛CIRCLE + BLUE⊛SQUARE. From 0.5 s a cue cycles through
// nothing, CIRCLE, RED, nothing, SQUARE, BLUE (1/6 s each) and the answer state receives the
// memory unbound with the cue: conv ⊛ ~cue. D = 32, seed 0, dt = 1 ms, 1.5 s.
//
//   swift run -c release question-memory [--seconds 1.5] [--seed 0]
//
// For each cue, the answer's similarities to the vocabulary are averaged over the last 50 ms
// of its window. The last line printed is JSON: the best match for each cue, the similarity
// (dot product) and cosine similarity to the right answer, and the build and run times. Its
// Nengo twin is bench/nengo/examples/question_memory.py (seed 0: similarities 0.50–0.60).
import ArgumentParser
import BrainKit
import Foundation

let cueSequence = ["0", "CIRCLE", "RED", "0", "SQUARE", "BLUE"]
let answers = ["CIRCLE": "RED", "RED": "CIRCLE", "SQUARE": "BLUE", "BLUE": "SQUARE"]
let cueWindow = 1.0 / Double(cueSequence.count)

func cue(at t: Double) -> String {
    guard t >= 0.5 else { return "0" }
    return cueSequence[Int(((t - 0.5) / cueWindow).rounded(.down)) % cueSequence.count]
}

struct QuestionMemory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question-memory",
        abstract: "Bound pairs held in a State and answered by unbinding cues (last line JSON).")

    @Option(help: "Simulated time (s).")
    var seconds = 1.5

    @Option(help: "Network and vocabulary seed.")
    var seed = 0

    func run() throws {
        let model = try Network(label: "question-memory", seed: seed)
        let vocabulary = try Vocabulary(dimensions: 32, name: "question", seed: seed)
        try vocabulary.populate("RED; BLUE; CIRCLE; SQUARE")
        let colour = try Transcode(in: model, label: "colour", output: vocabulary) { t, _ in
            t < 0.25 ? "RED" : t < 0.5 ? "BLUE" : "0"
        }
        let shape = try Transcode(in: model, label: "shape", output: vocabulary) { t, _ in
            t < 0.25 ? "CIRCLE" : t < 0.5 ? "SQUARE" : "0"
        }
        let question = try Transcode(in: model, label: "cue", output: vocabulary) { t, _ in .text(cue(at: t)) }
        let memory = try State(
            in: model, label: "conv", vocabulary: vocabulary, subdimensions: 4, feedback: 1,
            feedbackSynapse: try Lowpass(0.4))
        let answer = try State(in: model, label: "out", vocabulary: vocabulary)
        try model.add {
            colour * shape --> memory
            memory * ~question --> answer
        }
        let answerProbe = try model.probe(answer.output.node, synapse: 0.03)
        let memoryProbe = try model.probe(memory.output.node, synapse: 0.03)

        let built = Date()
        let simulator = try Simulator(model, progress: TerminalProgressBar.standardError())
        let buildSeconds = Date().timeIntervalSince(built)
        let ran = Date()
        try simulator.run(seconds: seconds)
        let runSeconds = Date().timeIntervalSince(ran)

        let times = simulator.trange()
        let answerData = try simulator.data(answerProbe)
        var best: [String: String] = [:], right: [String: Double] = [:], cosine: [String: Double] = [:]
        var windowStart = 0.5
        while windowStart + cueWindow <= seconds + 1e-9 {
            let shown = cue(at: windowStart + cueWindow / 2)
            let end = windowStart + cueWindow
            if let expected = answers[shown], let column = vocabulary.keys.firstIndex(of: expected) {
                let means = try vocabulary.meanSimilarity(answerData, times: times, after: end - 0.05, through: end)
                let cosines = try vocabulary.meanSimilarity(
                    answerData, times: times, after: end - 0.05, through: end, normalize: true)
                let top = means.indices.max { means[$0] < means[$1] } ?? 0
                best[shown] = vocabulary.keys[top]
                right[shown] = means[column]
                cosine[shown] = cosines[column]
                print(String(format: "cue %@: best %@, similarity to %@ %.3f", shown, vocabulary.keys[top], expected, means[column]))
            }
            windowStart = end
        }
        let bound = try vocabulary.parse("RED*CIRCLE + BLUE*SQUARE").vector
        let memoryAtEnd = try simulator.data(memoryProbe).row(times.count - 1)
        let held = zip(memoryAtEnd, bound).reduce(0) { $0 + $1.0 * $1.1 }
        print(String(format: "memory · (RED⊛CIRCLE + BLUE⊛SQUARE) at the end: %.3f", held))
        print(String(format: "neurons %d, build %.2f s, run %.2f s", model.neuronCount, buildSeconds, runSeconds))
        print(
            "{\"answers\": \(json(best)), \"similarities\": \(json(right)), \"cosines\": \(json(cosine)), "
                + String(format: "\"neurons\": %d, \"build_s\": %.4f, \"run_s\": %.4f}", model.neuronCount, buildSeconds, runSeconds))
    }
}

/// A JSON object of strings, keys sorted.
func json(_ values: [String: String]) -> String {
    "{" + values.keys.sorted().map { "\"\($0)\": \"\(values[$0] ?? "")\"" }.joined(separator: ", ") + "}"
}

/// A JSON object of numbers (3 decimals), keys sorted.
func json(_ values: [String: Double]) -> String {
    "{" + values.keys.sorted().map { String(format: "\"%@\": %.3f", $0, values[$0] ?? 0) }.joined(separator: ", ") + "}"
}

QuestionMemory.main()
