/// A recursive-descent parser for Brian's expressions over a token list, with Python's
/// precedence, lowest first:
///
/// ```
/// expression  := or
/// or          := and ('or' and)*
/// and         := not ('and' not)*
/// not         := 'not' not | comparison
/// comparison  := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?     (no chains)
/// sum         := product (('+' | '-') product)*
/// product     := unary (('*' | '/') unary)*
/// unary       := ('+' | '-') unary | power
/// power       := primary ('**' unary)?                                (right-associative)
/// primary     := number | 'True' | 'False' | name | name '(' arguments ')' | '(' expression ')'
/// ```
///
/// It stops at the first token that cannot continue the expression (such as `:` or the end of
/// the line) and leaves it to the caller.
struct ExpressionParser {
    let source: EquationSource
    private let tokens: [EquationToken]
    private(set) var position: Int

    init(source: EquationSource, tokens: [EquationToken], position: Int = 0) {
        self.source = source
        self.tokens = tokens
        self.position = position
    }

    var current: EquationToken { tokens[min(position, tokens.count - 1)] }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// A new node, rejected when the expression gets deeper than
    /// ``ExpressionSyntax/maximumDepth``.
    private func node(_ kind: ExpressionSyntax.Kind, range: Range<Int>) throws(EquationDiagnostic) -> ExpressionSyntax {
        let node = ExpressionSyntax(kind: kind, range: range)
        guard node.depth <= ExpressionSyntax.maximumDepth else {
            throw EquationDiagnostic(
                "the expression is nested too deeply (more than \(ExpressionSyntax.maximumDepth) levels)",
                at: range.lowerBound)
        }
        return node
    }

    /// Parses one expression starting at the current token.
    mutating func parseExpression() throws(EquationDiagnostic) -> ExpressionSyntax {
        try parseOr()
    }

    /// How deep the parser has recursed (parentheses, calls, prefix operators).
    private var nesting = 0

