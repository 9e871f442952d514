/// A typed (canonical) image that a stimulus shows: one of the ten digits or one of the
/// symbols Spaun-lite accepts. Handwritten digits (`#d`) are not glyphs: see
/// ``StimulusItem/Content/handwritten(digit:occurrence:)``.
///
/// Each glyph is one class of Spaun 2.0's visual vocabulary (`stim/mnist/data.py`), named by
/// ``vocabularyName``. The reverse-recall symbol is written `B` in a stimulus string, because
/// `R` there means a random digit, but it is shown as the letter R, Spaun's visual class `R`.
public enum StimulusGlyph: Hashable, Sendable, CustomStringConvertible {
    /// A typed digit 0…9 (`ZER` … `NIN`).
    case digit(Int)
    /// `A`, the task-start symbol (its task digit follows as a separate ``digit(_:)``).
    case task
    /// `[` (`OPEN`): starts a list and resets the position counter.
    case open
    /// `]` (`CLOSE`): ends a list.
    case close
    /// `?` (`QM`): the query that starts the response phase.
    case query
    /// `P`: A5's "which item is at position k" question.
    case positionQuestion
    /// `K`: A5's "at which position is digit d" question.
    case kindQuestion
    /// `F`: A3's forward recall (the default).
    case forward
    /// `R`, written `B` in a stimulus string: A3's reverse recall.
    case reverse

    /// Every glyph: the digits 0…9 and then the symbols, in the order above.
    public static let allGlyphs: [StimulusGlyph] =
        (0...9).map { .digit($0) } + [.task, .open, .close, .query, .positionQuestion, .kindQuestion, .forward, .reverse]

    /// The name of the glyph's class in Spaun 2.0's visual vocabulary: `ZER`…`NIN`, `A`, `OPEN`,
    /// `CLOSE`, `QM`, `P`, `K`, `F`, `R`.
    public var vocabularyName: String {
        switch self {
        case .digit(let value):
            let names = ["ZER", "ONE", "TWO", "THR", "FOR", "FIV", "SIX", "SEV", "EIG", "NIN"]
            return names.indices.contains(value) ? names[value] : "?"
        case .task: return "A"
        case .open: return "OPEN"
        case .close: return "CLOSE"
        case .query: return "QM"
        case .positionQuestion: return "P"
        case .kindQuestion: return "K"
        case .forward: return "F"
        case .reverse: return "R"
        }
    }

    /// The character drawn: `0`…`9`, `A`, `[`, `]`, `?`, `P`, `K`, `F`, `R` (the reverse symbol is
    /// drawn as `R` although it is written `B`).
    public var character: Character {
        switch self {
        case .digit(let value): return (0...9).contains(value) ? Character(String(value)) : "?"
        case .task: return "A"
        case .open: return "["
        case .close: return "]"
        case .query: return "?"
        case .positionQuestion: return "P"
        case .kindQuestion: return "K"
        case .forward: return "F"
        case .reverse: return "R"
        }
    }

    public var description: String { String(character) }
}
