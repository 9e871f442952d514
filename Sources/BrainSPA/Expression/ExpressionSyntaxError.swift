/// A malformed expression: what is wrong and where (0-based offset in Characters of the expression string).
public struct ExpressionSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that failed to parse.
    public let expression: String
    /// The 0-based offset, in `Character`s of ``expression``, of the offending token;
    /// equal to the expression's length when the problem is its premature end.
    public let position: Int
    /// What is wrong, without the position or the expression.
    public let message: String

    /// An error at `position` in `expression`, saying `message`.
    public init(expression: String, position: Int, message: String) {
        self.expression = expression
        self.position = position
        self.message = message
    }

    /// The message with its position and the quoted expression, e.g. `at 4 in "A*(B": expected ')' to close the '(' at 2`.
    public var description: String {
        "at \(position) in \(String(reflecting: expression)): \(message)"
    }
}
