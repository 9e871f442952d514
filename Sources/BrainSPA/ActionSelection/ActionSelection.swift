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
///   through `Lowpass(0.008)`) while the action is not selected;
/// - with ``ExpressionSettings/sharesChannels``, effects into one sink whose dynamic terms are
///   the same (`X − m --> m` and `Y − m --> m`: the term `−m`) share one channel instead: it
///   carries `Σₖ sₖ·fₖ + Σᵢ Mᵢ·sourceᵢ`, where sₖ is action k's thalamus output (through
///   ``sharedFixedPartSynapse``) and fₖ its fixed part (for the selected action, what its own
///   channel would carry), and its gate is driven by 1 − Σₖ sₖ over the actions that share it.
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
    /// From an action's thalamus output into a shared channel, its fixed part: `Lowpass(0.01)`,
    /// so that when the action ends its fixed part fades no faster than the gate closes
    /// (``gateInputSynapse`` then ``gateInhibitionSynapse``): with a faster synapse the
    /// channel carries the dynamic terms alone for a few ms (`−m` for `X − m --> m`, a pulse
    /// that clears the memory it was setting).
    public static let sharedFixedPartSynapse: any Synapse = Lowpass(validatedTau: 0.01)

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
    /// The gate ensembles of channels that one action opens, by that action's index.
    public var gates: [Int: Ensemble] {
        Dictionary(uniqueKeysWithValues: gatesByActions.compactMap { $0.key.count == 1 ? ($0.key[0], $0.value) : nil })
    }
    /// Every gate, by the actions whose selection opens it (one action, or several sharing a
    /// channel).
    private var gatesByActions: [[Int]: Ensemble] = [:]

    /// A channel between dynamic sources and a sink: a ``State`` for pointers, a ``Scalar``
    /// for scalars.
    private enum Channel {
        case pointer(State)
        case scalar(Scalar)

        var input: Node {
            switch self {
            case .pointer(let state): state.input.node
            case .scalar(let scalar): scalar.input.node
            }
        }

        var output: Node {
            switch self {
            case .pointer(let state): state.output.node
            case .scalar(let scalar): scalar.output.node
            }
        }
    }

    /// A channel that actions share (``ExpressionSettings/sharesChannels``): the sum of
    /// `terms` into `sink`, plus the fixed parts of `actions`, open while any of them is
    /// selected.
    private struct SharedChannel {
        let sink: Node
        /// Its dynamic terms, one per source.
        let terms: [(node: Node, matrix: Matrix)]
        let channel: Channel
        var actions: [Int] = []
    }
    private var sharedChannels: [SharedChannel] = []

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
        try gateSharedChannels()
    }

    /// The utility node of the action called `name`.
    public subscript(name: String) -> Node? {
        names.firstIndex(of: name).map { utilities[$0] }
    }

    /// An effect: a fixed one from the action's thalamus output, a dynamic one through a
    /// channel of its own, or (``ExpressionSettings/sharesChannels``) through a shared one.
    private func compile(_ effect: Route, action index: Int, lowering: Lowering) throws(BrainKitError) {
        let taps: Lowering.Taps, sink: Node, sinkName: String, vocabulary: Vocabulary?
        switch effect.kind {
        case .pointer(let expression, let input):
            taps = try lowering.lower(expression.term, in: try lowering.target(of: expression, into: input))
            (sink, sinkName, vocabulary) = (input.node, input.name, input.vocabulary)
        case .scalar(let expression, let input):
            taps = try lowering.lower(expression.term)
            (sink, sinkName, vocabulary) = (input.node, input.name, nil)
        }
        if taps.isFixed {
            let vector = taps.fixed ?? [Double](repeating: 0, count: vocabulary?.dimensions ?? 1)
            try network.connect(
                try thalamus.output[index], to: sink, synapse: Self.effectSynapse, transform: .dense(Matrix(column: vector)))
            return
        }
        if lowering.settings.sharesChannels {
            try share(taps, into: sink, named: sinkName, vocabulary: vocabulary, action: index, lowering: lowering)
            return
        }
        let channel = try makeChannel(label: "channel \(index) to \(sinkName)", vocabulary: vocabulary, settings: lowering.settings)
        try lowering.connect(taps, to: channel.input, synapse: lowering.settings.synapse)
        try network.connect(channel.output, to: sink, synapse: Self.effectSynapse)
        try inhibit(channel, actions: [index])
    }

    /// A channel for pointers of `vocabulary` (a ``State`` with the settings' channel sizes) or,
    /// without one, for a scalar (a ``Scalar``).
    private func makeChannel(label: String, vocabulary: Vocabulary?, settings: ExpressionSettings) throws(BrainKitError) -> Channel {
        guard let vocabulary else { return .scalar(try Scalar(in: network, label: label)) }
        return .pointer(
            try State(
                in: network, label: label, vocabulary: vocabulary, subdimensions: settings.channelSubdimensions,
                neuronsPerDimension: settings.channelNeuronsPerDimension))
    }

    /// With ``ExpressionSettings/sharesChannels``: effects into the same sink with the same
    /// dynamic terms `Σᵢ Mᵢ·sourceᵢ` share one channel, made by the first action that routes
    /// them and open while any of those actions is selected; each action's fixed part `f`
    /// enters the channel from its thalamus output `s` (as `s·f`), so that the channel carries
    /// `s·f + Σᵢ Mᵢ·sourceᵢ`, what the action's own channel would carry while it is selected.
    private func share(
        _ taps: Lowering.Taps, into sink: Node, named sinkName: String, vocabulary: Vocabulary?, action index: Int,
        lowering: Lowering
    ) throws(BrainKitError) {
        let terms = Self.merged(taps.terms)
        let shared: Int
        if let existing = sharedChannels.firstIndex(where: { $0.sink === sink && Self.sameTerms($0.terms, terms) }) {
            shared = existing
        } else {
            let channel = try makeChannel(
                label: "channel \(sharedChannels.count) to \(sinkName)", vocabulary: vocabulary, settings: lowering.settings)
            try lowering.connect(Lowering.Taps(fixed: nil, terms: terms), to: channel.input, synapse: lowering.settings.synapse)
            try network.connect(channel.output, to: sink, synapse: Self.effectSynapse)
            sharedChannels.append(SharedChannel(sink: sink, terms: terms, channel: channel))
            shared = sharedChannels.count - 1
        }
        if !sharedChannels[shared].actions.contains(index) { sharedChannels[shared].actions.append(index) }
        if let fixed = taps.fixed, fixed.contains(where: { $0 != 0 }) {
            try network.connect(
                try thalamus.output[index], to: sharedChannels[shared].channel.input, synapse: Self.sharedFixedPartSynapse,
                transform: .dense(Matrix(column: fixed)))
        }
    }

    /// The terms of `terms` with one source each: terms reading the same node added.
    private static func merged(_ terms: [(node: Node, matrix: Matrix)]) -> [(node: Node, matrix: Matrix)] {
        var result: [(node: Node, matrix: Matrix)] = []
        for term in terms {
            if let k = result.firstIndex(where: { $0.node === term.node }) {
                let sum = zip(result[k].matrix.values, term.matrix.values).map(+)
                result[k].matrix = Matrix(rows: term.matrix.rows, columns: term.matrix.columns, values: sum)
            } else {
                result.append(term)
            }
        }
        return result
    }

    /// Whether two merged term lists are the same sum, in any order.
    private static func sameTerms(_ a: [(node: Node, matrix: Matrix)], _ b: [(node: Node, matrix: Matrix)]) -> Bool {
        a.count == b.count && a.allSatisfy { term in b.contains { $0.node === term.node && $0.matrix == term.matrix } }
    }

    /// Gates the shared channels, each by the actions that route through it.
    private func gateSharedChannels() throws(BrainKitError) {
        for shared in sharedChannels {
            try inhibit(shared.channel, actions: shared.actions)
        }
    }

    /// Connects the gate of `actions` to every neuron of `channel` with weight −3: the gate's
    /// one value through ``gateInhibitionSynapse`` into a one-value node of this channel, spread
    /// from there over the neurons without a synapse (a linear filter commutes with a constant
    /// weight, so a step filters one value, not one per neuron, and a model run across
    /// processes sends one value per channel).
    private func inhibit(_ channel: Channel, actions: [Int]) throws(BrainKitError) {
        switch channel {
        case .pointer(let state): try inhibit(try state.neuronInput(), count: state.neuronCount, actions: actions)
        case .scalar(let scalar): try inhibit(scalar.ensemble.neurons, count: scalar.ensemble.neuronCount, actions: actions)
        }
    }

    private func inhibit(_ neurons: some EndpointConvertible, count: Int, actions: [Int]) throws(BrainKitError) {
        let inhibition = try network.node(label: "gate \(Self.gateName(actions)) inhibition", sizeIn: 1)
        try network.connect(try gate(actions), to: inhibition, synapse: Self.gateInhibitionSynapse)
        try network.connect(
            inhibition, to: neurons, synapse: nil, transform: .dense(Matrix(rows: count, columns: 1, repeating: -3)))
    }

    /// The gate of `actions` (one or more): active (inhibiting its channels) unless one of them
    /// is selected, driven by 1 − Σ their thalamus outputs.
    private func gate(_ actions: [Int]) throws(BrainKitError) -> Ensemble {
        if let gate = gatesByActions[actions] { return gate }
        let name = Self.gateName(actions)
        let gate = try network.ensemble(
            label: "gate \(name)", neurons: 40, dimensions: 1, encoders: try Choice(rows: Matrix([[1]])),
            intercepts: Uniform(0.3, 1))
        let one = try network.node(label: "gate bias \(name)", output: [1])
        try network.connect(one, to: gate, synapse: nil)
        for index in actions {
            try network.connect(try thalamus.output[index], to: gate, synapse: Self.gateInputSynapse, transform: .scalar(-1))
        }
        gatesByActions[actions] = gate
        return gate
    }

    /// How labels name the gate of `actions`: "3", or "0+4+9" for a gate several share.
    private static func gateName(_ actions: [Int]) -> String {
        actions.map(String.init).joined(separator: "+")
    }
}
