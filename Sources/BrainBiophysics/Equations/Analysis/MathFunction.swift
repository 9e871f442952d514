/// The functions equations may call (Brian's default functions without random numbers).
enum MathFunction: String, Sendable, CaseIterable {
    case exp, log, log10, sqrt, sin, cos, tan, sinh, cosh, tanh, arcsin, arccos, arctan
    case abs, sign, floor, ceil
    /// `clip(x, low, high)`: `x` limited to `[low, high]`.
    case clip
    /// `exprel(x) = (exp(x) - 1) / x`, 1 at `x = 0` (accurate near 0).
    case exprel
    /// `int(x)`: a condition as 0 or 1, or a dimensionless number truncated toward zero.
    case int

    var arity: Int { self == .clip ? 3 : 1 }

    /// Functions whose argument must be dimensionless and whose result is dimensionless.
    var needsDimensionlessArgument: Bool {
        switch self {
        case .exp, .log, .log10, .sin, .cos, .tan, .sinh, .cosh, .tanh, .arcsin, .arccos, .arctan, .exprel: return true
        default: return false
        }
    }
}
