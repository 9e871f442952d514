/// An expression with its names resolved and units checked, in SI units: parameters and
/// units have become constants (folded wherever every operand is constant), and what is left
/// refers to state variables, subexpressions and the input parameter.
///
/// Operator nodes keep the byte range of their source text for messages.
indirect enum ResolvedExpression: Sendable {
    case constant(Double)
    /// The state variable with this index (a differential equation's variable).
    case state(Int)
    /// The parameter that receives the ensemble's input current.
    case input
    /// The subexpression with this index.
    case subexpression(Int)
    case unary(UnaryOperator, ResolvedExpression, Range<Int>)
    case binary(BinaryOperator, ResolvedExpression, ResolvedExpression, Range<Int>)
    case call(MathFunction, [ResolvedExpression], Range<Int>)

    var constantValue: Double? {
        if case .constant(let value) = self { return value }
        return nil
    }

    /// The source range of an operator node (empty for leaves).
    var range: Range<Int> {
        switch self {
        case .unary(_, _, let range), .binary(_, _, _, let range), .call(_, _, let range): return range
        default: return 0..<0
        }
    }

    /// The depth of the expression with subexpressions expanded (`subexpressionDepths[k]` is
    /// subexpression `k`'s).
    func expandedDepth(_ subexpressionDepths: [Int]) -> Int {
        switch self {
        case .constant, .state, .input: return 1
        case .subexpression(let index): return subexpressionDepths[index] + 1
        case .unary(_, let operand, _): return operand.expandedDepth(subexpressionDepths) + 1
        case .binary(_, let left, let right, _):
            return max(left.expandedDepth(subexpressionDepths), right.expandedDepth(subexpressionDepths)) + 1
        case .call(_, let arguments, _): return (arguments.map { $0.expandedDepth(subexpressionDepths) }.max() ?? 0) + 1
        }
    }

    /// The deepest expression (with subexpressions expanded) a model may contain, so that the
    /// recursive passes (linearity analysis, compilation) stay far from the stack's limit.
    static let maximumExpandedDepth = 512

    /// Builds a unary node, folded to a constant when its operand is one.
    static func makeUnary(_ op: UnaryOperator, _ operand: ResolvedExpression, range: Range<Int>) -> ResolvedExpression {
        if let value = operand.constantValue { return .constant(ExpressionMath.apply(op, value)) }
        if op == .plus { return operand }
        return .unary(op, operand, range)
    }

    /// Builds a binary node, folded to a constant when both operands are.
    static func makeBinary(
        _ op: BinaryOperator, _ left: ResolvedExpression, _ right: ResolvedExpression, range: Range<Int>
    ) -> ResolvedExpression {
        if let a = left.constantValue, let b = right.constantValue {
            return .constant(ExpressionMath.apply(op, a, b))
        }
        return .binary(op, left, right, range)
    }

    /// Builds a call, folded to a constant when every argument is one.
    static func makeCall(_ function: MathFunction, _ arguments: [ResolvedExpression], range: Range<Int>)
        -> ResolvedExpression
    {
        let values = arguments.compactMap(\.constantValue)
        if values.count == arguments.count {
            return .constant(ExpressionMath.apply(function, values))
        }
        return .call(function, arguments, range)
    }
}
