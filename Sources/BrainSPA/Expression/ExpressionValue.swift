import BrainCore
import Foundation

/// What an expression evaluates to: a number or a semantic pointer (Python's types in
/// nengo_spa's `eval`). A number is a pointer only at the top level, as number·Identity.
enum ExpressionValue {
    case number(Double)
    case pointer(SemanticPointer)
}

/// Evaluates a parsed expression against a vocabulary.
///
/// Numbers follow Python's arithmetic (`/` is true division, `**` a real power); pointers
/// superpose with `+` and `-`, bind with `*`, scale by numbers with `*` and `/`, give a number
/// with `@` (the dot product) and a binding power with `** number`. Names are the
/// vocabulary's keys (added on first use when the vocabulary is not strict) or the special
/// elements `Identity`, `NegativeIdentity`, `Zero` and `AbsorbingElement` of its algebra.
/// Every failure is a `BrainKitError` of kind `.expression` naming the vocabulary, the
/// expression and the position of the operator or name at fault.
struct ExpressionEvaluator {
    let vocabulary: Vocabulary
    let text: String
    /// Added to positions: where `text` starts in the string the user gave (populate).
    let offset: Int

    func fail(_ position: Int, _ message: String) -> BrainKitError {
        vocabulary.expressionError(text, position: position + offset, message)
    }

    func evaluate(_ syntax: ExpressionSyntax) throws(BrainKitError) -> ExpressionValue {
        switch syntax {
        case .number(let value, _):
            return .number(value)
        case .name(let name, let position):
            return .pointer(try resolve(name, position))
        case .unary(let op, let operand, let position):
            return try unary(op, try evaluate(operand), position)
        case .binary(let op, let left, let right, let position):
            return try finite(try binary(op, try evaluate(left), try evaluate(right), position), position)
        case .method(let operand, let method, let position):
            guard case .pointer(let pointer) = try evaluate(operand) else {
                throw fail(position, "\(method.rawValue)() applies to a semantic pointer, not to a number")
            }
            do {
                return .pointer(try pointer.applying(method))
            } catch {
                throw fail(position, error.message)
            }
        }
    }

    /// `value` unless it is a pointer with a value that is not finite (an overflow).
    private func finite(_ value: ExpressionValue, _ position: Int) throws(BrainKitError) -> ExpressionValue {
        if case .pointer(let pointer) = value, !pointer.vector.allSatisfy(\.isFinite) {
            throw fail(position, "the result has values that are not finite (an overflow)")
        }
        return value
    }

    /// The pointer (number·Identity for a number) an expression gives.
    func pointer(_ syntax: ExpressionSyntax) throws(BrainKitError) -> SemanticPointer {
        switch try evaluate(syntax) {
        case .pointer(let pointer): return pointer
        case .number(let value):
            let identity = try special("Identity", syntax.position)
            return identity.derived(identity.vector.map { value * $0 }, SemanticPointer.format(value))
        }
    }

    private func resolve(_ name: String, _ position: Int) throws(BrainKitError) -> SemanticPointer {
        if ["Identity", "NegativeIdentity", "Zero", "AbsorbingElement"].contains(name) {
            return try special(name, position)
        }
        if let pointer = vocabulary[name] { return pointer }
        guard Vocabulary.isValidKey(name) else {
            throw fail(position, "'\(name)' is not a valid key (keys start with a capital letter A-Z and are not reserved)")
        }
        guard !vocabulary.strict else {
            throw fail(position, "'\(name)' is not in this strict vocabulary (keys: \(vocabulary.keyList))")
        }
        do {
            return try vocabulary.pointer(name)
        } catch {
            throw fail(position, error.message)
        }
    }

    private func special(_ name: String, _ position: Int) throws(BrainKitError) -> SemanticPointer {
        let d = vocabulary.dimensions, algebra = vocabulary.algebra
        do {
            let pointer: SemanticPointer
            switch name {
            case "Identity": pointer = try .identity(dimensions: d, algebra: algebra)
            case "NegativeIdentity": pointer = try .negativeIdentity(dimensions: d, algebra: algebra)
            case "Zero": pointer = try .zero(dimensions: d, algebra: algebra)
            default: pointer = try .absorbingElement(dimensions: d, algebra: algebra)
            }
            return try pointer.reinterpreted(as: vocabulary).named(name)
        } catch {
            throw fail(position, "\(name): \(error.message)")
        }
    }

    private func unary(_ op: ExpressionSyntax.UnaryOperator, _ value: ExpressionValue, _ position: Int)
        throws(BrainKitError) -> ExpressionValue
    {
        switch (op, value) {
        case (.negate, .number(let x)): return .number(-x)
        case (.plus, .number(let x)): return .number(x)
        case (.negate, .pointer(let p)): return .pointer(-p)
        case (.plus, .pointer(let p)): return .pointer(p)
        case (.invert, .pointer(let p)):
            do { return .pointer(try ~p) } catch { throw fail(position, error.message) }
        case (.invert, .number):
            throw fail(position, "'~' inverts a semantic pointer, not a number")
        }
    }

    private func binary(
        _ op: ExpressionSyntax.BinaryOperator, _ left: ExpressionValue, _ right: ExpressionValue, _ position: Int
    ) throws(BrainKitError) -> ExpressionValue {
        do throws(BrainKitError) {
            switch (op, left, right) {
            case (_, .number(let a), .number(let b)):
                return .number(try numeric(op, a, b, position))
            case (.add, .pointer(let a), .pointer(let b)): return .pointer(try a + b)
            case (.subtract, .pointer(let a), .pointer(let b)): return .pointer(try a - b)
            case (.multiply, .pointer(let a), .pointer(let b)): return .pointer(try a * b)
            case (.multiply, .pointer(let a), .number(let x)): return .pointer(a * x)
            case (.multiply, .number(let x), .pointer(let a)): return .pointer(x * a)
            case (.divide, .pointer(let a), .number(let x)): return .pointer(try a / x)
            case (.dot, .pointer(let a), .pointer(let b)): return .number(try a.dot(b))
            case (.power, .pointer(let a), .number(let x)): return .pointer(try a.power(x))
            default:
                throw fail(position, "'\(op.rawValue)' cannot combine \(kind(left)) with \(kind(right))")
            }
        } catch where error.kind == .expression {
            throw error
        } catch {
            throw fail(position, error.message)
        }
    }

    private func numeric(_ op: ExpressionSyntax.BinaryOperator, _ a: Double, _ b: Double, _ position: Int)
        throws(BrainKitError) -> Double
    {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            guard b != 0 else { throw fail(position, "division by zero") }
            result = a / b
        case .power:
            guard !(a == 0 && b < 0) else { throw fail(position, "0 cannot be raised to a negative power") }
            result = Foundation.pow(a, b)
            guard !(a < 0 && b != b.rounded()) else {
                throw fail(position, "a negative number to a fractional power is not a real number")
            }
        case .dot: throw fail(position, "'@' needs two semantic pointers, not numbers")
        }
        guard result.isFinite else { throw fail(position, "the result \(result) is not finite") }
        return result
    }

    private func kind(_ value: ExpressionValue) -> String {
        switch value {
        case .number: return "a number"
        case .pointer: return "a semantic pointer"
        }
    }
}

extension SemanticPointer {
    /// The result of a method of the expression language.
    func applying(_ method: PointerMethod) throws(BrainKitError) -> SemanticPointer {
        switch method {
        case .normalized: return normalized()
        case .unitary: return unitary()
        case .linv: return try leftInverse()
        case .rinv: return try rightInverse()
        case .abs: return try absoluteValue()
        case .copy: return self
        }
    }
}
