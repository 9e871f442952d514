/// The first-order lowpass filter `H(s) = 1 / (τs + 1)`, Nengo's default synapse.
///
/// Discretised by zero-order hold with `a = e^(−dt/τ)`, its step is
/// `y_k = a·y_{k−1} + (1 − a)·u_k`; the unit step response is `1 − a^k`. For τ = 0.005 s and
/// dt = 0.001 s, a = 0.8187307530779818. `Lowpass(0)` has no state: `y_k = u_k`.
public struct Lowpass: Synapse, Equatable {
    /// The time constant τ in seconds (≥ 0).
    public let tau: Double

    /// - Parameter tau: the time constant in seconds.
    /// - Throws: ``BrainKitError`` (.validation) when `tau` is negative or not finite,
    ///   e.g. "Lowpass: tau must be >= 0, got -1".
    public init(_ tau: Double) throws(BrainKitError) {
        try Check.nonNegativeFinite(tau, "Lowpass", "tau")
        self.tau = tau
    }

    /// Nengo's default connection synapse, `Lowpass(0.005)`.
    public static let nengoDefault = Lowpass(validatedTau: 0.005)

    /// A lowpass with a time constant known to be valid (a library constant).
    /// - Precondition: `validatedTau` is finite and >= 0.
    package init(validatedTau: Double) {
        precondition(validatedTau >= 0 && validatedTau.isFinite, "Lowpass: invalid constant \(validatedTau)")
        self.tau = validatedTau
    }

    /// The transfer function as a general linear filter.
    public func linearFilter() throws(BrainKitError) -> LinearFilter {
        try LinearFilter(numerator: [1], denominator: [tau, 1])
    }

    public func discretized(dt: Double) throws(BrainKitError) -> DiscreteFilter {
        try Check.greaterThan(dt, 0, "Lowpass", "dt")
        return try linearFilter().discretized(dt: dt)
    }

    public var description: String { "Lowpass(\(tau))" }
}
