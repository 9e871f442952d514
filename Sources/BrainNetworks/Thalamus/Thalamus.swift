/// Turns a basal ganglia's output into a selection (Nengo's core `Thalamus`): about 1 for the
/// selected action and 0 for the others.
///
/// ``actions`` is an ``EnsembleArray`` of one 1-D ensemble per action, with encoders +1 and
/// intercepts Uniform(threshold, 1), so each ensemble rectifies what it represents. Each
/// action receives a constant bias of 1 and inhibits every other action, both through Nengo's
/// default `Lowpass(0.005)`:
///
///     xᵢ = LP₅[ 1 + inputᵢ − mutualInhibition · Σ_{j≠i} aⱼ ],   aᵢ = xᵢ rectified by the neurons
///
/// Connect a ``BasalGanglia``'s output to ``input`` (about 0 for the winner, ≤ −0.8 for the
/// losers): the winner's bias survives and shuts the others off.
///
/// In Direct mode the neurons do not rectify, and with `mutualInhibition = 1` the recurrent
/// transform `I − 1` has eigenvalue 1 for every difference between actions: those differences
/// integrate instead of settling. Use `mutualInhibition < 1` there to get a steady state.
public final class Thalamus {
    /// The subnetwork holding the actions and the bias.
    public let network: Network
    /// One ensemble per action.
    public let actions: EnsembleArray
    /// The constant 1 added to every action.
    public let bias: Node

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - dimensions: the number of actions, ≥ 1.
    ///   - neuronsPerEnsemble: neurons per action, ≥ 1.
    ///   - mutualInhibition: how strongly each action's output inhibits every other action
    ///     (the recurrent transform is `mutualInhibition · (I − 1)`).
    ///   - threshold: the lowest value the actions represent: their intercepts are
    ///     Uniform(threshold, 1), in units of the radius (1); must be < 1.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` when a size is < 1, `mutualInhibition` is not finite, or
    ///   `threshold` is not finite or ≥ 1.
    public init(
        in parent: Network, label: String = "Thalamus", dimensions: Int, neuronsPerEnsemble: Int = 50,
        mutualInhibition: Double = 1, threshold: Double = 0, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Thalamus '\(label)'"
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.atLeast(neuronsPerEnsemble, 1, name, "neuronsPerEnsemble")
        try Check.finite([mutualInhibition], name, "mutualInhibition")
        try Check.finite([threshold], name, "threshold")
        guard threshold < 1 else {
            throw .validation(
                name, "threshold", "must be < 1 (the intercepts are Uniform(threshold, 1)), got \(threshold)")
        }
        network = try parent.network(label: label, seed: seed)
        var actionDefaults = ModelDefaults()
        actionDefaults.intercepts = Uniform(threshold, 1)
        actionDefaults.encoders = try Choice(rows: Matrix([[1]]))
        actions = try EnsembleArray(
            in: network, label: "actions", neurons: neuronsPerEnsemble, ensembles: dimensions, defaults: actionDefaults)
        var inhibition = Matrix(rows: dimensions, columns: dimensions, repeating: -mutualInhibition)
        for i in 0..<dimensions { inhibition[i, i] = 0 }
        try network.connect(actions.output, to: actions.input, transform: .dense(inhibition))
        bias = try network.node(label: "thalamus bias", output: [1])
        let everyAction = Matrix(rows: dimensions, columns: 1, repeating: 1)
        try network.connect(bias, to: actions.input, transform: .dense(everyAction))
    }

    /// The number of actions.
    public var dimensions: Int { actions.dimensions }

    /// The actions' input: connect the basal ganglia's output here.
    public var input: Node { actions.input }

    /// The actions' decoded values: about 1 for the selected action, 0 elsewhere.
    public var output: Node { actions.output }
}
