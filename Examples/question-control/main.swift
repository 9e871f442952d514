// The nengo_spa question-answering example with control: a visual input shows statements
// ("STATEMENT + RED*CIRCLE") and questions ("QUESTION + BLUE"); action selection decides what
// to do with it. A statement is added to a memory (a State with feedback 1); a question is
// answered by unbinding the memory with the questioned item and routing the result to motor:
//
//     IfMax(dot(visual, STATEMENT)) { visual - STATEMENT --> memory }
//     IfMax(dot(visual, QUESTION))  { memory * ~(visual - QUESTION) --> motor }
//
// D = 32, seed 0, dt = 1 ms, 1.2 s:
//   0.10–0.30 s STATEMENT + RED*CIRCLE, 0.35–0.50 s STATEMENT + BLUE*SQUARE,
//   0.60–0.80 s QUESTION + BLUE (answer SQUARE), 0.90–1.10 s QUESTION + CIRCLE (answer RED).
//
//   swift run -c release question-control [--dimensions 32] [--seed 0]
//
// Motor's similarities are averaged over the last 50 ms of each question. The last line
// printed is JSON: the best match for each question and its similarity to the right answer.
import ArgumentParser
import BrainKit
import Foundation

let schedule: [(start: Double, end: Double, text: String)] = [
    (0.10, 0.30, "STATEMENT + RED*CIRCLE"), (0.35, 0.50, "STATEMENT + BLUE*SQUARE"),
    (0.60, 0.80, "QUESTION + BLUE"), (0.90, 1.10, "QUESTION + CIRCLE"),
]
let questions: [(end: Double, item: String, answer: String)] = [(0.80, "BLUE", "SQUARE"), (1.10, "CIRCLE", "RED")]

struct QuestionControl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question-control",
        abstract: "Statements stored and questions answered, chosen by action selection (last line JSON).")

    @Option(help: "Vocabulary dimensions.")
    var dimensions = 32

    @Option(help: "Network and vocabulary seed.")
    var seed = 0

    @Option(help: "Simulated time (s).")
    var seconds = 1.2

    func run() throws {
        let model = try Network(label: "question-control", seed: seed)
        let vocabulary = try Vocabulary(dimensions: dimensions, name: "question", seed: seed)
        try vocabulary.populate("STATEMENT; QUESTION; RED; BLUE; CIRCLE; SQUARE")
        let vision = try Transcode(in: model, label: "vision", output: vocabulary) { t, _ in
            .text(schedule.first { t >= $0.start && t < $0.end }?.text ?? "0")
        }
        let visual = try State(in: model, label: "visual", vocabulary: vocabulary)
        let memory = try State(in: model, label: "memory", vocabulary: vocabulary, feedback: 1)
        let motor = try State(in: model, label: "motor", vocabulary: vocabulary)
        try model.add(vision --> visual)
        let selection = try ActionSelection(in: model, label: "control") {
            IfMax("store", dot(visual, sym.STATEMENT)) { visual - sym.STATEMENT --> memory }
            IfMax("answer", dot(visual, sym.QUESTION)) { memory * ~(visual - sym.QUESTION) --> motor }
        }
        let motorProbe = try model.probe(motor.output.node, synapse: 0.03)
        let utilityProbe = try model.probe(selection.basalGanglia.input, synapse: 0.01)

        let built = Date()
        let simulator = try Simulator(model, progress: TerminalProgressBar.standardError())
        let buildSeconds = Date().timeIntervalSince(built)
        let ran = Date()
        try simulator.run(seconds: seconds)
        let runSeconds = Date().timeIntervalSince(ran)

        let times = simulator.trange()
        let motorData = try simulator.data(motorProbe)
        let utilities = try simulator.data(utilityProbe)
        var best: [String: String] = [:], right: [String: Double] = [:]
        for question in questions where question.end <= seconds + 1e-9 {
            let means = try vocabulary.meanSimilarity(motorData, times: times, after: question.end - 0.05, through: question.end)
            let top = means.indices.max { means[$0] < means[$1] } ?? 0
            best[question.item] = vocabulary.keys[top]
            right[question.item] = means[vocabulary.keys.firstIndex(of: question.answer) ?? 0]
            let rows = times.indices.filter { times[$0] > question.end - 0.05 && times[$0] <= question.end }
            let utility = rows.reduce(0) { $0 + utilities[$1, 1] } / Double(rows.count)
            print(String(
                format: "question %@: motor's best match %@, similarity to %@ %.3f (answer utility %.2f)",
                question.item, vocabulary.keys[top], question.answer, right[question.item] ?? 0, utility))
        }
        print(String(format: "neurons %d, build %.2f s, run %.2f s", model.neuronCount, buildSeconds, runSeconds))
        let answersJSON = best.keys.sorted().map { "\"\($0)\": \"\(best[$0] ?? "")\"" }.joined(separator: ", ")
        let similaritiesJSON = right.keys.sorted().map { String(format: "\"%@\": %.3f", $0, right[$0] ?? 0) }
            .joined(separator: ", ")
        print(
            "{\"answers\": {\(answersJSON)}, \"similarities\": {\(similaritiesJSON)}, "
                + String(format: "\"neurons\": %d, \"build_s\": %.4f, \"run_s\": %.4f}", model.neuronCount, buildSeconds, runSeconds))
    }
}

QuestionControl.main()
