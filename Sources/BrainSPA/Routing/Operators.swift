import BrainCore

// The expression operators. They only build values; see PointerExpression and
// ScalarExpression for what they compile to.

/// Superposition.
public func + (a: some PointerExpressible, b: some PointerExpressible) -> PointerExpression {
    PointerExpression(.sum(a.pointerExpression.term, b.pointerExpression.term))
}

/// `a + (−1)·b`.
public func - (a: some PointerExpressible, b: some PointerExpressible) -> PointerExpression {
    PointerExpression(.sum(a.pointerExpression.term, .scaled(b.pointerExpression.term, -1)))
}

/// Binding in the vocabulary's algebra.
public func * (a: some PointerExpressible, b: some PointerExpressible) -> PointerExpression {
    PointerExpression(.bind(a.pointerExpression.term, b.pointerExpression.term))
}

/// Scaling.
public func * (scale: Double, a: some PointerExpressible) -> PointerExpression {
    PointerExpression(.scaled(a.pointerExpression.term, scale))
}

/// Scaling.
public func * (a: some PointerExpressible, scale: Double) -> PointerExpression {
    PointerExpression(.scaled(a.pointerExpression.term, scale))
}

/// Negation.
public prefix func - (a: some PointerExpressible) -> PointerExpression {
    PointerExpression(.scaled(a.pointerExpression.term, -1))
}

/// The two-sided inverse (the right one in VTB).
public prefix func ~ (a: some PointerExpressible) -> PointerExpression {
    PointerExpression(.inverse(a.pointerExpression.term, .twoSided))
}

/// Scalar sum.
public func + (a: some ScalarExpressible, b: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.sum(a.scalarExpression.term, b.scalarExpression.term))
}

/// Scalar sum with a constant.
public func + (a: some ScalarExpressible, b: Double) -> ScalarExpression {
    ScalarExpression(.sum(a.scalarExpression.term, .constant(b)))
}

/// Scalar sum with a constant.
public func + (a: Double, b: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.sum(.constant(a), b.scalarExpression.term))
}

/// Scalar difference.
public func - (a: some ScalarExpressible, b: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.sum(a.scalarExpression.term, .scaled(b.scalarExpression.term, -1)))
}

/// Scalar difference with a constant.
public func - (a: some ScalarExpressible, b: Double) -> ScalarExpression {
    ScalarExpression(.sum(a.scalarExpression.term, .constant(-b)))
}

/// Scalar difference from a constant.
public func - (a: Double, b: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.sum(.constant(a), .scaled(b.scalarExpression.term, -1)))
}

/// Scalar scaling.
public func * (scale: Double, a: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.scaled(a.scalarExpression.term, scale))
}

/// Scalar scaling.
public func * (a: some ScalarExpressible, scale: Double) -> ScalarExpression {
    ScalarExpression(.scaled(a.scalarExpression.term, scale))
}

/// The product of two scalars (a ``ScalarProduct`` module when both are dynamic).
public func * (a: some ScalarExpressible, b: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.product(a.scalarExpression.term, b.scalarExpression.term))
}

/// Scalar negation.
public prefix func - (a: some ScalarExpressible) -> ScalarExpression {
    ScalarExpression(.scaled(a.scalarExpression.term, -1))
}
