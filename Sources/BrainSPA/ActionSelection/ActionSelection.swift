import BrainCore
import BrainNetworks

/// Chooses, step by step, the action whose utility is largest and routes its effects
/// (nengo_spa's `ActionSelection` with `ifmax`), compiled when it is created:
///
/// - each action's utility is a 1-D node; its expression arrives through `Lowpass(0.005)`
///   and goes on to the basal ganglia's input through `Lowpass(0.002)`;
/// - ``basalGanglia`` (N actions) feeds ``thalamus`` (intercepts Uniform(0.2, 1), mutual
///   inhibition 1) through `Lowpass(0.008)`; the thalamus' output is ≈ 1 for the selected
///   action and ≈ 0 for the others;
/// - an effect with a fixed source (`sym.B --> cortex`) is a connection from the action's
///   thalamus output with the pointer as its transform, through `Lowpass(0.01)`;
/// - an effect with a dynamic source gets a channel (a ``State`` of the sink's vocabulary with
///   the settings' channel sizes, or a ``Scalar``) between source and sink (into the sink through `Lowpass(0.01)`), and the
///   action gets a gate: 40 neurons (intercepts Uniform(0.3, 1)) driven by 1 minus the
///   action's thalamus output, inhibiting every channel neuron with weight −3 (its value
///   through `Lowpass(0.008)`) while the action is not selected.
///
/// In the sequence A→B→C→… this loop takes about 32–34 ms per step.
public final class ActionSelection {
    /// nengo_spa's synapses.
    public static let utilitySynapse: any Synapse = Lowpass(validatedTau: 0.002)
    /// From the basal ganglia to the thalamus, `Lowpass(0.008)`.
    public static let basalGangliaToThalamusSynapse: any Synapse = Lowpass(validatedTau: 0.008)
    /// Into an effect's sink, `Lowpass(0.01)`.
    public static let effectSynapse: any Synapse = Lowpass(validatedTau: 0.01)
    /// Into an action's gate, `Lowpass(0.002)`.
    public static let gateInputSynapse: any Synapse = Lowpass(validatedTau: 0.002)
    /// From a gate onto its channel's neurons, `Lowpass(0.008)`.
    public static let gateInhibitionSynapse: any Synapse = Lowpass(validatedTau: 0.008)

