/// A parsed semantic-pointer expression: the syntax tree, before evaluation against a vocabulary.
///
/// Produced by ``ExpressionParser/parse(_:)``. Every node records the position (a 0-based offset in
/// `Character`s of the parsed string) that errors found during evaluation can point at.
public indirect enum ExpressionSyntax: Equatable, Sendable {
    /// An identifier, such as `A` or `Identity`; whether it names a vocabulary key is decided during evaluation.
    case name(String, position: Int)
    /// A finite, non-negative numeric literal.
    case number(Double, position: Int)
    /// A prefix operator applied to its operand.
    case unary(UnaryOperator, ExpressionSyntax, position: Int)
    /// An infix operator applied to its left and right operands.
    case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax, position: Int)
    /// A call of a semantic-pointer method without arguments, such as `A.normalized()`.
    case method(ExpressionSyntax, PointerMethod, position: Int)

    /// A prefix operator.
    public enum UnaryOperator: String, Sendable {
        /// `-x`
        case negate = "-"
        /// `+x`
        case plus = "+"
        /// `~x`, the approximate inverse.
        case invert = "~"
    }

    /// An infix operator.
    public enum BinaryOperator: String, Sendable {
        /// `x + y`
        case add = "+"
        /// `x - y`
        case subtract = "-"
        /// `x * y`, circular convolution or scaling.
        case multiply = "*"
        /// `x / y`
        case divide = "/"
        /// `x @ y`, the dot product.
        case dot = "@"
        /// `x ** y`
        case power = "**"
    }

    /// The position of the node's operator (binary, unary: the operator's first character;
    /// method: the method name's first character) or of its first character (name, number).
    public var position: Int {
        switch self {
        case .name(_, let position),
             .number(_, let position),
             .unary(_, _, let position),
             .binary(_, _, _, let position),
             .method(_, _, let position):
            return position
        }
    }
}

extension ExpressionSyntax: CustomStringConvertible {
    /// The expression fully parenthesised: every unary and binary node is wrapped in parentheses,
    /// binary operators are surrounded by single spaces, and method calls follow their operand.
    ///
    /// For example `-A**2` is `(-(A ** 2))` and `(A*B).normalized()` is `(A * B).normalized()`.
    /// Parsing a description gives back the same tree, apart from positions.
    public var description: String {
        switch self {
        case .name(let name, _):
            return name
        case .number(let value, _):
            return value.description
        case .unary(let op, let operand, _):
            return "(\(op.rawValue)\(operand))"
        case .binary(let op, let left, let right, _):
            return "(\(left) \(op.rawValue) \(right))"
        case .method(let operand, let method, _):
            return "\(operand).\(method.rawValue)()"
        }
    }
}
