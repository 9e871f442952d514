import Foundation

/// The arithmetic of the expression language in `Double`, shared by constant folding and the
/// compiled tape, so both agree to the bit. Conditions are `1` (true) and `0` (false).
enum ExpressionMath {
    @inline(__always)
    static func apply(_ op: UnaryOperator, _ x: Double) -> Double {
        switch op {
        case .plus: return x
        case .minus: return -x
        case .not: return x != 0 ? 0 : 1
        }
    }

    @inline(__always)
    static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power: return power(a, b)
        case .less: return a < b ? 1 : 0
        case .lessEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterEqual: return a >= b ? 1 : 0
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .and: return a != 0 && b != 0 ? 1 : 0
        case .or: return a != 0 || b != 0 ? 1 : 0
        }
    }

    /// `a**b`, with small integer powers as products (exact like Python for `x**2`).
    @inline(__always)
    static func power(_ a: Double, _ b: Double) -> Double {
        if b == 2 { return a * a }
        if b == 3 { return a * a * a }
        if b == 1 { return a }
        if b == -1 { return 1 / a }
        return pow(a, b)
    }

    static func apply(_ function: MathFunction, _ arguments: [Double]) -> Double {
        if function == .clip { return clip(arguments[0], arguments[1], arguments[2]) }
        return apply(function, arguments[0])
    }

    @inline(__always)
    static func clip(_ x: Double, _ low: Double, _ high: Double) -> Double {
        min(max(x, low), high)
    }

    @inline(__always)
    static func apply(_ function: MathFunction, _ x: Double) -> Double {
        switch function {
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .log10: return Foundation.log10(x)
        case .sqrt: return x.squareRoot()
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .sinh: return Foundation.sinh(x)
        case .cosh: return Foundation.cosh(x)
        case .tanh: return Foundation.tanh(x)
        case .arcsin: return Foundation.asin(x)
        case .arccos: return Foundation.acos(x)
        case .arctan: return Foundation.atan(x)
        case .abs: return Swift.abs(x)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .exprel: return x == 0 ? 1 : Foundation.expm1(x) / x
        case .int: return x.rounded(.towardZero)
        case .clip: return x
        }
    }
}
