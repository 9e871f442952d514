/// The wait after a run of `X`s, during which the model writes that many digits.
public struct StimulusResponseWindow: Hashable, Sendable {
    /// How many `X`s the run has: how many digits the model is expected to write.
    public let responses: Int
    /// The window's slots, from the stimulus start.
    public let slots: Range<Int>
    /// The start of the window, in seconds from the stimulus start.
    public let start: Double
    /// The end of the window, in seconds.
    public let end: Double
    /// The position in the text of the run's first `X`.
    public let position: Int
    /// The index in ``StimulusSchedule/tasks`` of the task the window belongs to; nil before the first task.
    public let task: Int?
}
