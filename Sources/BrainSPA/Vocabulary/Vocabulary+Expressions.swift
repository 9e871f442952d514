import BrainCore
import Foundation

// parse and populate: the expression language against this vocabulary.
extension Vocabulary {
    /// The pointer `text` denotes, e.g. `"A*B + 0.5*~C"` or `"(A+B).normalized()"`; a bare
    /// number n gives n·Identity. A non-strict vocabulary adds unknown keys.
    /// - Throws: `BrainKitError` of kind `.expression` naming this vocabulary, the expression
    ///   and the position, for malformed text, an unknown key (strict), or operands that do not
    ///   combine.
    public func parse(_ text: String) throws(BrainKitError) -> SemanticPointer {
        let syntax = try syntaxTree(text, offset: 0)
        return try ExpressionEvaluator(vocabulary: self, text: text, offset: 0).pointer(syntax).named(
            text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// ``parse(_:)-(String)`` of each text.
    public func parse(_ texts: [String]) throws(BrainKitError) -> [SemanticPointer] {
        var pointers: [SemanticPointer] = []
        for text in texts { pointers.append(try parse(text)) }
        return pointers
    }

    /// Adds keys from a `;`-separated list of entries, each one of
    /// - `NAME`: a new random pointer;
    /// - `NAME.method()…`: a new random pointer with the methods applied (e.g. `A.unitary()`),
    ///   before its similarity to the others is checked;
    /// - `NAME = expression`: the expression's value over the keys so far, as in ``parse(_:)-(String)``.
    ///
    /// Empty entries are skipped. Positions in errors count from the start of `text`.
    /// - Throws: `BrainKitError` naming the entry at fault; the keys added before it stay.
    public func populate(_ text: String) throws(BrainKitError) {
        let characters = Array(text)
        var start = 0
        while start <= characters.count {
            var end = start
            while end < characters.count, characters[end] != ";" { end += 1 }
            try populateEntry(String(characters[start..<end]), offset: start, whole: text)
            start = end + 1
        }
    }

    private func populateEntry(_ entry: String, offset: Int, whole: String) throws(BrainKitError) {
        let characters = Array(entry)
        guard characters.contains(where: { !$0.isWhitespace }) else { return }
        if let equals = characters.firstIndex(of: "=") {
            let key = String(characters[..<equals]).trimmingCharacters(in: .whitespacesAndNewlines)
            let keyStart = offset + (characters.firstIndex { !$0.isWhitespace } ?? 0)
            guard Vocabulary.isValidKey(key) else {
                throw expressionError(whole, position: keyStart, "'\(key)' is not a valid key to assign to")
            }
            guard !contains(key) else {
                throw expressionError(whole, position: keyStart, "'\(key)' is already in the vocabulary")
            }
            let expression = String(characters[(equals + 1)...])
            let syntax = try syntaxTree(expression, offset: offset + equals + 1, shown: whole)
            let value = try ExpressionEvaluator(vocabulary: self, text: whole, offset: offset + equals + 1)
                .pointer(syntax)
            try add(key, value.reinterpreted(as: self).named(key))
            return
        }
        let syntax = try syntaxTree(entry, offset: offset, shown: whole)
        var methods: [PointerMethod] = []
        var node = syntax
        while case .method(let operand, let method, _) = node {
            methods.insert(method, at: 0)
            node = operand
        }
        guard case .name(let key, let position) = node else {
            throw expressionError(
                whole, position: offset + syntax.position, "expected NAME, NAME.method() or NAME = expression")
        }
        guard Vocabulary.isValidKey(key) else {
            throw expressionError(whole, position: offset + position, "'\(key)' is not a valid key")
        }
        guard !contains(key) else {
            throw expressionError(whole, position: offset + position, "'\(key)' is already in the vocabulary")
        }
        do {
            try add(key, try createPointer(methods: methods).named(key))
        } catch {
            throw expressionError(whole, position: offset + position, error.message)
        }
    }

    /// The tree of `text`; errors name `shown` (the text the user gave) with positions offset.
    private func syntaxTree(_ text: String, offset: Int, shown: String? = nil) throws(BrainKitError) -> ExpressionSyntax {
        do {
            return try ExpressionParser.parse(text)
        } catch {
            throw expressionError(shown ?? text, position: error.position + offset, error.message)
        }
    }

    /// A `.expression` error naming this vocabulary and the expression.
    func expressionError(_ expression: String, position: Int, _ message: String) -> BrainKitError {
        BrainKitError(
            .expression, object: object, parameter: "expression \"\(expression)\"",
            message: "at \(position): \(message)", position: position)
    }
}
