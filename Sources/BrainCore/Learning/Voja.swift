/// Vector Oja: moves the post ensemble's encoders toward the inputs that make its neurons
/// fire, `ΔE = κ·dt·L · (s ⊙ b ⊗ x − b[:, None] ⊙ E)`, where `E` are the post's scaled
/// encoders (gain/radius folded in), `s = gain / radius` per neuron, `b` the post activities
/// filtered by `postSynapse` (no extra delay), `x` the post ensemble's whole decoded input this
/// step, `κ` the learning rate and `L` the learning signal.
///
/// `L` (size 1) is reset to 1 every step and connections into ``Connection/learningRule`` add
/// to it, so feeding −1 switches learning off. The rule applies to connections into an
/// ensemble (not its neurons) that use the post encoders (no weight solver); the pre can be
/// anything.
public struct Voja: LearningRuleType {
    /// κ, the learning rate (Nengo's default 1e-2).
    public let learningRate: Double
    /// The filter on the post activities, or nil for none (Nengo: `Lowpass(0.005)`).
    public let postSynapse: (any Synapse)?

    /// - Throws: ``BrainKitError`` when `learningRate` is negative or not finite.
    public init(learningRate: Double = 1e-2, postSynapse: (any Synapse)? = Lowpass.nengoDefault) throws(BrainKitError) {
        try Check.nonNegativeFinite(learningRate, "Voja", "learningRate")
        try Check.floatFinite([learningRate], "Voja", "learningRate")
        self.learningRate = learningRate
        self.postSynapse = postSynapse
    }

    public func errorSize(for connection: Connection) -> Int { 1 }

    public func validate(_ connection: Connection) throws(BrainKitError) {
        guard let post = connection.post.ensemble else {
            let got = connection.post.neuronsEnsemble != nil ? "Neurons" : connection.post.name
            throw .validation(
                connection.name, "learningRule", "'post' must be an Ensemble (got \(got)) for learning rule \(self)")
        }
        guard !post.neuronType.isDirect else {
            throw .validation(
                connection.name, "learningRule",
                "'post' must be a neural ensemble for learning rule \(self): a Direct ensemble has no encoders")
        }
        guard !connection.solver.weights else {
            throw .validation(
                connection.name, "learningRule",
                "learning rule \(self) cannot learn encoders on a connection with a weight solver, which does not use "
                    + "the post encoders")
        }
    }

    public var description: String {
        "Voja(learningRate: \(learningRate), postSynapse: \(synapseName(postSynapse)))"
    }
}
