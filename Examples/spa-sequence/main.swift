// The nengo_spa sequence example: a 16-D State "cortex" and five actions that route the next
// letter into it whenever it holds the current one (A→B→C→D→E→A); a 50 ms kick of A starts
// the cycle. Basal ganglia and thalamus choose the action each moment. 1 s at dt = 1 ms,
// seed 0; cortex is probed through Lowpass(0.01).
//
//   swift run -c release spa-sequence [--dimensions 16] [--seconds 1] [--seed 0]
//
// A letter "enters" when it becomes the most similar key and stays so for 3 ms; the period is
// the mean time between entries. The last line printed is JSON: the order of entries and the
// period in ms (nengo_spa measured here: 32–34 ms per letter).
import ArgumentParser
import BrainKit
import Foundation

struct SPASequence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spa-sequence",
        abstract: "A State cycling A→B→C→D→E→A through five IfMax rules (last line JSON).")

    @Option(help: "Vocabulary dimensions.")
    var dimensions = 16

    @Option(help: "Simulated time (s).")
    var seconds = 1.0

    @Option(help: "Network and vocabulary seed.")
    var seed = 0

    func run() throws {
        let model = try Network(label: "spa-sequence", seed: seed)
        let vocabulary = try Vocabulary(dimensions: dimensions, name: "letters", seed: seed)
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
        let probe = try model.probe(cortex.output.node, synapse: 0.01)
        let built = Date()
        let simulator = try Simulator(model, progress: TerminalProgressBar.standardError())
        let buildSeconds = Date().timeIntervalSince(built)
        let ran = Date()
        try simulator.run(seconds: seconds)
        let runSeconds = Date().timeIntervalSince(ran)
        let found = try vocabulary.bestMatchSequence(try simulator.data(probe), times: simulator.trange(), hold: 3)
        for entry in found { print(String(format: "%@ enters at %.3f s", entry.key, entry.time)) }
        let gaps = zip(found.dropFirst(), found).map { $0.time - $1.time }
        let period = gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count)
        print(String(format: "neurons %d, build %.2f s, run %.2f s", model.neuronCount, buildSeconds, runSeconds))
        let order = found.map { "\"\($0.key)\"" }.joined(separator: ", ")
        print(
            String(
                format: "{\"order\": [%@], \"period_ms\": %.1f, \"neurons\": %d, \"build_s\": %.4f, \"run_s\": %.4f}",
                order, period * 1000, model.neuronCount, buildSeconds, runSeconds))
    }
}

SPASequence.main()
