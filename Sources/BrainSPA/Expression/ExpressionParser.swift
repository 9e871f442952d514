/// Parses semantic-pointer expressions (the language of nengo_spa's expression strings) into ``ExpressionSyntax``.
///
/// The grammar follows Python's operator precedence; all binary operators except `**` are left-associative:
/// ```
/// expr    := term (('+' | '-') term)*
/// term    := unary (('*' | '/' | '@') unary)*
/// unary   := ('-' | '+' | '~') unary | power
/// power   := postfix ('**' unary)?
/// postfix := primary ('.' METHOD '(' ')')*
/// primary := NAME | NUMBER | '(' expr ')'
/// ```
/// So `-A**2` is `-(A**2)`, `A**-1` is `A**(-1)`, `2**3**2` is `2**(3**2)` and `~A.normalized()` is
/// `~(A.normalized())`. `METHOD` is the name of a ``PointerMethod``; `NAME` is any identifier
/// `[A-Za-z_][A-Za-z0-9_]*`, whether or not it is a vocabulary key; `NUMBER` is a Python decimal integer or
/// float literal without sign or underscores (`1`, `1.5`, `.5`, `1.`, `1e3`, `1.5E-3`; no leading zeros in
/// integers other than `0`), read with `Double(_:)` and required to be finite. Space, tab, newline and
/// carriage return between tokens are ignored; any other character outside a token is an error.
///
/// Two limits keep the stack bounded for any input: parentheses, unary operators and exponents may be nested
/// at most 200 levels deep (counted together), and the syntax tree may be at most 500 nodes high, so that
/// neither the parser nor code that walks the tree recursively can overflow the stack.
///
/// Errors are reported at the leftmost offending token, with positions in `Character`s of the text.
public enum ExpressionParser {
    /// The deepest allowed nesting of parentheses, unary operators and exponents, counted together.
    static let maximumNestingDepth = 200
    /// The largest allowed number of nodes on a path from the root of a syntax tree to a leaf.
    static let maximumTreeHeight = 500