    /// The subnetwork holding the selection, its channels and gates.
    public let network: Network
    /// The basal ganglia, one channel per action.
    public let basalGanglia: BasalGanglia
    /// The thalamus: about 1 for the selected action, 0 for the others.
    public let thalamus: Thalamus
    /// One utility node per action, in order: probe them, or drive a manual one.
    public let utilities: [Node]
    /// The actions' names (nil for unnamed ones), in order.
    public let names: [String?]
    /// The gate ensembles, by action index, of actions with dynamic effects.
    public private(set) var gates: [Int: Ensemble] = [:]

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - settings: module sizes and the synapse of routes (nengo_spa's defaults).
    ///   - actions: the `IfMax` actions, at least one.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` naming the action at fault: a utility or effect whose
    ///   vocabulary does not fit, a symbol missing from a strict vocabulary, a duplicate name,
    ///   or no actions at all.
    public init(
        in parent: Network, label: String = "Action Selection", settings: ExpressionSettings = ExpressionSettings(),
        @ActionBuilder _ actions: () throws(BrainKitError) -> [IfMax]
    ) throws(BrainKitError) {
        let list = try actions()
        let name = "ActionSelection '\(label)'"
        guard !list.isEmpty else { throw .validation(name, "actions", "must hold at least one IfMax") }
        var seen = Set<String>()
        for action in list {
            if let actionName = action.name, !seen.insert(actionName).inserted {
                throw .validation(name, "actions", "name '\(actionName)' is used twice")
            }
        }
        network = try parent.network(label: label)
        names = list.map(\.name)
        let count = list.count
        basalGanglia = try BasalGanglia(in: network, dimensions: count)
        thalamus = try Thalamus(in: network, dimensions: count, neuronsPerEnsemble: 50, mutualInhibition: 1, threshold: 0.2)
        try network.connect(basalGanglia.output, to: thalamus.input, synapse: Self.basalGangliaToThalamusSynapse)
        var utilityNodes: [Node] = []
        var lowerings: [Lowering] = []
        for (index, action) in list.enumerated() {
            let context = "action \(action.name.map { "'\($0)'" } ?? "\(index)") of \(name)"
            let lowering = Lowering(network: network, context: context, settings: settings)
            let utility = try network.node(label: "utility \(action.name ?? "\(index)")", sizeIn: 1)
            if case .expression(let expression) = action.utility {
                try lowering.connect(try lowering.lower(expression.term), to: utility, synapse: settings.synapse)
            }
            try network.connect(utility, to: try basalGanglia.input[index], synapse: Self.utilitySynapse)
            utilityNodes.append(utility)
            lowerings.append(lowering)
        }
        utilities = utilityNodes
        for (index, action) in list.enumerated() {
            for effect in action.effects {
                try compile(effect, action: index, lowering: lowerings[index])
            }
        }
    }

    /// The utility node of the action called `name`.
    public subscript(name: String) -> Node? {
        names.firstIndex(of: name).map { utilities[$0] }
    }

    private func compile(_ effect: Route, action index: Int, lowering: Lowering) throws(BrainKitError) {
        let selected = try thalamus.output[index]
        switch effect.kind {
        case .pointer(let expression, let sink):
            let taps = try lowering.lower(expression.term, in: try lowering.target(of: expression, into: sink))
            if taps.isFixed {
                let vector = taps.fixed ?? [Double](repeating: 0, count: sink.vocabulary.dimensions)
                try network.connect(selected, to: sink.node, synapse: Self.effectSynapse, transform: .dense(Matrix(column: vector)))
                return
            }
            let channel = try State(
                in: network, label: "channel \(index) to \(sink.name)", vocabulary: sink.vocabulary,
                subdimensions: lowering.settings.channelSubdimensions,
                neuronsPerDimension: lowering.settings.channelNeuronsPerDimension)
            try lowering.connect(taps, to: channel.input.node, synapse: lowering.settings.synapse)
            try network.connect(channel.output.node, to: sink.node, synapse: Self.effectSynapse)
            try inhibit(channel.neuronInput(), count: channel.neuronCount, action: index)
        case .scalar(let expression, let sink):
            let taps = try lowering.lower(expression.term)
            if taps.isFixed {
                try network.connect(
                    selected, to: sink.node, synapse: Self.effectSynapse, transform: .dense(Matrix([[taps.fixed?[0] ?? 0]])))
                return
            }
            let channel = try Scalar(in: network, label: "channel \(index) to \(sink.name)")
            try lowering.connect(taps, to: channel.input.node, synapse: lowering.settings.synapse)
            try network.connect(channel.output.node, to: sink.node, synapse: Self.effectSynapse)
            try inhibit(channel.ensemble.neurons, count: channel.ensemble.neuronCount, action: index)
        }
    }

    /// Connects the action's gate to `neurons` with weight −3 each: the gate's one value
    /// through ``gateInhibitionSynapse`` into a one-value node of this channel, spread from
    /// there over the neurons without a synapse (a linear filter commutes with a constant
    /// weight, so a step filters one value, not one per neuron, and a model run across
    /// processes sends one value per channel).
    private func inhibit(_ neurons: some EndpointConvertible, count: Int, action index: Int) throws(BrainKitError) {
        let inhibition = try network.node(label: "gate \(index) inhibition", sizeIn: 1)
        try network.connect(try gate(index), to: inhibition, synapse: Self.gateInhibitionSynapse)
        try network.connect(
            inhibition, to: neurons, synapse: nil, transform: .dense(Matrix(rows: count, columns: 1, repeating: -3)))
    }

    /// The gate of action `index`: active (inhibiting its channels) unless the action is
    /// selected.
    private func gate(_ index: Int) throws(BrainKitError) -> Ensemble {
        if let gate = gates[index] { return gate }
        let gate = try network.ensemble(
            label: "gate \(index)", neurons: 40, dimensions: 1, encoders: try Choice(rows: Matrix([[1]])),
            intercepts: Uniform(0.3, 1))
        let one = try network.node(label: "gate bias \(index)", output: [1])
        try network.connect(one, to: gate, synapse: nil)
        try network.connect(try thalamus.output[index], to: gate, synapse: Self.gateInputSynapse, transform: .scalar(-1))
        gates[index] = gate
        return gate
    }
}
