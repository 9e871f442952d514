import BrainCore

/// A scalar-valued expression: constants, scalar module outputs, dot products and their
/// linear combinations. Used as action utilities and routed into scalar inputs.
///
/// A dot product with a fixed pointer or symbol is a 1×D transform (no neurons); the dot
/// product of two module outputs makes a ``Compare`` module, and the product of two dynamic
/// scalars a ``ScalarProduct``.
public struct ScalarExpression: ScalarExpressible {
    indirect enum Term {
        case constant(Double)
        case output(ScalarOutput)
        case dot(PointerExpression.Term, PointerExpression.Term)
        case scaled(Term, Double)
        case sum(Term, Term)
        case product(Term, Term)
    }

    let term: Term

    init(_ term: Term) { self.term = term }

    /// This expression itself.
    public var scalarExpression: ScalarExpression { self }

    /// A constant.
    public init(_ value: Double) { term = .constant(value) }
}

/// Anything that can stand for a number in an expression.
public protocol ScalarExpressible {
    /// The expression this value stands for.
    var scalarExpression: ScalarExpression { get }
}

extension ScalarOutput: ScalarExpressible {
    /// The port's value, unfiltered.
    public var scalarExpression: ScalarExpression { ScalarExpression(.output(self)) }
}

/// Something scalar routes can end at.
public protocol ScalarSink {
    /// The input scalar routes to this sink end at.
    var scalarInput: ScalarInput { get }
}

extension ScalarInput: ScalarSink {
    /// This input itself.
    public var scalarInput: ScalarInput { self }
}

/// The dot product of two pointer expressions.
public func dot(_ a: some PointerExpressible, _ b: some PointerExpressible) -> ScalarExpression {
    ScalarExpression(.dot(a.pointerExpression.term, b.pointerExpression.term))
}