    /// Parses `text` by the grammar above. Throws ExpressionSyntaxError for any malformed text; never traps and never hangs.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> ExpressionSyntax {
        let parser = try Parser(text)
        return try parser.parseComplete()
    }

    /// A syntax tree together with its height, so that the height limit is checked without walking the tree.
    private struct Subtree {
        var syntax: ExpressionSyntax
        var height: Int
    }

    /// A unary operator waiting for its operand.
    private struct PrefixOperator {
        var op: ExpressionSyntax.UnaryOperator
        var position: Int
    }

    /// The recursive-descent parser's state: the lexer and the current (one-token lookahead) token.
    ///
    /// Only `parseExpression` (sums and products) and `parseUnary` (prefix operators, primaries, method
    /// calls and powers) recurse, so that each level of parentheses costs two stack frames; leaves, method
    /// calls and most error messages are handled in helper functions that return before the recursion continues.
    /// It is a class so that calls between its methods share one state instead of copying it.
    private final class Parser {
        private var lexer: ExpressionLexer
        private var current: ExpressionToken
        private var depth = 0

        init(_ text: String) throws(ExpressionSyntaxError) {
            lexer = ExpressionLexer(text)
            current = try lexer.nextToken()
        }

        func parseComplete() throws(ExpressionSyntaxError) -> ExpressionSyntax {
            let tree = try parseExpression()
            guard current.kind == .end else { throw unexpectedAfterExpression() }
            return tree.syntax
        }

        // MARK: Grammar rules

        /// `expr := term (('+' | '-') term)*` with `term := unary (('*' | '/' | '@') unary)*`.
        ///
        /// Both levels are handled in one loop: `product` is the term being built and `sum` the terms
        /// already complete, so that each level of parentheses costs only this frame and `parseUnary`'s.
        private func parseExpression() throws(ExpressionSyntaxError) -> Subtree {
            var sum: (left: Subtree, op: ExpressionSyntax.BinaryOperator, position: Int)?
            var product = try parseUnary()
            while true {
                let position = current.position
                if let op = multiplicativeOperator(current.kind) {
                    try advance()
                    let right = try parseUnary()
                    product = try binary(op, product, right, position: position)
                } else {
                    if let pending = sum {
                        product = try binary(pending.op, pending.left, product, position: pending.position)
                    }
                    guard let op = additiveOperator(current.kind) else { return product }
                    try advance()
                    sum = (product, op, position)
                    product = try parseUnary()
                }
            }
        }

        /// `unary := ('-' | '+' | '~') unary | power`, `power := postfix ('**' unary)?`,
        /// `postfix := primary ('.' METHOD '(' ')')*` and `primary := NAME | NUMBER | '(' expr ')'`.
        ///
        /// Prefix operators are collected in a loop and applied, innermost first, to the power that follows.
        private func parseUnary() throws(ExpressionSyntaxError) -> Subtree {
            let prefixes = try parsePrefixOperators()
            var operand: Subtree
            if current.kind == .leftParenthesis {
                let opening = current.position
                try enterNesting(at: opening)
                try advance()
                operand = try parseExpression()
                depth -= 1
                try expectClosingParenthesis(openedAt: opening)
            } else {
                operand = try parseLeaf()
            }
            if current.kind == .dot {
                operand = try parseMethodCalls(on: operand)
            }
            if current.kind == .doubleStar {
                let position = current.position
                try enterNesting(at: position)
                try advance()
                let exponent = try parseUnary()
                depth -= 1
                operand = try binary(.power, operand, exponent, position: position)
            }
            return try apply(prefixes, to: operand)
        }

        // MARK: Non-recursive parts

        /// `('-' | '+' | '~')*`, each operator adding a level of nesting.
        private func parsePrefixOperators() throws(ExpressionSyntaxError) -> [PrefixOperator] {
            var prefixes: [PrefixOperator] = []
            while let op = unaryOperator(current.kind) {
                try enterNesting(at: current.position)
                prefixes.append(PrefixOperator(op: op, position: current.position))
                try advance()
            }
            return prefixes
        }

        /// Applies prefix operators, the last (innermost) first, and leaves the nesting levels they opened.
        private func apply(_ prefixes: [PrefixOperator], to operand: Subtree) throws(ExpressionSyntaxError) -> Subtree {
            var result = operand
            for prefix in prefixes.reversed() {
                result = try unary(prefix.op, result, position: prefix.position)
            }
            depth -= prefixes.count
            return result
        }

        /// `NAME | NUMBER`; anything else where an operand is expected is an error.
        private func parseLeaf() throws(ExpressionSyntaxError) -> Subtree {
            let token = current
            switch token.kind {
            case .name:
                try advance()
                return Subtree(syntax: .name(token.text, position: token.position), height: 1)
            case .number:
                try advance()
                return Subtree(syntax: .number(token.value, position: token.position), height: 1)
            default:
                throw error(at: token.position, "expected an operand, found \(token.quoted)")
            }
        }

        /// `('.' METHOD '(' ')')*` applied to `operand`.
        private func parseMethodCalls(on operand: Subtree) throws(ExpressionSyntaxError) -> Subtree {
            var result = operand
            while current.kind == .dot {
                try advance()
                guard current.kind == .name else {
                    throw error(at: current.position, "expected a method name after '.', found \(current.quoted)")
                }
                let name = current.text
                let position = current.position
                guard let method = PointerMethod(rawValue: name) else {
                    let known = PointerMethod.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error(at: position, "unknown method '\(name)' (known: \(known))")
                }
                try advance()
                guard current.kind == .leftParenthesis else {
                    throw error(
                        at: current.position, "expected '(' after the method name '\(name)', found \(current.quoted)")
                }
                try advance()
                guard current.kind == .rightParenthesis else {
                    throw error(
                        at: current.position,
                        "expected ')' after '\(name)(': methods take no arguments, found \(current.quoted)")
                }
                try advance()
                let height = try checkedHeight(result.height + 1, at: position)
                result = Subtree(syntax: .method(result.syntax, method, position: position), height: height)
            }
            return result
        }

        private func expectClosingParenthesis(openedAt opening: Int) throws(ExpressionSyntaxError) {
            switch current.kind {
            case .rightParenthesis:
                try advance()
            case .end:
                throw error(at: current.position, "expected ')' to close the '(' at \(opening)")
            default:
                throw error(
                    at: current.position,
                    "expected an operator or ')' to close the '(' at \(opening), found \(current.quoted)")
            }
        }

        private func unexpectedAfterExpression() -> ExpressionSyntaxError {
            if current.kind == .rightParenthesis {
                return error(at: current.position, "unmatched ')'")
            }
            return error(at: current.position, "expected an operator, found \(current.quoted)")
        }

        private func additiveOperator(_ kind: ExpressionToken.Kind) -> ExpressionSyntax.BinaryOperator? {
            switch kind {
            case .plus: return .add
            case .minus: return .subtract
            default: return nil
            }
        }

        private func multiplicativeOperator(_ kind: ExpressionToken.Kind) -> ExpressionSyntax.BinaryOperator? {
            switch kind {
            case .star: return .multiply
            case .slash: return .divide
            case .at: return .dot
            default: return nil
            }
        }

        private func unaryOperator(_ kind: ExpressionToken.Kind) -> ExpressionSyntax.UnaryOperator? {
            switch kind {
            case .minus: return .negate
            case .plus: return .plus
            case .tilde: return .invert
            default: return nil
            }
        }

        private func unary(
            _ op: ExpressionSyntax.UnaryOperator, _ operand: Subtree, position: Int
        ) throws(ExpressionSyntaxError) -> Subtree {
            let height = try checkedHeight(operand.height + 1, at: position)
            return Subtree(syntax: .unary(op, operand.syntax, position: position), height: height)
        }

        private func binary(
            _ op: ExpressionSyntax.BinaryOperator, _ left: Subtree, _ right: Subtree, position: Int
        ) throws(ExpressionSyntaxError) -> Subtree {
            let height = try checkedHeight(max(left.height, right.height) + 1, at: position)
            return Subtree(syntax: .binary(op, left.syntax, right.syntax, position: position), height: height)
        }

        private func advance() throws(ExpressionSyntaxError) {
            current = try lexer.nextToken()
        }

        private func enterNesting(at position: Int) throws(ExpressionSyntaxError) {
            depth += 1
            if depth > ExpressionParser.maximumNestingDepth {
                throw error(at: position, "nested more than \(ExpressionParser.maximumNestingDepth) levels deep")
            }
        }

        private func checkedHeight(_ height: Int, at position: Int) throws(ExpressionSyntaxError) -> Int {
            if height > ExpressionParser.maximumTreeHeight {
                throw error(
                    at: position,
                    "the syntax tree would be more than \(ExpressionParser.maximumTreeHeight) levels high"
                        + " (split the expression)")
            }
            return height
        }

        private func error(at position: Int, _ message: String) -> ExpressionSyntaxError {
            ExpressionSyntaxError(expression: lexer.expression, position: position, message: message)
        }
    }
}
