import BrainCore
import Foundation

/// One run of a stimulus through the model.
public struct SpaunLiteTrial: Sendable {
    /// The stimulus as given and with its random digits resolved.
    public let stimulus: String
    public let resolved: String
    public let schedule: StimulusSchedule
    /// What the model wrote, in order.
    public let strokes: [MotorLog.Stroke]
    /// The expected answer, when the stimulus defines one.
    public let expected: String?
    public let runSeconds: Double

    /// What was written.
    public var answer: String { String(strokes.map(\.symbol)) }
    /// Whether the answer is the expected one.
    public var correct: Bool { expected.map { $0 == answer } ?? false }
    /// The onset of each stroke (s from the stimulus start).
    public var responseOnsets: [Double] { strokes.map(\.onset) }
}

extension SpaunLite {
    /// Shows `program` (from a reset simulator) and returns what the model wrote.
    /// - Parameters:
    ///   - simulator: a simulator of ``network``.
    ///   - seed: resolves random digits and the glyphs' jitter.
    ///   - extra: seconds to run after the schedule ends (default 0).
    ///   - handwriting: the images `#d` shows in this trial (nil: the model's).
    /// - Throws: ``BrainKitError`` from the schedule, the images or the simulator.
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
            expected: schedule.expectedAnswer, runSeconds: runSeconds)
    }
}
