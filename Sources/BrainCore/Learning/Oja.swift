/// Oja's rule: Hebbian learning with a forgetting term that keeps the weights bounded,
/// `ΔW = κ·dt · (b ⊗ a − β · W ⊙ (b²)[:, None])`, where `a` and `b` are the pre and post
/// neuron activities filtered by `preSynapse` and `postSynapse` (no extra delay), `W` the
/// current weights, `κ` the learning rate and `β` the forgetting factor. The rule takes no error
/// signal.
///
/// It applies to connections whose weights drive neurons: `.neurons` to `.neurons` with a dense
/// transform, or ensemble to ensemble with a weight solver.
public struct Oja: LearningRuleType {
    /// κ, the learning rate (Nengo's default 1e-6).
    public let learningRate: Double
    /// The filter on the pre activities, or nil for none (Nengo: `Lowpass(0.005)`).
    public let preSynapse: (any Synapse)?
    /// The filter on the post activities, or nil for none (Nengo: the pre synapse).
    public let postSynapse: (any Synapse)?
    /// β, the weight of the forgetting term (Nengo's default 1).
    public let beta: Double

    /// An Oja rule whose post synapse is the pre synapse (Nengo's default).
    /// - Throws: ``BrainKitError`` when `learningRate` or `beta` is negative or not finite.
    public init(
        learningRate: Double = 1e-6, preSynapse: (any Synapse)? = Lowpass.nengoDefault, beta: Double = 1.0
    ) throws(BrainKitError) {
        try self.init(learningRate: learningRate, preSynapse: preSynapse, postSynapse: preSynapse, beta: beta)
    }

    /// An Oja rule with its own post synapse.
    /// - Throws: ``BrainKitError`` when `learningRate` or `beta` is negative or not finite.
    public init(
        learningRate: Double = 1e-6, preSynapse: (any Synapse)? = Lowpass.nengoDefault, postSynapse: (any Synapse)?,
        beta: Double = 1.0
    ) throws(BrainKitError) {
        try Check.nonNegativeFinite(learningRate, "Oja", "learningRate")
        try Check.floatFinite([learningRate], "Oja", "learningRate")
        try Check.nonNegativeFinite(beta, "Oja", "beta")
        self.learningRate = learningRate
        self.preSynapse = preSynapse
        self.postSynapse = postSynapse
        self.beta = beta
    }

    public func errorSize(for connection: Connection) -> Int { 0 }

    public func validate(_ connection: Connection) throws(BrainKitError) {
        try connection.requireNeuronToNeuronWeights(for: self)
    }

    public var description: String {
        "Oja(learningRate: \(learningRate), preSynapse: \(synapseName(preSynapse)), "
            + "postSynapse: \(synapseName(postSynapse)), beta: \(beta))"
    }
}
