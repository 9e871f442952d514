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
import BrainKit
import Foundation

var dimensions = 16, seconds = 1.0, seed = 0
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    guard let value = arguments.next() else { break }
    switch argument {
    case "--dimensions": dimensions = Int(value) ?? dimensions
    case "--seconds": seconds = Double(value) ?? seconds
    case "--seed": seed = Int(value) ?? seed
    default: break
    }
}

/// The times at which each key becomes the argmax of `similarities` and stays it for `hold`
/// samples, in order.
func entries(_ similarities: Matrix, keys: [String], times: [Double], hold: Int) -> [(key: String, time: Double)] {
    var result: [(String, Double)] = []
    var current: Int?
    var row = 0
    while row < similarities.rows {
        let values = similarities.row(row)
        let best = values.indices.max { values[$0] < values[$1] } ?? 0
        if best != current {
            let end = min(row + hold, similarities.rows)
            let stable = (row..<end).allSatisfy { r in
                let v = similarities.row(r)
                return v.indices.max { v[$0] < v[$1] } == best
            }
            if stable && end - row == hold {
                result.append((keys[best], times[row]))
                current = best
            }
        }
        row += 1
    }
    return result
}

do {
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
    let simulator = try Simulator(model)
    let buildSeconds = Date().timeIntervalSince(built)
    let ran = Date()
    try simulator.run(seconds: seconds)
    let runSeconds = Date().timeIntervalSince(ran)
    let similarities = try vocabulary.similarity(try simulator.data(probe))
    let found = entries(similarities, keys: letters, times: simulator.trange(), hold: 3)
    for entry in found { print(String(format: "%@ enters at %.3f s", entry.key, entry.time)) }
    let gaps = zip(found.dropFirst(), found).map { $0.time - $1.time }
    let period = gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count)
    print(String(format: "neurons %d, build %.2f s, run %.2f s", model.neuronCount, buildSeconds, runSeconds))
    let order = found.map { "\"\($0.key)\"" }.joined(separator: ", ")
    print(
        String(
            format: "{\"order\": [%@], \"period_ms\": %.1f, \"neurons\": %d, \"build_s\": %.4f, \"run_s\": %.4f}",
            order, period * 1000, model.neuronCount, buildSeconds, runSeconds))
} catch {
    print("spa-sequence: \(error)")
    exit(1)
}
