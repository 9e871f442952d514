/// A linear synaptic filter applied to a connection's (or probe's) signal.
///
/// A synapse is described in continuous or discrete time by its concrete type; the simulator
/// only needs its discrete state-space form at the simulation step ``discretized(dt:)``.
/// Every element of a filtered signal is filtered independently by the same filter.
public protocol Synapse: Sendable, CustomStringConvertible {
    /// The discrete filter for a time step of `dt` seconds.
    func discretized(dt: Double) throws(BrainKitError) -> DiscreteFilter
}

/// A single-input single-output discrete linear filter in state-space form, with `s` states:
/// `a` is s x s, `b` and `c` have s values, `d` is the feed-through.
///
/// Step semantics (input u_k at step k, as Nengo defines them):
/// - no states: `y_k = d * u_k`;
/// - `d == 0` (Lowpass, Alpha, ...): `X_k = a X_{k-1} + b u_k`, `y_k = c · X_k` (the output
///   includes the current input);
/// - otherwise: `y_k = c · X_{k-1} + d u_k`, then `X_k = a X_{k-1} + b u_k`.
public struct DiscreteFilter: Sendable, Equatable {
    /// The state transition matrix, s × s.
    public var a: Matrix
    /// The input vector, s values.
    public var b: [Double]
    /// The output vector, s values.
    public var c: [Double]
    /// The feed-through from input to output.
    public var d: Double

    /// A filter from its matrices; the sizes must agree (a precondition).
    public init(a: Matrix, b: [Double], c: [Double], d: Double) {
        precondition(a.rows == a.columns && b.count == a.rows && c.count == a.rows, "DiscreteFilter: inconsistent sizes")
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// The number of states per filtered element.
    public var stateCount: Int { a.rows }

    /// True when the output includes the current input through the states (`d == 0`, at
    /// least one state): the "advanced" form above.
    public var isAdvancedForm: Bool { d == 0 && stateCount > 0 }
}
