/// One token of a semantic-pointer expression, with the position of its first character.
struct ExpressionToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case name
        case number
        case plus
        case minus
        case star
        case doubleStar
        case slash
        case at
        case tilde
        case leftParenthesis
        case rightParenthesis
        case dot
        case end
    }

    let kind: Kind
    /// The 0-based offset, in `Character`s, of the token's first character (the text's length for `end`).
    let position: Int
    /// The token as written; empty for `end`.
    let text: String
    /// The value of a `number` token; 0 for other kinds.
    var value: Double = 0

    /// The token as named in an error message, e.g. `name 'B'`, `'*'` or `the end of the expression`.
    var quoted: String {
        switch kind {
        case .name: return "name '\(text)'"
        case .number: return "number '\(text)'"
        case .end: return "the end of the expression"
        default: return "'\(text)'"
        }
    }
}
