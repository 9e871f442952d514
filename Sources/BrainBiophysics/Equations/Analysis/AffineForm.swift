/// An expression written as `Σ coefficients[j] * state[j] + constant`, where neither the
/// coefficients nor the constant depend on the state (they may depend on the input).
struct AffineForm: Sendable {
    var coefficients: [ResolvedExpression]
    var constant: ResolvedExpression

    /// A form without state terms.
    init(constant: ResolvedExpression, stateCount: Int) {
        coefficients = Array(repeating: .constant(0), count: stateCount)
        self.constant = constant
    }

    var hasStateTerms: Bool {
        coefficients.contains { $0.constantValue != 0 }
    }
}

/// The source range of a term that makes an expression nonlinear in the state.
struct NonlinearTerm: Error {
    let range: Range<Int>
}

/// Splits expressions linear in the state variables into ``AffineForm``s, for Brian's `exact`
/// method (`dX/dt = A X + b`).
///
/// `+`, `-` and negation combine forms; a product is linear when one factor has no state term,
/// a quotient when the divisor has none; any other operation (powers, functions, conditions)
/// is linear only when it does not involve the state at all. Subexpressions are expanded.
struct LinearityAnalysis {
    let stateCount: Int
    let subexpressions: [ResolvedExpression]

    func decompose(_ expression: ResolvedExpression) throws(NonlinearTerm) -> AffineForm {
        switch expression {
        case .constant, .input:
            return AffineForm(constant: expression, stateCount: stateCount)
        case .state(let index):
            var form = AffineForm(constant: .constant(0), stateCount: stateCount)
            form.coefficients[index] = .constant(1)
            return form
        case .subexpression(let index):
            return try decompose(subexpressions[index])
        case .unary(.minus, let operand, _):
            return map(try decompose(operand)) { negate($0) }
        case .binary(let op, let left, let right, let range) where [.add, .subtract, .multiply, .divide].contains(op):
            let a = try decompose(left)
            let b = try decompose(right)
            switch op {
            case .add, .subtract:
                var form = a
                for j in 0..<stateCount { form.coefficients[j] = combine(op, a.coefficients[j], b.coefficients[j]) }
                form.constant = combine(op, a.constant, b.constant)
                return form
            case .multiply:
                if !a.hasStateTerms { return map(b) { multiply(a.constant, $0) } }
                if !b.hasStateTerms { return map(a) { multiply($0, b.constant) } }
                throw NonlinearTerm(range: range)
            default:
                guard !b.hasStateTerms else { throw NonlinearTerm(range: range) }
                return map(a) { divide($0, b.constant) }
            }
        default:
            guard !dependsOnState(expression) else { throw NonlinearTerm(range: expression.range) }
            return AffineForm(constant: expression, stateCount: stateCount)
        }
    }

    func dependsOnState(_ expression: ResolvedExpression) -> Bool {
        switch expression {
        case .constant, .input: return false
        case .state: return true
        case .subexpression(let index): return dependsOnState(subexpressions[index])
        case .unary(_, let operand, _): return dependsOnState(operand)
        case .binary(_, let left, let right, _): return dependsOnState(left) || dependsOnState(right)
        case .call(_, let arguments, _): return arguments.contains(where: dependsOnState)
        }
    }

    /// Whether an expression depends on the input parameter.
    func dependsOnInput(_ expression: ResolvedExpression) -> Bool {
        switch expression {
        case .constant, .state: return false
        case .input: return true
        case .subexpression(let index): return dependsOnInput(subexpressions[index])
        case .unary(_, let operand, _): return dependsOnInput(operand)
        case .binary(_, let left, let right, _): return dependsOnInput(left) || dependsOnInput(right)
        case .call(_, let arguments, _): return arguments.contains(where: dependsOnInput)
        }
    }

    private func map(_ form: AffineForm, _ transform: (ResolvedExpression) -> ResolvedExpression) -> AffineForm {
        var result = form
        result.coefficients = form.coefficients.map(transform)
        result.constant = transform(form.constant)
        return result
    }

    private func negate(_ x: ResolvedExpression) -> ResolvedExpression {
        ResolvedExpression.makeUnary(.minus, x, range: 0..<0)
    }

    private func combine(_ op: BinaryOperator, _ x: ResolvedExpression, _ y: ResolvedExpression) -> ResolvedExpression {
        if y.constantValue == 0 { return x }
        if x.constantValue == 0 { return op == .add ? y : negate(y) }
        return ResolvedExpression.makeBinary(op, x, y, range: 0..<0)
    }

    private func multiply(_ x: ResolvedExpression, _ y: ResolvedExpression) -> ResolvedExpression {
        if x.constantValue == 0 || y.constantValue == 0 { return .constant(0) }
        if x.constantValue == 1 { return y }
        if y.constantValue == 1 { return x }
        return ResolvedExpression.makeBinary(.multiply, x, y, range: 0..<0)
    }

    private func divide(_ x: ResolvedExpression, _ y: ResolvedExpression) -> ResolvedExpression {
        if x.constantValue == 0 { return .constant(0) }
        if y.constantValue == 1 { return x }
        return ResolvedExpression.makeBinary(.divide, x, y, range: 0..<0)
    }
}
