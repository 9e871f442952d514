/// One token of a stimulus string, with the position of its first character.
struct StimulusToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A symbol that becomes one ``StimulusElement``.
        case element(StimulusElement.Kind)
        /// `{`: the start of a repetition.
        case repetitionStart
        /// `:n}`: the end of a repetition, with its count n.
        case repetitionEnd(count: Int)
        /// The end of the text.
        case end
    }

    let kind: Kind
    /// The 0-based offset, in `Character`s, of the token's first character (the text's length for `end`).
    let position: Int
}
