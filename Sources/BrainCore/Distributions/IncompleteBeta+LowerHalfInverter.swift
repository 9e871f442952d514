import Foundation

extension IncompleteBeta {
    /// Solves `I_u(a, b) = p` for `u` in (0, 1/2], given that `I_{1/2}(a, b) ≥ p`: one half of an
    /// ``Inverter`` (the other half is the lower half of the mirrored shape `(b, a)`).
    ///
    /// **Method.** Halley's method on `F(T) = L(I_u) − L(p)` as a function of `T = ln u`, where
    /// `L(y) = ln(y / (1 − y))` is the logit. `F` is nearly linear in the lower tail
    /// (`L ≈ a T + const` as `u → 0`), and it is computed from ratios, `ln((I/p)·(q/(1 − I)))`
    /// with `q = 1 − p`, so it keeps its accuracy however small `p` or `q` is. Its slope
    /// `s = F' = u I'(u) / (I (1 − I))` and relative curvature
    /// `c = F''/F' = a − (b − 1) u/(1 − u) − s (1 − 2I)` are by-products of evaluating `I`.
    /// The step is `ΔT = N / (1 + N c/2)` with the Newton step `N = −F/s`, or `N` itself when
    /// `1 + N c/2 ≤ 1/2`. Iteration starts from ``StartingValues`` and ends with the step for
    /// which `|ΔT| · max(1, |c|) < 1e-6`: Halley's error after it is of order
    /// `max(1, c²) |ΔT|³ < 1e-18`, far below rounding. A step that leaves the bracket known to
    /// hold the root is replaced by bisection (geometric while the bracket is wide).
    struct LowerHalfInverter: Sendable {
        private let a: Double
        private let b: Double
        private let logBeta: Double
        private let start: StartingValues

        /// Prepares the solver for `I_u(a, b)`, given `logBeta = ln B(a, b)`.
        init(_ a: Double, _ b: Double, logBeta: Double) {
            self.a = a
            self.b = b
            self.logBeta = logBeta
            start = StartingValues(a, b, logBeta: logBeta)
        }

        /// The `u` in [0, 1/2] with `I_u(a, b) = p`, where `q = 1 − p`.
        func solve(_ p: Double, _ q: Double) -> Double {
            var u = min(start.value(p, q), 0.5)
            // Below the normal range the start is the tail formula, whose O(u) error is lost
            // in the rounding (0 when the root underflows).
            if u >= 0 && u < .leastNormalMagnitude { return u }
            if !(u > 0) { u = 0.25 }
            var low = 0.0
            var high = 0.5
            var iteration = 0
            while iteration < 200 {
                iteration += 1
                let (value, complement, powers) = IncompleteBeta.evaluate(a, b, u, logBeta: logBeta)
                let f = log((value / p) * (q / complement))
                if f == 0 { return u }
                if f < 0 { low = u } else { high = u }
                let slope = powers / ((1 - u) * value * complement)
                let curvature = a - (b - 1) * u / (1 - u) - slope * (complement - value)
                let newton = -f / slope
                let halley = 1 + 0.5 * newton * curvature
                let step = halley > 0.5 ? newton / halley : newton
                var next = u * exp(step)
                if abs(step) * max(1, abs(curvature)) < 1e-6 { return next }
                if !(next > low && next < high) {
                    if next == 0 && low == 0 { return 0 }
                    if low == 0 {
                        next = high / 1024
                    } else {
                        next = high / low > 4 ? (low * high).squareRoot() : 0.5 * (low + high)
                    }
                }
                if next == u { return u }
                u = next
            }
            return u
        }
    }
}
