import Foundation

/// Splits equation text into ``EquationToken``s.
///
/// - Numbers: `12`, `1.5`, `.5`, `1.`, `2e-3`, `1.5E+3` (a unit is a separate identifier:
///   `2*mV`).
/// - Identifiers: `[A-Za-z_][A-Za-z0-9_]*`.
/// - Operators `+ - * / ** < <= > >= == != = += -= *= /=`, punctuation `( ) , : ;`.
/// - `#` starts a comment to the end of the line. Line ends are tokens (``EquationToken/Kind/newline``)
///   except inside parentheses, where an expression may continue on the next line.
///
/// Unbalanced parentheses are reported here, with the position of the unmatched one.
struct EquationLexer {
    private let source: EquationSource
    private var index = 0
    private var openParentheses: [Int] = []

    init(_ source: EquationSource) {
        self.source = source
    }

    /// All tokens, ending with ``EquationToken/Kind/end``.
    static func tokens(_ source: EquationSource) throws(EquationDiagnostic) -> [EquationToken] {
        var lexer = EquationLexer(source)
        var tokens: [EquationToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var bytes: [UInt8] { source.bytes }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private mutating func next() throws(EquationDiagnostic) -> EquationToken {
        skipBlanksAndComments()
        let start = index
        guard let byte = peek() else {
            if let open = openParentheses.last {
                throw EquationDiagnostic("unbalanced parentheses: '(' is never closed", at: open)
            }
            return EquationToken(kind: .end, range: start..<start)
        }
        if byte == UInt8(ascii: "\n") {
            index += 1
            return EquationToken(kind: .newline, range: start..<index)
        }
        if EquationLexer.isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(EquationLexer.isDigit) == true) {
            return try number()
        }
        if EquationLexer.isIdentifierStart(byte) {
            while let b = peek(), EquationLexer.isIdentifierStart(b) || EquationLexer.isDigit(b) { index += 1 }
            return EquationToken(kind: .identifier(source.text(start..<index)), range: start..<index)
        }
        return try punctuation(byte, start: start)
    }

    private mutating func skipBlanksAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while let b = peek(), b != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "\n") && !openParentheses.isEmpty {
                index += 1
            } else if byte == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "\n") {
                index += 2  // an explicit line continuation
            } else {
                return
            }
        }
    }

    private mutating func number() throws(EquationDiagnostic) -> EquationToken {
        let start = index
        while let b = peek(), EquationLexer.isDigit(b) { index += 1 }
        if peek() == UInt8(ascii: ".") {
            index += 1
            while let b = peek(), EquationLexer.isDigit(b) { index += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var digitsAt = index + 1
            if let sign = digitsAt < bytes.count ? bytes[digitsAt] : nil,
                sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            {
                digitsAt += 1
            }
            guard digitsAt < bytes.count, EquationLexer.isDigit(bytes[digitsAt]) else {
                throw EquationDiagnostic(
                    "malformed number '\(source.text(start..<min(digitsAt, bytes.count)))': the exponent has no digits",
                    at: start)
            }
            index = digitsAt
            while let b = peek(), EquationLexer.isDigit(b) { index += 1 }
        }
        let text = source.text(start..<index)
        guard let value = Double(text), value.isFinite else {
            throw EquationDiagnostic("malformed number '\(text)'", at: start)
        }
        if let b = peek(), EquationLexer.isIdentifierStart(b) {
            var end = index
            while end < bytes.count, EquationLexer.isIdentifierStart(bytes[end]) || EquationLexer.isDigit(bytes[end]) {
                end += 1
            }
            let name = source.text(index..<end)
            throw EquationDiagnostic(
                "'\(text)\(name)': a number and a name need an operator between them (write '\(text)*\(name)')",
                at: start)
        }
        return EquationToken(kind: .number(value), range: start..<index)
    }

    private mutating func punctuation(_ byte: UInt8, start: Int) throws(EquationDiagnostic) -> EquationToken {
        let following = peek(1)
        func token(_ kind: EquationToken.Kind, length: Int) -> EquationToken {
            index += length
            return EquationToken(kind: kind, range: start..<index)
        }
        let equalsNext = following == UInt8(ascii: "=")
        switch byte {
        case UInt8(ascii: "+"): return token(equalsNext ? .plusAssign : .plus, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "-"): return token(equalsNext ? .minusAssign : .minus, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "*"):
            if following == UInt8(ascii: "*") { return token(.power, length: 2) }
            return token(equalsNext ? .starAssign : .star, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "/"):
            if following == UInt8(ascii: "/") {
                throw EquationDiagnostic("'//' (floor division) is not supported; use floor(a/b)", at: start)
            }
            return token(equalsNext ? .slashAssign : .slash, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "<"): return token(equalsNext ? .lessEqual : .less, length: equalsNext ? 2 : 1)
        case UInt8(ascii: ">"): return token(equalsNext ? .greaterEqual : .greater, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "="): return token(equalsNext ? .equal : .assign, length: equalsNext ? 2 : 1)
        case UInt8(ascii: "!"):
            guard equalsNext else { throw EquationDiagnostic("unexpected character '!' (use 'not')", at: start) }
            return token(.notEqual, length: 2)
        case UInt8(ascii: "("):
            openParentheses.append(start)
            return token(.leftParenthesis, length: 1)
        case UInt8(ascii: ")"):
            guard openParentheses.popLast() != nil else {
                throw EquationDiagnostic("unbalanced parentheses: ')' has no matching '('", at: start)
            }
            return token(.rightParenthesis, length: 1)
        case UInt8(ascii: ","): return token(.comma, length: 1)
        case UInt8(ascii: ":"): return token(.colon, length: 1)
        case UInt8(ascii: ";"): return token(.semicolon, length: 1)
        default:
            throw EquationDiagnostic("unexpected character '\(character(at: start))'", at: start)
        }
    }

    /// The whole (possibly multi-byte) character starting at `offset`.
    private func character(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return source.text(offset..<end)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }
}
