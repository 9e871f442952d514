import BrainCore
import BrainSPA

/// A memory for one semantic pointer: a `State` whose output returns to its input through
/// `Lowpass(τ)`, with an input of its own scaled by `gain`. The feedback is either
///
/// - **linear**, with weight `feedback` (1: it holds; below 1: it decays). The held pointer
///   integrates what is routed in, `dm/dt = gain · u / τ`: a route `v` held for `T` seconds
///   adds `gain · T / τ · v`; or
/// - **through a cleanup** over `cleanup` keys (a winner-take-all `CleanupMemory`, threshold
///   0.3, unit output): the memory is an attractor that holds one key clean, and a pointer
///   written more than halfway towards another key completes to it.
///
/// A route `target − m` (a "difference write", how Spaun's gated and production memories are
/// set) holds the state at `(fed back + gain · target) / (1 + gain)`; the fed-back value
/// follows with time constant `τ (1 + gain) / gain`.
///
/// Neurons: the state's, `neuronsPerDimension · D`, plus 50 per cleanup key.
public final class MemoryBuffer: PointerExpressible, PointerSink {
    /// The state holding the pointer.
    public let state: State
    /// Where routes arrive; scaled by ``gain`` into the state.
    public let input: PointerInput
    /// The held pointer, decoded without a synapse.
    public var output: PointerOutput { state.output }
    /// The vocabulary of the held pointer.
    public var vocabulary: Vocabulary { state.vocabulary }
    /// The weight of the input.
    public let gain: Double

    /// The cleanup in the feedback, when there is one.
    public let cleanup: CleanupMemory?

    /// - Parameters:
    ///   - gain: the input's weight (default 5).
    ///   - feedback: the linear feedback's weight (default 1, a memory); not used with `cleanup`.
    ///   - feedbackTau: the feedback synapse's τ (default 0.1 s).
    ///   - keys: keys of `vocabulary` to hold clean (nil: linear feedback).
    ///   - subdimensions: dimensions per ensemble (default 4: a step costs a quarter of
    ///     nengo_spa's 16 in encoders and decoders, and holds a unit pointer as well).
    ///   - neuronsPerDimension: neurons per dimension (default 50).
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - parent: the network to build in.
    ///   - vocabulary: the vocabulary held.
    /// - Throws: `BrainKitError` naming the memory and the parameter.
    public init(
        in parent: Network, label: String, vocabulary: Vocabulary, gain: Double = 5, feedback: Double = 1,
        feedbackTau: Double = 0.1, cleanup keys: [String]? = nil, neuronsPerDimension: Int = 50,
        subdimensions: Int = 4
    ) throws(BrainKitError) {
        let name = "MemoryBuffer '\(label)'"
        try Check.finite([gain], name, "gain")
        try Check.finite([feedback], name, "feedback")
        try Check.positiveFinite(feedbackTau, name, "feedbackTau")
        state = try State(
            in: parent, label: label, vocabulary: vocabulary, subdimensions: subdimensions,
            neuronsPerDimension: neuronsPerDimension, feedback: keys == nil ? feedback : 0,
            feedbackSynapse: try Lowpass(feedbackTau))
        if let keys {
            let memory = try CleanupMemory(
                in: state.network, label: "cleanup", input: vocabulary, mapping: .keys(keys),
                selection: .winnerTakeAll(0.3, function: { _ in 1 }))
            try state.network.connect(state.output.node, to: memory.input.node, synapse: nil)
            try state.network.connect(memory.output.node, to: state.input.node, synapse: try Lowpass(feedbackTau))
            cleanup = memory
        } else {
            cleanup = nil
        }
        let node = try state.network.node(label: "gated input", sizeIn: vocabulary.dimensions)
        try state.network.connect(node, to: state.input.node, synapse: nil, transform: .scalar(gain))
        input = PointerInput(node, vocabulary: vocabulary, name: "\(name) input")
        self.gain = gain
    }

    /// Silences the memory's neurons while `source` (one value, about 0 or 1) is high: weight
    /// −3 onto every neuron, the source filtered by `Lowpass(0.005)`. The memory then reads 0
    /// and its fed-back value decays with the feedback's τ, so a held pointer is cleared
    /// (Spaun's reset gates).
    ///
    /// The source's one value is filtered before it is spread over the neurons (a linear filter
    /// commutes with a constant weight), into a one-value node, `clear`, that every source of
    /// this memory shares: a step filters one value instead of one per neuron, and a model run
    /// across processes sends one value per source.
    /// - Throws: `BrainKitError` for a source that is not one value, or Direct ensembles.
    public func clear(whenHigh source: some EndpointConvertible) throws(BrainKitError) {
        try network.connect(source, to: try clearNode(), synapse: try Lowpass(0.005))
    }

    private var clearGate: Node?

    /// The one-value node whose value, times −3, goes into every neuron of the state. Made once.
    private func clearNode() throws(BrainKitError) -> Node {
        if let clearGate { return clearGate }
        let node = try network.node(label: "clear", sizeIn: 1)
        try network.connect(
            node, to: try state.neuronInput(), synapse: nil,
            transform: .dense(Matrix(rows: state.neuronCount, columns: 1, repeating: -3)))
        clearGate = node
        return node
    }

    public var pointerExpression: PointerExpression { output.pointerExpression }
    public var pointerInput: PointerInput { input }
    /// The state's subnetwork.
    public var network: Network { state.network }
    /// The state's number of neurons (a cleanup's are not counted).
    public var neuronCount: Int { state.neuronCount }
}
