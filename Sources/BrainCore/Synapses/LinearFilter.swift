/// A general linear filter given by its transfer function
/// `H(s) = num(s) / den(s) = (n₀ sᵖ + … + n_p) / (d₀ s^q + … + d_q)` (coefficients in
/// descending powers of s), or of z when `analog` is false.
///
/// The transfer function is normalised (leading zeros dropped, divided by the leading
/// denominator coefficient), realised in controllable canonical form (tf2ss) and, when analog,
/// discretised for the step `dt` by `method` (zero-order hold by default). A filter whose
/// denominator has degree 0 has no state: `y = (n₀/d₀) u`.
///
/// ```swift
/// let lowpass = try LinearFilter(numerator: [1], denominator: [0.005, 1])   // 1 / (τs + 1)
/// let integrator = try LinearFilter(numerator: [1], denominator: [1, 0], method: .euler)
/// ```
public struct LinearFilter: Synapse, Equatable {
    /// Numerator coefficients, descending powers, as given.
    public let numerator: [Double]
    /// Denominator coefficients, descending powers, as given.
    public let denominator: [Double]
    /// True when `numerator / denominator` is a function of s (continuous time); false when
    /// it is already a discrete transfer function in z, used as is for any `dt`.
    public let analog: Bool
    /// How an analog filter is discretised.
    public let method: DiscretizationMethod

    /// The normalised transfer function: leading zeros dropped, `normalizedDenominator[0] == 1`.
    let normalizedNumerator: [Double]
    let normalizedDenominator: [Double]

    /// - Throws: ``BrainKitError`` (.validation) when a coefficient list is empty or not
    ///   finite, the denominator is all zeros, the numerator has a higher degree than the
    ///   denominator (an improper transfer function), or a generalised bilinear weight is
    ///   outside [0, 1].
    public init(
        numerator: [Double], denominator: [Double], analog: Bool = true,
        method: DiscretizationMethod = .zeroOrderHold
    ) throws(BrainKitError) {
        let object = "LinearFilter"
        guard !numerator.isEmpty else { throw .validation(object, "numerator", "must have at least one coefficient") }
        guard !denominator.isEmpty else {
            throw .validation(object, "denominator", "must have at least one coefficient")
        }
        try Check.finite(numerator, object, "numerator")
        try Check.finite(denominator, object, "denominator")
        if case .generalizedBilinear(let alpha) = method {
            guard alpha >= 0, alpha <= 1 else {
                throw .validation(object, "method", "alpha must be in [0, 1], got \(alpha)")
            }
        }
        guard let lead = denominator.firstIndex(where: { $0 != 0 }) else {
            throw .validation(object, "denominator", "must have a nonzero coefficient")
        }
        let den = Array(denominator[lead...])
        let num = Array(numerator.drop(while: { $0 == 0 }))
        guard num.count <= den.count else {
            throw .validation(
                object, "numerator",
                "has degree \(num.count - 1), higher than the denominator's \(den.count - 1)"
                    + " (improper transfer function)")
        }
        let scale = den[0]
        self.numerator = numerator
        self.denominator = denominator
        self.analog = analog
        self.method = method
        self.normalizedNumerator = num.isEmpty ? [0] : num.map { $0 / scale }
        self.normalizedDenominator = den.map { $0 / scale }
    }

    /// The number of states: the degree of the (normalised) denominator.
    public var stateCount: Int { normalizedDenominator.count - 1 }

    /// The controllable canonical realisation of the normalised transfer function (continuous
    /// when `analog`).
    var stateSpace: StateSpace {
        StateSpace(numerator: normalizedNumerator, denominator: normalizedDenominator)
    }

    /// The discrete filter for a step of `dt` seconds (ignored when not `analog`).
    /// - Throws: ``BrainKitError`` (.validation) when `dt` is not > 0; (.linearAlgebra) when the
    ///   discretisation is singular (a generalised bilinear transform with `I − α dt A`
    ///   singular) or overflows.
    public func discretized(dt: Double) throws(BrainKitError) -> DiscreteFilter {
        try Check.greaterThan(dt, 0, "LinearFilter", "dt")
        guard analog else { return stateSpace.discreteFilter }
        guard let discrete = stateSpace.discretized(dt: dt, method: method),
            discrete.a.values.allSatisfy(\.isFinite), discrete.b.allSatisfy(\.isFinite),
            discrete.c.allSatisfy(\.isFinite), discrete.d.isFinite
        else {
            throw BrainKitError(
                .linearAlgebra, object: "LinearFilter",
                message: "cannot discretise \(self) with dt = \(dt) (singular or non-finite result)")
        }
        return discrete.discreteFilter
    }

    public var description: String {
        let kind = analog ? "method: \(method)" : "analog: false"
        return "LinearFilter(numerator: \(numerator), denominator: \(denominator), \(kind))"
    }
}
