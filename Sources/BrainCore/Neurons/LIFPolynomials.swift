/// Polynomial `expm1` and `log1p` for the LIF group step (``LIFStep``): the partial-step
/// factor `expm1(x)` with `x = -Δ / tauRC` in `[-dt / tauRC, 0]`, and the spike-time term
/// `log1p(-(v - 1) / (J - 1))`. A spike in a step of `Δ <= dt` from `v <= 1` has
/// `-(v - 1) / (J - 1)` in `[expm1(-dt / tauRC), 0]`, so one bound on `dt / tauRC` fixes
/// both ranges. Truncation errors are below 0.25 ulp of `Float`; evaluation adds about 1 ulp.
enum LIFPolynomials {
    /// The range of `dt / tauRC` a set of polynomials covers.
    enum Range {
        /// `dt / tauRC <= 0.1` (the usual case: `tauRC = 20 ms`, `dt = 1 ms` gives 0.05).
        case short
        /// `dt / tauRC <= 0.5`.
        case long

        /// The polynomials that cover `stepOverTau = dt / tauRC`, or nil beyond 0.5.
        init?(stepOverTau: Double) {
            if stepOverTau <= 0.1 {
                self = .short
            } else if stepOverTau <= 0.5 {
                self = .long
            } else {
                return nil
            }
        }
    }

    /// `e^x - 1` = `x + x² (1/2! + x/3! + ...)`, the Taylor series to `x⁵/5!` (short range,
    /// truncation below 1.4e-8 relative) or `x⁸/8!` (long, below 2e-8), in Estrin's form.
    @inline(__always)
    static func expm1(_ x: LIFStep.Group, _ range: Range) -> LIFStep.Group {
        let x2 = x * x
        let low: LIFStep.Group = x * (1 / 6) + 0.5
        let high: LIFStep.Group = x * (1 / 120) + 1 / 24
        var p = low + x2 * high
        if range == .long {
            let x4 = x2 * x2
            let q0: LIFStep.Group = x * (1 / 5040) + 1 / 720
            let q1: LIFStep.Group = q0 + x2 * (1 / 40320)
            p += x4 * q1
        }
        return x + x2 * p
    }

    /// `log1p(y)` for `y = -a / b`, as `2 atanh(s)` with `s = y / (2 + y) = -a / (2b - a)`:
    /// `2 (s + s³/3 + s⁵/5)` (short range, `|s| <= 0.05`, truncation below 3e-9 relative) or
    /// up to `s¹¹/11` (long, `|s| <= 0.25`, below 4e-9).
    @inline(__always)
    static func log1pOfNegativeRatio(_ a: LIFStep.Group, _ b: LIFStep.Group, _ range: Range) -> LIFStep.Group {
        let s = -a / (b + b - a)
        let s2 = s * s
        var p: LIFStep.Group = s2 * (1 / 5) + 1 / 3
        if range == .long {
            let s4 = s2 * s2
            let r0: LIFStep.Group = s2 * (1 / 9) + 1 / 7
            let r1: LIFStep.Group = r0 + s4 * (1 / 11)
            p += s4 * r1
        }
        let twoS = s + s
        return twoS + twoS * (s2 * p)
    }
}
