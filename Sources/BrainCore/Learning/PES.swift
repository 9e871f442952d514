/// Prescribed Error Sensitivity: learns a connection's weights from an error signal
/// (actual − target), by `ΔW = −(κ·dt / n) · e_local ⊗ a`, where `a` is the pre neurons'
/// activity filtered by `preSynapse` (no extra delay), `n` the number of pre neurons and `κ`
/// the learning rate.
///
/// - On a decoded connection into an ensemble or node, the weights are `transform · decodersᵀ`
///   and `e_local` is the error itself (the connection's output size).
/// - On a connection whose weights drive neurons (post `.neurons`, or a weight solver),
///   `e_local = E · e` with `E` the post's scaled encoders (the selected neurons' rows, or the
///   post slice's columns for a weight solver); the error has the post ensemble's dimensions
///   (post `.neurons`) or the connection's output size (weight solver).
/// - From `.neurons` with a dense transform, the transform is learned.
public struct PES: LearningRuleType {
    /// κ, the learning rate (Nengo's default 1e-4).
    public let learningRate: Double
    /// The filter on the pre activities, or nil for none (Nengo: `Lowpass(0.005)`).
    public let preSynapse: (any Synapse)?

    /// - Throws: ``BrainKitError`` when `learningRate` is negative or not finite.
    public init(learningRate: Double = 1e-4, preSynapse: (any Synapse)? = Lowpass.nengoDefault) throws(BrainKitError) {
        try Check.nonNegativeFinite(learningRate, "PES", "learningRate")
        try Check.floatFinite([learningRate], "PES", "learningRate")
        self.learningRate = learningRate
        self.preSynapse = preSynapse
    }

    public func errorSize(for connection: Connection) -> Int {
        if let post = connection.post.neuronsEnsemble { return post.dimensions }
        return connection.sizeOut
    }

    public func validate(_ connection: Connection) throws(BrainKitError) {
        try connection.requireNeuralPre(for: self)
        try connection.requireWeights(for: self)
    }

    public var description: String {
        "PES(learningRate: \(learningRate)\(preSynapse.map { ", preSynapse: \($0)" } ?? ", preSynapse: nil"))"
    }
}
