/// One task of a stimulus: the symbols from a task start `A0`…`A7` up to the next task start.
public struct StimulusTask: Hashable, Sendable, CustomStringConvertible {
    /// The task digit, 0…7.
    public let number: Int
    /// The position in the text of the task's `A`.
    public let position: Int
    /// The indices of the task's symbols in ``StimulusProgram/elements``, starting with its `A`.
    public let elements: Range<Int>
    /// The answer a correct model writes, as digits, or nil when the symbols do not determine it
    /// (see ``StimulusProgram/expectedAnswer``). In a ``StimulusSchedule`` random digits are
    /// resolved, so more answers are determined there than in the ``StimulusProgram``.
    public let expectedAnswer: String?

    /// The task of `elements[range]`, whose first symbol is a task start, with its expected answer.
    init(elements: [StimulusElement], range: Range<Int>) {
        if let first = elements[range].first, case .task(let number) = first.kind {
            self.number = number
        } else {
            self.number = -1
        }
        self.position = elements[range].first?.position ?? 0
        self.elements = range
        self.expectedAnswer = StimulusExpectedAnswer.answer(task: number, symbols: elements[range].map(\.kind))
    }

    /// `A3`, `A5`, ….
    public var description: String { "A\(number)" }
}
