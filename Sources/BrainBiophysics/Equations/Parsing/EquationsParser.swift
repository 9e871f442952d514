/// Parses a multi-line equations text (Brian's `Equations` notation) into
/// ``EquationDefinition``s, one per non-empty line:
///
/// ```
/// definition := 'd' NAME '/' 'dt' '=' expression ':' unit flags?
///             | NAME '=' expression ':' unit flags?
///             | NAME ':' unit flags?
/// unit       := factor (('*' | '/') factor)*
/// factor     := (UNITNAME | '1' | '(' unit ')') ('**' '-'? INTEGER)?
/// flags      := '(' words (',' words)* ')'
/// ```
///
/// `#` starts a comment. A unit must be a base unit (`volt`, `amp`, `siemens/metre**2`, `1`),
/// as in Brian: `mV` is rejected with a hint to write `volt`.
struct EquationsParser {
    private var parser: ExpressionParser
    private let source: EquationSource

    static func parse(_ source: EquationSource) throws(EquationDiagnostic) -> [EquationDefinition] {
        let tokens = try EquationLexer.tokens(source)
        var equations = EquationsParser(parser: ExpressionParser(source: source, tokens: tokens), source: source)
        return try equations.definitions()
    }

    private init(parser: ExpressionParser, source: EquationSource) {
        self.parser = parser
        self.source = source
    }

    private var current: EquationToken { parser.current }

    private mutating func definitions() throws(EquationDiagnostic) -> [EquationDefinition] {
        var result: [EquationDefinition] = []
        while current.kind != .end {
            if current.kind == .newline {
                parser.advance()
                continue
            }
            result.append(try definition())
            switch current.kind {
            case .newline, .end: break
            default:
                throw EquationDiagnostic(
                    "unexpected \(current.spelling) after the definition of '\(result[result.count - 1].label)'",
                    at: current.range.lowerBound)
            }
        }
        return result
    }

    private mutating func expectName(_ what: String) throws(EquationDiagnostic) -> (String, EquationToken) {
        guard case .identifier(let name) = current.kind else {
            throw EquationDiagnostic("expected \(what), found \(current.spelling)", at: current.range.lowerBound)
        }
        let token = current
        parser.advance()
        return (name, token)
    }

    private mutating func definition() throws(EquationDiagnostic) -> EquationDefinition {
        let start = current.range.lowerBound
        let line = source.lineAndColumn(start).line
        let (name, nameToken) = try expectName(
            "a definition ('dX/dt = expression : unit', 'name = expression : unit' or 'name : unit')")
        var kind = EquationDefinition.Kind.parameter
        var variable = name
        var expression: ExpressionSyntax?
        if current.kind == .slash {
            // dX/dt = ...
            guard name.count > 1, name.hasPrefix("d") else {
                throw EquationDiagnostic(
                    "expected 'dX/dt' for a differential equation, found '\(name)/'", at: nameToken.range.lowerBound)
            }
            parser.advance()
            guard case .identifier("dt") = current.kind else {
                throw EquationDiagnostic(
                    "expected 'dt' after '\(name)/' in a differential equation, found \(current.spelling)",
                    at: current.range.lowerBound)
            }
            parser.advance()
            guard current.kind == .assign else {
                throw EquationDiagnostic(
                    "expected '=' after '\(name)/dt', found \(current.spelling)", at: current.range.lowerBound)
            }
            parser.advance()
            kind = .differential
            variable = String(name.dropFirst())
            expression = try parser.parseExpression()
        } else if current.kind == .assign {
            parser.advance()
            kind = .subexpression
            expression = try parser.parseExpression()
        }
        let label = kind == .differential ? "d\(variable)/dt" : variable
        guard current.kind == .colon else {
            let what =
                expression == nil ? "'=' or ':' after '\(name)'" : "':' and a unit after the expression of '\(label)'"
            throw EquationDiagnostic("expected \(what), found \(current.spelling)", at: current.range.lowerBound)
        }
        parser.advance()
        let unit = try parseUnit(label: label)
        var flags: [String] = []
        if current.kind == .leftParenthesis {
            flags = try parseFlags()
        }
        return EquationDefinition(
            kind: kind, name: variable, expression: expression, dimension: unit.dimension, flags: flags, line: line)
    }

