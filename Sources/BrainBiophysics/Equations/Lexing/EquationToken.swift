/// One token of Brian's equation language, with the byte range it covers in its source text.
struct EquationToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, power
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case assign, plusAssign, minusAssign, starAssign, slashAssign
        case leftParenthesis, rightParenthesis, comma, colon, semicolon
        /// The end of a line outside parentheses.
        case newline
        case end
    }

    let kind: Kind
    /// Byte offsets into the source text.
    let range: Range<Int>

    /// How the token reads in messages: `')'`, `'mV'`, `'2.5'`, `the end of the line`.
    var spelling: String {
        switch kind {
        case .number(let value): return "'\(ExpressionFormatting.number(value))'"
        case .identifier(let name): return "'\(name)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the text"
        default: return "'\(EquationToken.symbols[kind] ?? "?")'"
        }
    }

    /// The operator and punctuation spellings.
    static let symbols: [Kind: String] = [
        .plus: "+", .minus: "-", .star: "*", .slash: "/", .power: "**",
        .less: "<", .lessEqual: "<=", .greater: ">", .greaterEqual: ">=", .equal: "==", .notEqual: "!=",
        .assign: "=", .plusAssign: "+=", .minusAssign: "-=", .starAssign: "*=", .slashAssign: "/=",
        .leftParenthesis: "(", .rightParenthesis: ")", .comma: ",", .colon: ":", .semicolon: ";",
    ]
}

extension EquationToken.Kind: Hashable {}
