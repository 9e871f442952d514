/// An expression as parsed, before names are resolved: the syntax tree of Brian's expression
/// language (Python's arithmetic, comparisons and `and`/`or`/`not`), each node with the
/// byte range of its source text.
struct ExpressionSyntax: Sendable {
    indirect enum Kind: Sendable {
        case number(Double)
        case boolean(Bool)
        case identifier(String)
        case unary(UnaryOperator, ExpressionSyntax)
        case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        case call(String, [ExpressionSyntax])
    }

    let kind: Kind
    /// Byte offsets into the source text.
    let range: Range<Int>
    /// The number of nodes on the longest path from here to a leaf (1 for a leaf).
    let depth: Int

    init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
        switch kind {
        case .number, .boolean, .identifier: depth = 1
        case .unary(_, let operand): depth = operand.depth + 1
        case .binary(_, let left, let right): depth = max(left.depth, right.depth) + 1
        case .call(_, let arguments): depth = (arguments.map(\.depth).max() ?? 0) + 1
        }
    }

    /// The deepest expression accepted, so that the recursive passes over it (resolving,
    /// compiling) stay far from the stack's limit.
    static let maximumDepth = 256
}

enum UnaryOperator: String, Sendable {
    case plus = "+"
    case minus = "-"
    case not = "not "
}

enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "**"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and = "and"
    case or = "or"

    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    var isLogical: Bool { self == .and || self == .or }
}

/// Number formatting shared by messages and descriptions.
enum ExpressionFormatting {
    /// `2` for integers, else Swift's shortest round-tripping form (`0.0805`, `1e-09`).
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return "\(value)"
    }
}
