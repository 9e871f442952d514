/// A triangular finite impulse response filter of duration `t` seconds.
///
/// With `N = round(t/dt) + 1` taps (rounding half to even) and weights
/// `w_i = (N − i) / (N(N+1)/2)`, i = 0 … N−1 (they sum to 1), the output is
/// `y_k = Σ w_i u_{k−i}`. For t = 0.005 s and dt = 0.001 s: N = 6, w = [6, 5, 4, 3, 2, 1]/21.
///
/// As a ``DiscreteFilter`` it is a shift register of the N − 1 previous inputs
/// (`X_{k−1} = [u_{k−1}, …, u_{k−N+1}]`, `a` the down-shift, `b = e₁`), with `c = w[1...]` and
/// `d = w₀`, so the general form `y_k = c·X_{k−1} + d·u_k` applies.
public struct Triangle: Synapse, Equatable {
    /// The duration in seconds (≥ 0).
    public let t: Double

    /// - Parameter t: the duration of the impulse response in seconds.
    /// - Throws: ``BrainKitError`` (.validation) when `t` is negative or not finite.
    public init(_ t: Double) throws(BrainKitError) {
        try Check.nonNegativeFinite(t, "Triangle", "t")
        self.t = t
    }

    /// The number of taps N for a step of `dt` seconds.
    /// - Throws: ``BrainKitError`` (.validation) when `dt` is not > 0 or N would not fit an Int.
    public func tapCount(dt: Double) throws(BrainKitError) -> Int {
        try Check.greaterThan(dt, 0, "Triangle", "dt")
        let taps = (t / dt).rounded(.toNearestOrEven) + 1
        guard taps < Double(Int32.max) else {
            throw .validation("Triangle", "t", "gives too many taps (\(taps)) for dt = \(dt)")
        }
        return Int(taps)
    }

    /// The tap weights `w_i = (N − i) / (N(N+1)/2)` for a step of `dt` seconds.
    public func weights(dt: Double) throws(BrainKitError) -> [Double] {
        let n = try tapCount(dt: dt)
        let total = Double(n * (n + 1) / 2)
        return (0..<n).map { Double(n - $0) / total }
    }

    public func discretized(dt: Double) throws(BrainKitError) -> DiscreteFilter {
        let w = try weights(dt: dt)
        let states = w.count - 1
        var shift = Matrix(rows: states, columns: states)
        for i in 1..<max(states, 1) { shift[i, i - 1] = 1 }
        return DiscreteFilter(
            a: shift, b: (0..<states).map { $0 == 0 ? 1 : 0 }, c: Array(w.dropFirst()), d: w[0])
    }

    public var description: String { "Triangle(\(t))" }
}