    // MARK: - Units

    private mutating func parseUnit(label: String) throws(EquationDiagnostic) -> PhysicalUnit {
        if current.kind == .newline || current.kind == .end {
            throw EquationDiagnostic(
                "missing unit after ':' in the definition of '\(label)'", at: current.range.lowerBound)
        }
        var unit = try parseUnitFactor(label: label)
        while current.kind == .star || current.kind == .slash {
            let divide = current.kind == .slash
            parser.advance()
            let factor = try parseUnitFactor(label: label)
            unit = PhysicalUnit(
                scale: divide ? unit.scale / factor.scale : unit.scale * factor.scale,
                dimension: divide ? unit.dimension / factor.dimension : unit.dimension * factor.dimension)
        }
        return unit
    }

    private mutating func parseUnitFactor(label: String) throws(EquationDiagnostic) -> PhysicalUnit {
        let token = current
        var unit: PhysicalUnit
        switch token.kind {
        case .identifier(let name):
            parser.advance()
            if name == "boolean" || name == "integer" {
                throw EquationDiagnostic(
                    "'\(label)' has type '\(name)'; only real-valued variables with units are supported",
                    at: token.range.lowerBound)
            }
            guard let named = UnitTable.unit(named: name) else {
                throw EquationDiagnostic(
                    "unknown unit '\(name)' in the definition of '\(label)'", at: token.range.lowerBound)
            }
            guard named.scale == 1 else {
                throw EquationDiagnostic(
                    "the unit of '\(label)' refers to '\(name)', which is not a base unit; "
                        + "use '\(named.dimension)' instead",
                    at: token.range.lowerBound)
            }
            unit = named
        case .number(1):
            parser.advance()
            unit = PhysicalUnit(scale: 1, dimension: .dimensionless)
        case .leftParenthesis:
            parser.advance()
            unit = try parseUnit(label: label)
            guard current.kind == .rightParenthesis else {
                throw EquationDiagnostic(
                    "expected ')' in the unit of '\(label)', found \(current.spelling)", at: current.range.lowerBound)
            }
            parser.advance()
        default:
            throw EquationDiagnostic(
                "expected a unit (such as 'volt', 'amp/second' or '1') in the definition of '\(label)', "
                    + "found \(token.spelling)",
                at: token.range.lowerBound)
        }
        if current.kind == .power {
            parser.advance()
            var sign: Int32 = 1
            if current.kind == .minus {
                sign = -1
                parser.advance()
            }
            guard case .number(let value) = current.kind, value == value.rounded(), abs(value) <= 12 else {
                throw EquationDiagnostic(
                    "expected an integer power in the unit of '\(label)', found \(current.spelling)",
                    at: current.range.lowerBound)
            }
            parser.advance()
            unit = PhysicalUnit(scale: 1, dimension: unit.dimension.power(sign * Int32(value)))
        }
        return unit
    }

    // MARK: - Flags

    private mutating func parseFlags() throws(EquationDiagnostic) -> [String] {
        parser.advance()  // (
        var flags: [String] = []
        var words: [String] = []
        while true {
            switch current.kind {
            case .identifier(let word):
                words.append(word)
                parser.advance()
            case .comma, .rightParenthesis:
                guard !words.isEmpty else {
                    throw EquationDiagnostic("empty flag", at: current.range.lowerBound)
                }
                flags.append(words.joined(separator: " "))
                words = []
                let closing = current.kind == .rightParenthesis
                parser.advance()
                if closing { return flags }
            default:
                throw EquationDiagnostic(
                    "expected a flag such as 'unless refractory', found \(current.spelling)",
                    at: current.range.lowerBound)
            }
        }
    }
}
