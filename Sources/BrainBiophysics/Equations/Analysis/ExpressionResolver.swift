import Foundation

/// What a resolved expression evaluates to: a quantity with a dimension, or a condition.
enum ValueType: Sendable, Equatable, CustomStringConvertible {
    case quantity(PhysicalDimension)
    case boolean

    var description: String {
        switch self {
        case .quantity(let dimension): return dimension.isDimensionless ? "1 (dimensionless)" : dimension.description
        case .boolean: return "a condition"
        }
    }
}

/// What a name stands for while resolving.
enum EquationSymbol: Sendable {
    case state(Int, PhysicalDimension)
    case subexpression(Int, PhysicalDimension)
    case input(PhysicalDimension)
    case constant(Double, PhysicalDimension)
}

/// Resolves the names of an ``ExpressionSyntax`` and checks its units (the dimensional
/// analysis), giving a ``ResolvedExpression`` in SI units and its ``ValueType``.
///
/// Rules: `+`, `-` and comparisons need equal dimensions; `*` and `/` combine them; `x**y`
/// needs a dimensionless `y`, constant when `x` has a dimension (the result's exponents must be
/// integers); `exp`, `log`, trigonometric functions and `exprel` need a dimensionless argument;
/// `sqrt` halves the exponents; `abs`, `floor`, `ceil` keep the dimension; `clip`'s bounds
/// share its argument's; `and`, `or`, `not` need conditions, and a condition is not a number
/// (write `int(c)`). Names are looked up by `lookup` first, then in Brian's units
/// (``UnitTable``), then `pi`, `e` and `inf`.
struct ExpressionResolver {
    typealias Lookup = (String) throws(EquationDiagnostic) -> EquationSymbol?

    let source: EquationSource
    let lookup: Lookup

    func resolve(_ syntax: ExpressionSyntax) throws(EquationDiagnostic) -> (ResolvedExpression, ValueType) {
        switch syntax.kind {
        case .number(let value):
            return (.constant(value), .quantity(.dimensionless))
        case .boolean(let value):
            return (.constant(value ? 1 : 0), .boolean)
        case .identifier(let name):
            return try resolveName(name)
        case .unary(let op, let operand):
            let (resolved, type) = try resolve(operand)
            if op == .not {
                guard type == .boolean else {
                    throw EquationDiagnostic("'not' needs a condition, got \(type) in '\(text(syntax))'")
                }
                return (ResolvedExpression.makeUnary(op, resolved, range: syntax.range), .boolean)
            }
            let dimension = try quantity(type, operand, in: syntax)
            return (ResolvedExpression.makeUnary(op, resolved, range: syntax.range), .quantity(dimension))
        case .binary(let op, let left, let right):
            return try resolveBinary(op, left, right, syntax)
        case .call(let name, let arguments):
            return try resolveCall(name, arguments, syntax)
        }
    }

    /// The dimension of a quantity operand, or an error for a condition used as a number.
    private func quantity(
        _ type: ValueType, _ operand: ExpressionSyntax, in whole: ExpressionSyntax
    ) throws(EquationDiagnostic) -> PhysicalDimension {
        guard case .quantity(let dimension) = type else {
            throw EquationDiagnostic(
                "the condition '\(text(operand))' is used as a number in '\(text(whole))'; write int(...) to convert it"
            )
        }
        return dimension
    }

    func text(_ syntax: ExpressionSyntax) -> String {
        source.term(syntax.range)
    }

    private func resolveName(_ name: String) throws(EquationDiagnostic) -> (ResolvedExpression, ValueType) {
        if let symbol = try lookup(name) {
            switch symbol {
            case .state(let index, let dimension): return (.state(index), .quantity(dimension))
            case .subexpression(let index, let dimension): return (.subexpression(index), .quantity(dimension))
            case .input(let dimension): return (.input, .quantity(dimension))
            case .constant(let value, let dimension): return (.constant(value), .quantity(dimension))
            }
        }
        if let unit = UnitTable.unit(named: name) {
            return (.constant(unit.scale), .quantity(unit.dimension))
        }
        switch name {
        case "pi": return (.constant(Double.pi), .quantity(.dimensionless))
        case "e": return (.constant(M_E), .quantity(.dimensionless))
        case "inf": return (.constant(Double.infinity), .quantity(.dimensionless))
        default: break
        }
        if MathFunction(rawValue: name) != nil {
            throw EquationDiagnostic("'\(name)' is a function; call it as \(name)(...)")
        }
        throw EquationDiagnostic("unknown identifier '\(name)' (not a variable, parameter, constant or unit)")
    }

