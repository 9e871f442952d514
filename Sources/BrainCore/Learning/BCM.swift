/// The Bienenstock–Cooper–Munro rule: changes neuron-to-neuron weights by
/// `ΔW = κ·dt · (b ⊙ (b − θ)) ⊗ a`, where `a` and `b` are the pre and post neuron activities
/// filtered by `preSynapse` and `postSynapse`, and `θ`, the modification threshold, is the post
/// activity filtered by `thetaSynapse` (all filters without extra delay). `κ` is the learning
/// rate. The rule takes no error signal.
///
/// It applies to connections whose weights drive neurons: `.neurons` to `.neurons` with a dense
/// transform, or ensemble to ensemble with a weight solver.
public struct BCM: LearningRuleType {
    /// κ, the learning rate (Nengo's default 1e-9).
    public let learningRate: Double
    /// The filter on the pre activities, or nil for none (Nengo: `Lowpass(0.005)`).
    public let preSynapse: (any Synapse)?
    /// The filter on the post activities, or nil for none (Nengo: the pre synapse).
    public let postSynapse: (any Synapse)?
    /// The filter giving θ from the post activities, or nil for none (Nengo: `Lowpass(1.0)`).
    public let thetaSynapse: (any Synapse)?

    /// `Lowpass(1.0)`, Nengo's θ filter (a valid constant: the `try?` never fails).
    public static let defaultThetaSynapse: (any Synapse)? = Lowpass(validatedTau: 1.0)

    /// A BCM rule whose post synapse is the pre synapse (Nengo's default).
    /// - Throws: ``BrainKitError`` when `learningRate` is negative or not finite.
    public init(
        learningRate: Double = 1e-9, preSynapse: (any Synapse)? = Lowpass.nengoDefault,
        thetaSynapse: (any Synapse)? = BCM.defaultThetaSynapse
    ) throws(BrainKitError) {
        try self.init(
            learningRate: learningRate, preSynapse: preSynapse, postSynapse: preSynapse, thetaSynapse: thetaSynapse)
    }

    /// A BCM rule with its own post synapse.
    /// - Throws: ``BrainKitError`` when `learningRate` is negative or not finite.
    public init(
        learningRate: Double = 1e-9, preSynapse: (any Synapse)? = Lowpass.nengoDefault, postSynapse: (any Synapse)?,
        thetaSynapse: (any Synapse)? = BCM.defaultThetaSynapse
    ) throws(BrainKitError) {
        try Check.nonNegativeFinite(learningRate, "BCM", "learningRate")
        try Check.floatFinite([learningRate], "BCM", "learningRate")
        self.learningRate = learningRate
        self.preSynapse = preSynapse
        self.postSynapse = postSynapse
        self.thetaSynapse = thetaSynapse
    }

    public func errorSize(for connection: Connection) -> Int { 0 }

    public func validate(_ connection: Connection) throws(BrainKitError) {
        try connection.requireNeuronToNeuronWeights(for: self)
    }

    public var description: String {
        "BCM(learningRate: \(learningRate), preSynapse: \(synapseName(preSynapse)), "
            + "postSynapse: \(synapseName(postSynapse)), thetaSynapse: \(synapseName(thetaSynapse)))"
    }
}

/// A rule's synapse as written in its description: the synapse, or `nil`.
func synapseName(_ synapse: (any Synapse)?) -> String {
    synapse.map { "\($0)" } ?? "nil"
}
