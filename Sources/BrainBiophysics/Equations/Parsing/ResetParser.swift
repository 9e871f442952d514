/// One statement of a reset: `target op expression` with `op` one of `=`, `+=`, `-=`, `*=`,
/// `/=`.
struct ResetStatementSyntax: Sendable {
    enum Operation: String, Sendable {
        case assign = "="
        case add = "+="
        case subtract = "-="
        case multiply = "*="
        case divide = "/="
    }

    let target: String
    let operation: Operation
    let expression: ExpressionSyntax
    /// The statement's source bytes (for messages).
    let range: Range<Int>
}

/// Parses reset code: statements separated by `;` or line ends, executed in order
/// (`vm = Vr; w += b`).
///
/// ```
/// reset     := statement ((';' | newline) statement?)*
/// statement := NAME ('=' | '+=' | '-=' | '*=' | '/=') expression
/// ```
enum ResetParser {
    static func parse(_ source: EquationSource) throws(EquationDiagnostic) -> [ResetStatementSyntax] {
        let tokens = try EquationLexer.tokens(source)
        var parser = ExpressionParser(source: source, tokens: tokens)
        var statements: [ResetStatementSyntax] = []
        let operations: [EquationToken.Kind: ResetStatementSyntax.Operation] = [
            .assign: .assign, .plusAssign: .add, .minusAssign: .subtract, .starAssign: .multiply, .slashAssign: .divide,
        ]
        while parser.current.kind != .end {
            if parser.current.kind == .newline || parser.current.kind == .semicolon {
                parser.advance()
                continue
            }
            let start = parser.current
            guard case .identifier(let target) = start.kind else {
                throw EquationDiagnostic(
                    "expected a statement such as 'v = Vr', found \(start.spelling)", at: start.range.lowerBound)
            }
            parser.advance()
            guard let operation = operations[parser.current.kind] else {
                throw EquationDiagnostic(
                    "expected '=', '+=', '-=', '*=' or '/=' after '\(target)', found \(parser.current.spelling)",
                    at: parser.current.range.lowerBound)
            }
            parser.advance()
            let expression = try parser.parseExpression()
            statements.append(
                ResetStatementSyntax(
                    target: target, operation: operation, expression: expression,
                    range: start.range.lowerBound..<expression.range.upperBound))
            switch parser.current.kind {
            case .newline, .semicolon, .end: break
            default:
                throw EquationDiagnostic(
                    "unexpected \(parser.current.spelling) after the statement "
                        + "'\(source.text(statements[statements.count - 1].range))'",
                    at: parser.current.range.lowerBound)
            }
        }
        return statements
    }
}

/// Parses a single expression that must use the whole text (a threshold, a parameter value).
enum SingleExpressionParser {
    static func parse(_ source: EquationSource) throws(EquationDiagnostic) -> ExpressionSyntax {
        let tokens = try EquationLexer.tokens(source)
        var parser = ExpressionParser(source: source, tokens: tokens)
        while parser.current.kind == .newline { parser.advance() }
        let expression = try parser.parseExpression()
        while parser.current.kind == .newline { parser.advance() }
        guard parser.current.kind == .end else {
            throw EquationDiagnostic(
                "unexpected \(parser.current.spelling) after the expression", at: parser.current.range.lowerBound)
        }
        return expression
    }
}
