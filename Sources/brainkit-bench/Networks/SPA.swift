import BrainKit

// (f) spa-sequence and question-control: semantic-pointer models with action selection
// (bench/nengo/standard/spa.py).
extension StandardNetwork {
    /// The vocabularies are fixed (drawn from `RandomState(0)`); the network seeds vary the
    /// neurons only.
    static let vocabularySeed = 0

    /// The transitions of the selected action: each step where the thalamus' largest output
    /// exceeds 0.5 for another action than the last one counted.
    static func transitions(_ thalamus: Matrix, times: [Double]) -> [Double] {
        var last: Int?, found: [Double] = []
        for row in 0..<thalamus.rows {
            let values = thalamus.row(row)
            guard let best = values.indices.max(by: { values[$0] < values[$1] }), values[best] > 0.5 else { continue }
            if best != last {
                found.append(times[row])
                last = best
            }
        }
        return found
    }

    /// (f) State(64, feedback 1) and five actions dot(state, Sᵢ) → Sᵢ₊₁ (S4 → S0), started by
    /// S0 for the first 0.1 s; 5,950 neurons. The thalamus output is probed through 0.01:
    /// `transitions` per simulated second and their mean `period_ms`.
    static let spaSequence = StandardNetwork(
        name: "spa-sequence", summary: "(f) nengo_spa sequence, D = 64, 5 ifmax actions"
    ) { seed, _ in
        let net = try Network(label: "spa-sequence", seed: seed)
        let vocabulary = try Vocabulary(dimensions: 64, name: "sequence", seed: vocabularySeed)
        let keys = (0..<5).map { "S\($0)" }
        try vocabulary.populate(keys.joined(separator: "; "))
        let state = try State(in: net, label: "state", vocabulary: vocabulary, feedback: 1)
        let selection = try ActionSelection(in: net, label: "sequence") {
            for (current, next) in zip(keys, keys.dropFirst() + [keys[0]]) {
                IfMax(dot(state, sym(current))) { sym(next) --> state }
            }
        }
        let kick = try Transcode(in: net, label: "kick", output: vocabulary) { t, _ in t < 0.1 ? "S0" : "0" }
        try net.add(kick --> state)
        let probe = try net.probe(selection.thalamus.output, synapse: 0.01)
        return (net, { sim in
            let found = transitions(try sim.data(probe), times: sim.trange())
            let gaps = zip(found.dropFirst(), found).map { $0 - $1 }
            return [
                "transitions": Double(found.count) / sim.time,
                "period_ms": gaps.isEmpty ? 0 : 1000 * Scoring.mean(gaps),
            ]
        })
    }

    /// The vision input of question-control: two statements, then two questions.
    static let questionSchedule: [(start: Double, end: Double, text: String)] = [
        (0.05, 0.20, "STATEMENT + RED*CIRCLE"), (0.25, 0.40, "STATEMENT + BLUE*SQUARE"),
        (0.50, 0.70, "QUESTION + BLUE"), (0.75, 0.95, "QUESTION + CIRCLE"),
    ]

    /// question-control at D = 64: a visual State, a memory State (feedback 1) and a motor
    /// State; dot(visual, STATEMENT) → visual − STATEMENT into memory, dot(visual, QUESTION) →
    /// memory ⊛ ~(visual − QUESTION) into motor (a Bind of 26,400 neurons); 43,580 neurons.
    /// Motor is probed through 0.03; over the last 50 ms of each question that ends within the
    /// run: `correct`, the fraction whose best match is the answer, and `similarity`, the mean
    /// similarity to the answer.
    static let questionControl = StandardNetwork(
        name: "question-control", summary: "question answering with action selection, D = 64"
    ) { seed, _ in
        let net = try Network(label: "question-control", seed: seed)
        let vocabulary = try Vocabulary(dimensions: 64, name: "question", seed: vocabularySeed)
        try vocabulary.populate("STATEMENT; QUESTION; RED; BLUE; CIRCLE; SQUARE")
        let vision = try Transcode(in: net, label: "vision", output: vocabulary) { t, _ in
            .text(questionSchedule.first { t >= $0.start && t < $0.end }?.text ?? "0")
        }
        let visual = try State(in: net, label: "visual", vocabulary: vocabulary)
        let memory = try State(in: net, label: "memory", vocabulary: vocabulary, feedback: 1)
        let motor = try State(in: net, label: "motor", vocabulary: vocabulary)
        try net.add(vision --> visual)
        _ = try ActionSelection(in: net, label: "control") {
            IfMax(dot(visual, sym.STATEMENT)) { visual - sym.STATEMENT --> memory }
            IfMax(dot(visual, sym.QUESTION)) { memory * ~(visual - sym.QUESTION) --> motor }
        }
        let probe = try net.probe(motor.output.node, synapse: 0.03)
        return (net, { sim in
            let data = try sim.data(probe), times = sim.trange()
            var correct = 0.0, similarity = 0.0, asked = 0.0
            for (end, answer) in [(0.70, "SQUARE"), (0.95, "RED")] where end <= sim.time + 1e-9 {
                let means = try vocabulary.meanSimilarity(data, times: times, after: end - 0.05, through: end)
                let column = vocabulary.keys.firstIndex(of: answer) ?? 0
                correct += means.indices.max { means[$0] < means[$1] } == column ? 1 : 0
                similarity += means[column]
                asked += 1
            }
            return asked == 0 ? [:] : ["correct": correct / asked, "similarity": similarity / asked]
        })
    }
}
