/// What the build drew and computed for an ensemble (Nengo's `sim.data[ens]`).
public struct BuiltEnsemble: Sendable {
    /// Eval points, already multiplied by the radius (m x d).
    public let evalPoints: Matrix
    /// Unit encoders (n x d); the identity for a Direct ensemble.
    public let encoders: Matrix
    /// Encoders times gain / radius (n x d): `J = bias + scaledEncoders · x`.
    public let scaledEncoders: Matrix
    /// Gains `α`, one per neuron (empty for a Direct ensemble).
    public let gain: [Double]
    /// Biases `β`, one per neuron: `J = α · (e · x) / r + β`.
    public let bias: [Double]
    /// Max rates (Hz) and intercepts, as drawn or as implied by a given gain and bias.
    public let maxRates: [Double]
    /// Intercepts, one per neuron, in units of the radius.
    public let intercepts: [Double]
    /// The neuron state each simulation starts from, per state variable name.
    public let initialState: [String: [Double]]
}

/// What the build computed for a connection (Nengo's `sim.data[conn]`).
public struct BuiltConnection: Sendable {
    /// The eval points the decoders were fit at (nil when the connection has no decoders).
    public let evalPoints: Matrix?
    /// The solved decoders (n x sizeMid), before the transform; nil without decoders.
    public let decoders: Matrix?
    /// The matrix applied to the pre signal each step: `transform · decodersᵀ`
    /// (sizeOut x n) for a decoded connection, the full neuron-to-neuron weights
    /// (nPost x nPre) for a weight solver, else the transform itself; nil for a sparse
    /// transform (see ``sparseWeights``), which is never made dense.
    public let weights: Matrix?
    /// The weights of a connection with a sparse transform.
    public let sparseWeights: SparseMatrix?
    /// The solver's RMS error per decoded dimension (empty without decoders).
    public let solverRMSEs: [Double]
}
