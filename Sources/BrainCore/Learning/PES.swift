/// Prescribed Error Sensitivity: learns a decoded connection's weights from an error signal
/// (actual − target), by `ΔW = −(κ·dt / n) · e ⊗ a`, where `a` is the pre neurons' activity
/// filtered by `preSynapse` (no extra delay), `n` the number of pre neurons and `κ` the
/// learning rate. The error has the connection's output size.
///
/// BrainKit applies PES to decoded connections from a neural ensemble (the weights are
/// `transform · decodersᵀ`, so the transform is learned along).
public struct PES: LearningRuleType {
    /// κ, the learning rate (Nengo's default 1e-4).
    public let learningRate: Double
    /// The filter on the pre activities, or nil for none (Nengo: `Lowpass(0.005)`).
    public let preSynapse: (any Synapse)?

    /// - Throws: ``BrainKitError`` when `learningRate` is negative or not finite.
    public init(learningRate: Double = 1e-4, preSynapse: (any Synapse)? = Lowpass.nengoDefault) throws(BrainKitError) {
        try Check.atLeast(learningRate, 0, "PES", "learningRate")
        try Check.finite([learningRate], "PES", "learningRate")
        self.learningRate = learningRate
        self.preSynapse = preSynapse
    }

    public func errorSize(for connection: Connection) -> Int {
        connection.sizeOut
    }

    public func validate(_ connection: Connection) throws(BrainKitError) {
        guard connection.isDecoded else {
            throw .validation(
                connection.name, "learningRule",
                "PES needs a decoded connection from a neural ensemble (pre is \(connection.pre.name))")
        }
        guard !connection.solver.weights else {
            throw .validation(connection.name, "learningRule", "PES learns decoders; it cannot use a weight solver")
        }
    }

    public var description: String {
        "PES(learningRate: \(learningRate)\(preSynapse.map { ", preSynapse: \($0)" } ?? ", preSynapse: nil"))"
    }
}
