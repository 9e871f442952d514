/// The checks Nengo makes before a rule may learn on a connection, shared by the rules. Each
/// throws a validation error naming the connection and `learningRule`.
extension Connection {
    /// True when the connection's weights drive neurons directly: its post is `.neurons`, or
    /// it uses a weight solver (full neuron-to-neuron weights into the post currents).
    var isToNeurons: Bool {
        post.neuronsEnsemble != nil || solver.weights
    }

    /// The ensemble whose neurons or value the connection feeds, if any.
    var postEnsemble: Ensemble? {
        post.ensemble ?? post.neuronsEnsemble
    }

    /// The rule reads pre neuron activities: `pre` must be a neural ensemble or its neurons.
    func requireNeuralPre(for rule: any LearningRuleType) throws(BrainKitError) {
        let ensemble: Ensemble
        switch pre.object {
        case .ensemble(let e), .neurons(let e): ensemble = e
        default:
            throw .validation(
                name, "learningRule", "'pre' must be an Ensemble or Neurons for learning rule \(rule) (got \(pre.name))")
        }
        guard !ensemble.neuronType.isDirect else {
            throw .validation(
                name, "learningRule",
                "'pre' cannot have neuron type Direct for learning rule \(rule): it has no decoders or weights")
        }
    }

    /// The rule changes weights: a connection from neurons needs a transform to hold them.
    func requireWeights(for rule: any LearningRuleType) throws(BrainKitError) {
        if !isDecoded, case .identity = transform {
            throw .validation(
                name, "learningRule",
                "learning rule \(rule) cannot be applied to a connection that does not have weights (the transform is "
                    + "the identity); give a dense transform")
        }
    }

    /// The rule changes neuron-to-neuron weights: the checks of ``requireNeuralPre(for:)`` and
    /// ``requireWeights(for:)``, then the connection must go to neurons, and a decoded
    /// connection to `.neurons` needs a post-neurons x pre-neurons transform.
    func requireNeuronToNeuronWeights(for rule: any LearningRuleType) throws(BrainKitError) {
        try requireNeuralPre(for: rule)
        try requireWeights(for: rule)
        guard isToNeurons else {
            throw .validation(
                name, "learningRule",
                "learning rule \(rule) can only be applied on connections to neurons; use a weight solver "
                    + "(weights: true) or connect between two Neurons objects")
        }
        if isDecoded, !solver.weights, let preEnsemble = pre.ensemble {
            guard case .dense(let matrix) = transform, matrix.rows == sizeOut,
                matrix.columns == preEnsemble.neuronCount
            else {
                throw .validation(
                    name, "learningRule",
                    "learning rule \(rule) needs a dense transform of shape post neurons x pre neurons "
                        + "(\(sizeOut)x\(preEnsemble.neuronCount)) on a decoded connection to neurons")
            }
        }
    }
}