    private func resolveBinary(
        _ op: BinaryOperator, _ left: ExpressionSyntax, _ right: ExpressionSyntax, _ syntax: ExpressionSyntax
    ) throws(EquationDiagnostic) -> (ResolvedExpression, ValueType) {
        let (a, aType) = try resolve(left)
        let (b, bType) = try resolve(right)
        let node = ResolvedExpression.makeBinary(op, a, b, range: syntax.range)
        if op.isLogical {
            for (operand, type) in [(left, aType), (right, bType)] where type != .boolean {
                throw EquationDiagnostic(
                    "'\(op.rawValue)' needs conditions on both sides, got \(type) in '\(text(operand))'")
            }
            return (node, .boolean)
        }
        let x = try quantity(aType, left, in: syntax)
        let y = try quantity(bType, right, in: syntax)
        switch op {
        case .add, .subtract:
            guard x == y else {
                let verb = op == .add ? "add \(x) and \(y)" : "subtract \(y) from \(x)"
                throw EquationDiagnostic("cannot \(verb) in '\(text(syntax))'")
            }
            return (node, .quantity(x))
        case .multiply:
            return (node, .quantity(x * y))
        case .divide:
            return (node, .quantity(x / y))
        case .power:
            guard y.isDimensionless else {
                throw EquationDiagnostic("the exponent must be dimensionless, got \(y) in '\(text(syntax))'")
            }
            if x.isDimensionless { return (node, .quantity(.dimensionless)) }
            guard let exponent = b.constantValue else {
                throw EquationDiagnostic(
                    "a quantity in \(x) can only be raised to a constant power, in '\(text(syntax))'")
            }
            guard let dimension = ExpressionResolver.power(x, exponent) else {
                throw EquationDiagnostic(
                    "raising \(x) to the power \(ExpressionFormatting.number(exponent)) gives no valid unit, "
                        + "in '\(text(syntax))'"
                )
            }
            return (node, .quantity(dimension))
        default:  // comparisons
            guard x == y else {
                throw EquationDiagnostic("cannot compare \(x) and \(y) in '\(text(syntax))'")
            }
            return (node, .boolean)
        }
    }

    /// `dimension ** exponent` when the exponent is `p / q` (q ≤ 6) and the result has integer
    /// exponents.
    static func power(_ dimension: PhysicalDimension, _ exponent: Double) -> PhysicalDimension? {
        guard exponent.isFinite, abs(exponent) <= 64 else { return nil }
        for q in 1...6 {
            let p = exponent * Double(q)
            if p == p.rounded() {
                return dimension.power(Int32(p)).root(Int32(q))
            }
        }
        return nil
    }

    private func resolveCall(
        _ name: String, _ arguments: [ExpressionSyntax], _ syntax: ExpressionSyntax
    ) throws(EquationDiagnostic) -> (ResolvedExpression, ValueType) {
        guard let function = MathFunction(rawValue: name) else {
            let isName = (try? lookup(name)).flatMap { $0 } != nil
            if isName || UnitTable.unit(named: name) != nil {
                throw EquationDiagnostic("'\(name)' is not a function, in '\(text(syntax))'")
            }
            throw EquationDiagnostic("unknown function '\(name)' in '\(text(syntax))'")
        }
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw EquationDiagnostic("\(name) takes \(expected), got \(arguments.count) in '\(text(syntax))'")
        }
        var resolved: [ResolvedExpression] = []
        var types: [ValueType] = []
        for argument in arguments {
            let (expression, type) = try resolve(argument)
            resolved.append(expression)
            types.append(type)
        }
        let node = ResolvedExpression.makeCall(function, resolved, range: syntax.range)
        if function == .int {
            if case .quantity(let dimension) = types[0], !dimension.isDimensionless {
                throw EquationDiagnostic(
                    "the argument of int must be a condition or dimensionless, got \(dimension) in '\(text(syntax))'")
            }
            return (node, .quantity(.dimensionless))
        }
        var dimensions: [PhysicalDimension] = []
        for (argument, type) in zip(arguments, types) {
            dimensions.append(try quantity(type, argument, in: syntax))
        }
        let x = dimensions[0]
        if function.needsDimensionlessArgument {
            guard x.isDimensionless else {
                throw EquationDiagnostic("the argument of \(name) must be dimensionless, got \(x) in '\(text(syntax))'")
            }
            return (node, .quantity(.dimensionless))
        }
        switch function {
        case .sqrt:
            guard let root = x.root(2) else {
                throw EquationDiagnostic("the square root of \(x) has no valid unit, in '\(text(syntax))'")
            }
            return (node, .quantity(root))
        case .sign:
            return (node, .quantity(.dimensionless))
        case .clip:
            guard dimensions[1] == x, dimensions[2] == x else {
                throw EquationDiagnostic(
                    "clip's bounds must be in \(x) like its first argument, got \(dimensions[1]) and "
                        + "\(dimensions[2]) in '\(text(syntax))'"
                )
            }
            return (node, .quantity(x))
        default:  // abs, floor, ceil
            return (node, .quantity(x))
        }
    }
}
