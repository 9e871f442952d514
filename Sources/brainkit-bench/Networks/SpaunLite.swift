import BrainKit
import SpaunLite

// Spaun-lite: the whole perception-to-action model (Architectures/SpaunLite), shown a fixed
// serial-recall stimulus. It has no Nengo twin: it is measured against its own targets
// (docs/spaun-lite.md).
extension StandardNetwork {
    /// The stimulus: serial recall of three digits, 4.8 s (run with `--seconds 4.8` to see the
    /// whole answer).
    static let spaunLiteStimulus = "A3[123]?XXX"

    /// Spaun-lite at D = 64, 294,950 neurons. `written` is the number of digits written in the
    /// simulated time and `right` how many of them are right at their position: the first
    /// digit is finished about 2.7 s in, so a shorter run (the suite's default is 1 s) writes
    /// none.
    static let spaunLite = StandardNetwork(
        name: "spaun-lite", summary: "Spaun-lite, D = 64, shown \(spaunLiteStimulus) (no Nengo twin)"
    ) { seed, _ in
        let model = try SpaunLite(dimensions: 64, seed: seed)
        let schedule = try StimulusProgram(spaunLiteStimulus).schedule(seed: seed)
        try model.stream.load(schedule, seed: seed)
        let expected = Array(schedule.expectedAnswer ?? "")
        return (model.network, { _ in
            let written = Array(model.motor.log.text)
            let right = zip(written, expected).filter { $0 == $1 }.count
            return ["written": Double(written.count), "right": Double(right)]
        })
    }
}
