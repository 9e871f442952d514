import BrainCore
import Foundation

/// One run of a stimulus through the model.
public struct SpaunLiteTrial: Sendable {
    /// The stimulus as given and with its random digits resolved.
    public let stimulus: String
    /// The stimulus with its random digits resolved.
    public let resolved: String
    /// When each item was shown and when answers were expected.
    public let schedule: StimulusSchedule
    /// What the model wrote, in order.
    public let strokes: [MotorLog.Stroke]
    /// What the model saw: the visual classes its vision settled on, in order, as the
    /// characters of the stimulus language (`#3` seen as a 3 is `3`); a symbol shown twice with
    /// a blank between appears twice.
    public let seen: String
    /// The expected answer, when the stimulus defines one.
    public let expected: String?
    /// Wall-clock seconds the simulation took.
    public let runSeconds: Double

    /// What was written.
    public var answer: String { String(strokes.map(\.symbol)) }
    /// Whether the answer is the expected one.
    public var correct: Bool { expected.map { $0 == answer } ?? false }
    /// The onset of each stroke (s from the stimulus start).
    public var responseOnsets: [Double] { strokes.map(\.onset) }
}

extension SpaunLite {
    /// The visual classes the visual pointer settled on (similarity above 0.5 for 30 ms), in
    /// order; a return to nothing in between lets the same class count again.
    func seenText(_ simulator: Simulator) throws(BrainKitError) -> String {
        let similarities = LinearAlgebra.multiply(try simulator.data(visualProbe), vision.classPointers, transposeB: true)
        var text = "", current: Int? = nil, candidate: Int? = nil, run = 0
        for row in 0..<similarities.rows {
            let values = similarities.row(row)
            let best = values.indices.max { values[$0] < values[$1] } ?? 0
            let shown: Int? = values[best] > 0.5 ? best : nil
            if shown == candidate { run += 1 } else { (candidate, run) = (shown, 1) }
            guard run == 3, candidate != current else { continue }
            current = candidate
            if let candidate { text.append(Self.character(of: Vision.classKeys[candidate])) }
        }
        return text
    }

    /// The stimulus-language character of a visual class.
    static func character(of key: String) -> Character {
        if let digit = SpaunVocabularies.digitKeys.firstIndex(of: key) { return Character(String(digit)) }
        switch key {
        case "OPEN": return "["
        case "CLOSE": return "]"
        case "QM": return "?"
        case "SPACE": return " "
        default: return key.first ?? "?"
        }
    }

    /// Shows `program` (from a reset simulator) and returns what the model wrote.
    /// - Parameters:
    ///   - simulator: a simulator of ``network``.
    ///   - seed: resolves random digits and the glyphs' jitter.
    ///   - extra: seconds to run after the schedule ends (default 0).
    ///   - handwriting: the images `#d` shows in this trial (nil: the model's).
    ///   - timing: presentation times (default Spaun 2.0's).
    ///   - program: the stimulus to show.
    /// - Throws: `BrainKitError` from the schedule, the images or the simulator.
    public func run(
        _ program: StimulusProgram, in simulator: Simulator, seed: Int, timing: StimulusTiming = .spaun2, extra: Double = 0,
        handwriting: DigitImages? = nil
    ) throws(BrainKitError) -> SpaunLiteTrial {
        let schedule = try program.schedule(timing: timing, seed: seed)
        try stream.load(schedule, seed: seed, handwriting: handwriting)
        try simulator.reset()
        motor.log.clear()
        let started = Date()
        try simulator.run(seconds: schedule.duration + extra)
        let runSeconds = Date().timeIntervalSince(started)
        return SpaunLiteTrial(
            stimulus: program.text, resolved: schedule.resolvedText, schedule: schedule, strokes: motor.log.written,
            seen: try seenText(simulator), expected: schedule.expectedAnswer, runSeconds: runSeconds)
    }
}
