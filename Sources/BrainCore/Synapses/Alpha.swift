/// The alpha filter `H(s) = 1 / (τs + 1)²`: the impulse response `(t/τ²) e^(−t/τ)` rises and
/// peaks at t = τ.
///
/// Discretised by zero-order hold, with `a = e^(−dt/τ)` and `r = dt/τ`, its step is
/// `y_k = 2a·y_{k−1} − a²·y_{k−2} + c₀·u_k + c₁·u_{k−1}` with `c₀ = 1 − a − r·a` and
/// `c₁ = a² − a + r·a`. `Alpha(0)` has no state: `y_k = u_k`.
public struct Alpha: Synapse, Equatable {
    /// The time constant τ in seconds (≥ 0).
    public let tau: Double

    /// - Parameter tau: the time constant in seconds.
    /// - Throws: ``BrainKitError`` (.validation) when `tau` is negative or not finite.
    public init(_ tau: Double) throws(BrainKitError) {
        try Check.nonNegativeFinite(tau, "Alpha", "tau")
        self.tau = tau
    }

    /// The transfer function as a general linear filter.
    public func linearFilter() throws(BrainKitError) -> LinearFilter {
        try LinearFilter(numerator: [1], denominator: [tau * tau, 2 * tau, 1])
    }

    public func discretized(dt: Double) throws(BrainKitError) -> DiscreteFilter {
        try Check.greaterThan(dt, 0, "Alpha", "dt")
        return try linearFilter().discretized(dt: dt)
    }

    public var description: String { "Alpha(\(tau))" }
}
