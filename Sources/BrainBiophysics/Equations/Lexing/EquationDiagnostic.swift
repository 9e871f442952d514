/// A problem found in a piece of equation text, before it is turned into a `BrainKitError`:
/// the message and, for syntax errors, the byte offset it is about.
struct EquationDiagnostic: Error, Sendable, Equatable {
    let message: String
    /// Byte offset into the source text, or nil when the message names the term itself.
    let offset: Int?

    init(_ message: String, at offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }
}

/// A source text with line and column lookup for messages.
struct EquationSource: Sendable {
    let text: String
    let bytes: [UInt8]
    /// Whether locations name the line (always for equations; for one-line texts only the
    /// column).
    let showsLines: Bool

    init(_ text: String, showsLines: Bool? = nil) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.showsLines = showsLines ?? bytes.contains(UInt8(ascii: "\n"))
    }

    /// The text of a byte range (e.g. a term named in an error).
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The text of a term for a message, without one pair of parentheses around all of it:
    /// `'EL + I'` for the term `(EL + I)`.
    func term(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        guard upper - lower >= 2, bytes[lower] == UInt8(ascii: "("), bytes[upper - 1] == UInt8(ascii: ")") else {
            return text(lower..<upper)
        }
        var depth = 0
        for index in lower..<upper {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0 && index < upper - 1 { return text(lower..<upper) }
        }
        return text((lower + 1)..<(upper - 1))
    }

    /// 1-based line and column (in bytes) of an offset.
    func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// `line 2, column 14` (or `column 14` for one-line texts).
    func location(_ offset: Int) -> String {
        let (line, column) = lineAndColumn(offset)
        return showsLines ? "line \(line), column \(column)" : "column \(column)"
    }
}
