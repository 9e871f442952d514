/// One symbol of a parsed stimulus string, after `{…:n}` repetitions have been expanded, with
/// the position in the text it was written at.
public struct StimulusElement: Hashable, Sendable, CustomStringConvertible {
    /// What the symbol asks for.
    public enum Kind: Hashable, Sendable {
        /// `A0`…`A7`: a task start, shown as the glyph `A` and then the task digit.
        case task(Int)
        /// A typed digit `0`…`9` or one of the symbols `[`, `]`, `?`, `P`, `K`, `F` and `B`
        /// (reverse, shown as `R`).
        case glyph(StimulusGlyph)
        /// `#d`: a handwritten image of digit class d.
        case handwritten(Int)
        /// `N`: a random typed digit, drawn without replacement within its task.
        case uniqueRandomDigit
        /// `R`: a random typed digit, drawn with replacement.
        case randomDigit
        /// A lowercase letter: a random typed digit, the same for every use of the letter within its task.
        case variable(Character)
        /// `.`: a forced blank.
        case blank
        /// `X`: a slot for one motor response (no image).
        case response
    }

    /// What the element is.
    public let kind: Kind
    /// The 0-based offset, in `Character`s of the stimulus text, of the symbol's first character.
    /// Copies made by a repetition share the position of the symbol they repeat.
    public let position: Int

    /// An element of `kind` at offset `position` of the stimulus text.
    public init(_ kind: Kind, position: Int) {
        self.kind = kind
        self.position = position
    }

    /// The symbol as written in a stimulus string: `A3`, `7`, `[`, `B`, `#4`, `N`, `R`, `a`, `.`, `X`.
    public var description: String {
        switch kind {
        case .task(let number): return "A\(number)"
        case .glyph(.reverse): return "B"
        case .glyph(let glyph): return String(glyph.character)
        case .handwritten(let digit): return "#\(digit)"
        case .uniqueRandomDigit: return "N"
        case .randomDigit: return "R"
        case .variable(let letter): return String(letter)
        case .blank: return "."
        case .response: return "X"
        }
    }

    /// Whether the symbol may stand inside a list `[…]`: a digit of any kind or a forced blank.
    var isListMember: Bool {
        switch kind {
        case .glyph(.digit), .handwritten, .uniqueRandomDigit, .randomDigit, .variable, .blank: return true
        case .task, .glyph, .response: return false
        }
    }
}
