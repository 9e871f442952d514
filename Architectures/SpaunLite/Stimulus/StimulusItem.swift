/// One thing a stimulus shows, from its start to its end.
public struct StimulusItem: Hashable, Sendable, CustomStringConvertible {
    /// What is shown.
    public enum Content: Hashable, Sendable {
        /// A typed glyph: a digit or a symbol.
        case glyph(StimulusGlyph)
        /// A handwritten image of digit class `digit`. `occurrence` counts the schedule's
        /// handwritten images of that class, from 0, so that the vision side can resolve each one to
        /// a specific image (different occurrences to different images).
        case handwritten(digit: Int, occurrence: Int)
        /// Nothing.
        case blank(Blank)
    }

    /// Why nothing is shown.
    public enum Blank: Hashable, Sendable {
        /// Separates two identical consecutive symbols (Spaun 2.0).
        case separator
        /// Follows every symbol (the classic profile).
        case interstimulus
        /// A forced blank, `.`.
        case forced
        /// The wait after a run of `X`s, while the model responds: see ``StimulusSchedule/responseWindows``.
        case response
        /// The wait that ends a stimulus whose last symbol is not an `X`.
        case end
    }

    /// What is shown.
    public let content: Content
    /// The item's slots (of ``StimulusTiming/presentationInterval`` each), from the stimulus start.
    public let slots: Range<Int>
    /// The start of the item, in seconds from the stimulus start.
    public let start: Double
    /// The end of the item (the start of the next), in seconds.
    public let end: Double
    /// The position in the text of the symbol that produced the item (for a response wait, its
    /// first `X`); nil for separators, interstimulus blanks and the end wait.
    public let position: Int?
    /// The index in ``StimulusSchedule/tasks`` of the task the item belongs to; nil before the first task.
    public let task: Int?

    /// Whether the item shows nothing.
    public var isBlank: Bool {
        if case .blank = content { true } else { false }
    }

    /// `A`, `7`, `#4`, or `_` for a blank, with its time span.
    public var description: String {
        let shown: String
        switch content {
        case .glyph(let glyph): shown = String(glyph.character)
        case .handwritten(let digit, _): shown = "#\(digit)"
        case .blank: shown = "_"
        }
        return "\(shown) [\(start), \(end))"
    }
}
