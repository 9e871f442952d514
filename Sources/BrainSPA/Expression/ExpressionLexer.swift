/// Splits an expression into tokens on demand, one per call of ``nextToken()``.
///
/// Tokens:
/// - `NAME := [A-Za-z_][A-Za-z0-9_]*`
/// - `NUMBER :=` a Python decimal integer or float literal without underscores and without sign:
///   `digits ['.' [digits]] [exponent]` or `'.' digits [exponent]`, with `exponent := ('e' | 'E') ['+' | '-'] digits`.
///   An integer literal (no `.`, no exponent) may not have leading zeros unless it is all zeros, as in Python.
///   The value is `Double(text)` and must be finite.
/// - Operators and punctuation: `+ - * ** / @ ~ ( ) .` (`**` is one token).
///
/// Space, tab, newline and carriage return separate tokens and are otherwise ignored.
/// Any other character is an error.
struct ExpressionLexer {
    let expression: String
    private let characters: [Character]
    private var index = 0

    init(_ expression: String) {
        self.expression = expression
        self.characters = Array(expression)
    }

    /// The next token, or `end` (repeatedly) once the text is exhausted.
    mutating func nextToken() throws(ExpressionSyntaxError) -> ExpressionToken {
        while index < characters.count, Self.isWhitespace(characters[index]) {
            index += 1
        }
        guard index < characters.count else {
            return ExpressionToken(kind: .end, position: characters.count, text: "")
        }
        let start = index
        let character = characters[index]
        guard let byte = Self.asciiByte(character) else {
            throw error(at: start, "unexpected character '\(character)'")
        }
        if Self.isNameStart(byte) {
            return lexName()
        }
        if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && isDigit(at: index + 1)) {
            return try lexNumber()
        }
        index += 1
        let kind: ExpressionToken.Kind
        switch byte {
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "*"):
            if index < characters.count, characters[index] == "*" {
                index += 1
                kind = .doubleStar
            } else {
                kind = .star
            }
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "@"): kind = .at
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "("): kind = .leftParenthesis
        case UInt8(ascii: ")"): kind = .rightParenthesis
        case UInt8(ascii: "."): kind = .dot
        default:
            throw error(at: start, "unexpected character '\(character)'")
        }
        return ExpressionToken(kind: kind, position: start, text: String(characters[start..<index]))
    }

    private mutating func lexName() -> ExpressionToken {
        let start = index
        index += 1
        while index < characters.count, let byte = Self.asciiByte(characters[index]),
              Self.isNameStart(byte) || Self.isDigit(byte) {
            index += 1
        }
        let name = String(characters[start..<index])
        return ExpressionToken(kind: .name, position: start, text: name)
    }

    private mutating func lexNumber() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = index
        var isInteger = true
        skipDigits()
        if index < characters.count, characters[index] == "." {
            isInteger = false
            index += 1
            skipDigits()
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var end = index + 1
            if end < characters.count, characters[end] == "+" || characters[end] == "-" {
                end += 1
            }
            if isDigit(at: end) {
                isInteger = false
                index = end
                skipDigits()
            }
        }
        let text = String(characters[start..<index])
        if isInteger, text.hasPrefix("0"), text.contains(where: { $0 != "0" }) {
            throw error(at: start, "leading zeros are not allowed in the integer literal '\(text)'")
        }
        guard let value = Double(text) else {
            throw error(at: start, "invalid number '\(text)'")
        }
        guard value.isFinite else {
            throw error(at: start, "number out of range '\(text)'")
        }
        return ExpressionToken(kind: .number, position: start, text: text, value: value)
    }

    private mutating func skipDigits() {
        while isDigit(at: index) {
            index += 1
        }
    }

    private func isDigit(at offset: Int) -> Bool {
        guard offset < characters.count, let byte = Self.asciiByte(characters[offset]) else { return false }
        return Self.isDigit(byte)
    }

    private func error(at position: Int, _ message: String) -> ExpressionSyntaxError {
        ExpressionSyntaxError(expression: expression, position: position, message: message)
    }

    /// The character's byte if it is a single ASCII scalar (so `"\r\n"`, one `Character`, is not).
    private static func asciiByte(_ character: Character) -> UInt8? {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else { return nil }
        return UInt8(scalar.value)
    }

    private static func isWhitespace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
