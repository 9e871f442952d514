/// A method that can be called on a semantic pointer in an expression, written `x.name()`.
///
/// Methods take no arguments. The raw value is the name as written in the expression.
public enum PointerMethod: String, CaseIterable, Sendable {
    /// Scaled to unit length.
    case normalized
    /// Made unitary in the algebra (binding with it keeps lengths).
    case unitary
    /// The left inverse.
    case linv
    /// The right inverse.
    case rinv
    /// The absolute value in the algebra.
    case abs
    /// The same pointer.
    case copy
}
