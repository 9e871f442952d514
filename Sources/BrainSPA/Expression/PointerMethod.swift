/// A method that can be called on a semantic pointer in an expression, written `x.name()`.
///
/// Methods take no arguments. The raw value is the name as written in the expression.
public enum PointerMethod: String, CaseIterable, Sendable {
    case normalized
    case unitary
    case linv
    case rinv
    case abs
    case copy
}