    /// Runs `parse` one recursion level deeper, refusing to go past
    /// ``ExpressionSyntax/maximumDepth`` (so `((((...` or `----...x` cannot exhaust the stack).
    private mutating func nested(
        _ parse: (inout ExpressionParser) throws(EquationDiagnostic) -> ExpressionSyntax
    ) throws(EquationDiagnostic) -> ExpressionSyntax {
        guard nesting < ExpressionSyntax.maximumDepth else {
            throw EquationDiagnostic(
                "the expression is nested too deeply (more than \(ExpressionSyntax.maximumDepth) levels)",
                at: current.range.lowerBound)
        }
        nesting += 1
        defer { nesting -= 1 }
        return try parse(&self)
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    private mutating func parseOr() throws(EquationDiagnostic) -> ExpressionSyntax {
        var left = try parseAnd()
        while isKeyword("or") {
            advance()
            let right = try parseAnd()
            left = ExpressionSyntax(
                kind: .binary(.or, left, right), range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseAnd() throws(EquationDiagnostic) -> ExpressionSyntax {
        var left = try parseNot()
        while isKeyword("and") {
            advance()
            let right = try parseNot()
            left = ExpressionSyntax(
                kind: .binary(.and, left, right), range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseNot() throws(EquationDiagnostic) -> ExpressionSyntax {
        guard isKeyword("not") else { return try parseComparison() }
        let start = current.range.lowerBound
        advance()
        let operand = try nested { (parser: inout ExpressionParser) throws(EquationDiagnostic) in try parser.parseNot() }
        return try node(.unary(.not, operand), range: start..<operand.range.upperBound)
    }

    private static let comparisons: [EquationToken.Kind: BinaryOperator] = [
        .less: .less, .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual,
        .equal: .equal, .notEqual: .notEqual,
    ]

    private mutating func parseComparison() throws(EquationDiagnostic) -> ExpressionSyntax {
        let left = try parseSum()
        guard let op = ExpressionParser.comparisons[current.kind] else { return left }
        advance()
        let right = try parseSum()
        if ExpressionParser.comparisons[current.kind] != nil {
            throw EquationDiagnostic(
                "chained comparisons such as 'a < b < c' are not supported; write '(a < b) and (b < c)'",
                at: current.range.lowerBound)
        }
        return try node(.binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
    }

    private mutating func parseSum() throws(EquationDiagnostic) -> ExpressionSyntax {
        var left = try parseProduct()
        while current.kind == .plus || current.kind == .minus {
            let op: BinaryOperator = current.kind == .plus ? .add : .subtract
            advance()
            let right = try parseProduct()
            left = ExpressionSyntax(
                kind: .binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseProduct() throws(EquationDiagnostic) -> ExpressionSyntax {
        var left = try parseUnary()
        while current.kind == .star || current.kind == .slash {
            let op: BinaryOperator = current.kind == .star ? .multiply : .divide
            advance()
            let right = try parseUnary()
            left = ExpressionSyntax(
                kind: .binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func parseUnary() throws(EquationDiagnostic) -> ExpressionSyntax {
        guard current.kind == .plus || current.kind == .minus else { return try parsePower() }
        let op: UnaryOperator = current.kind == .plus ? .plus : .minus
        let start = current.range.lowerBound
        advance()
        let operand = try nested { (parser: inout ExpressionParser) throws(EquationDiagnostic) in try parser.parseUnary() }
        return try node(.unary(op, operand), range: start..<operand.range.upperBound)
    }

    private mutating func parsePower() throws(EquationDiagnostic) -> ExpressionSyntax {
        let base = try parsePrimary()
        guard current.kind == .power else { return base }
        advance()
        let exponent = try nested { (parser: inout ExpressionParser) throws(EquationDiagnostic) in try parser.parseUnary() }
        return ExpressionSyntax(
            kind: .binary(.power, base, exponent), range: base.range.lowerBound..<exponent.range.upperBound)
    }

    private static let keywords: Set<String> = ["and", "or", "not"]

    private mutating func parsePrimary() throws(EquationDiagnostic) -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return try node(.number(value), range: token.range)
        case .identifier(let name):
            if ExpressionParser.keywords.contains(name) {
                throw EquationDiagnostic("expected a value before '\(name)'", at: token.range.lowerBound)
            }
            advance()
            if name == "True" || name == "False" {
                return try node(.boolean(name == "True"), range: token.range)
            }
            guard current.kind == .leftParenthesis else {
                return try node(.identifier(name), range: token.range)
            }
            advance()
            var arguments: [ExpressionSyntax] = []
            if current.kind != .rightParenthesis {
                while true {
                    arguments.append(
                        try nested { (parser: inout ExpressionParser) throws(EquationDiagnostic) in
                            try parser.parseExpression()
                        })
                    guard current.kind == .comma else { break }
                    advance()
                }
            }
            guard current.kind == .rightParenthesis else {
                throw EquationDiagnostic(
                    "expected ',' or ')' in the arguments of '\(name)', found \(current.spelling)",
                    at: current.range.lowerBound)
            }
            let end = current.range.upperBound
            advance()
            return try node(.call(name, arguments), range: token.range.lowerBound..<end)
        case .leftParenthesis:
            advance()
            let inner = try nested { (parser: inout ExpressionParser) throws(EquationDiagnostic) in
                try parser.parseExpression()
            }
            guard current.kind == .rightParenthesis else {
                throw EquationDiagnostic("expected ')', found \(current.spelling)", at: current.range.lowerBound)
            }
            let end = current.range.upperBound
            advance()
            return try node(inner.kind, range: token.range.lowerBound..<end)
        case .newline, .end:
            throw EquationDiagnostic(
                "the expression is incomplete: expected a value at \(token.spelling)", at: token.range.lowerBound)
        default:
            throw EquationDiagnostic("expected a value, found \(token.spelling)", at: token.range.lowerBound)
        }
    }
}
