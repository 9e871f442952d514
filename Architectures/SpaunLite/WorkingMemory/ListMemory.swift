import BrainCore
import BrainSPA

/// A list memory `Σ POSᵢ ⊛ ITEMᵢ` as Spaun builds it (Choo's ordinal serial encoding): a
/// **rehearsal** buffer that holds what it is given, and a **decay** buffer whose content
/// fades (feedback `decayFeedback` through `Lowpass(0.1)`: a time constant of
/// `0.1 / (1 − decayFeedback)` s); the list is their sum. What is routed into ``input`` goes
/// to both, weighted `rehearsalWeight` and `decayWeight`.
///
/// Early items dominate the rehearsal buffer, whose neurons saturate as the list grows, so
/// later items add less to it (primacy); the newest items are strongest in the decay buffer
/// (recency). The decay buffer takes the larger share (`decayWeight` 0.6 against 0.3) and
/// fades slowly (τ = 6.7 s), so that the last item of a list, which the saturated rehearsal
/// buffer barely holds, is still as strong as the first when forward recall reaches it
/// seconds later.
///
/// Neurons: 2 × `neuronsPerDimension`·D (default 100, in ensembles of `subdimensions` = 4
/// dimensions: a list of several items held for seconds needs more accuracy than a single
/// pointer).
public final class ListMemory: PointerExpressible, PointerSink {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// Holds what it is given.
    public let rehearsal: MemoryBuffer
    /// Fades with time.
    public let decay: MemoryBuffer
    /// Routes arrive here, into both buffers.
    public let input: PointerInput
    /// `rehearsal + decay`.
    public let output: PointerOutput
    /// The weight of the input into the rehearsal buffer.
    public let rehearsalWeight: Double
    /// The weight of the input into the decay buffer.
    public let decayWeight: Double
    /// The decay buffer's feedback weight.
    public let decayFeedback: Double
    /// The decay buffer's time constant, `0.1 / (1 − decayFeedback)` seconds.
    public var decayTimeConstant: Double { 0.1 / (1 - decayFeedback) }

    /// - Throws: `BrainKitError` naming the memory and the parameter.
    public init(
        in parent: Network, label: String, vocabulary: Vocabulary, rehearsalWeight: Double = 0.3,
        decayWeight: Double = 0.6, decayFeedback: Double = 0.985, neuronsPerDimension: Int = 100, subdimensions: Int = 4
    ) throws(BrainKitError) {
        let name = "ListMemory '\(label)'"
        try Check.finite([rehearsalWeight], name, "rehearsalWeight")
        try Check.finite([decayWeight], name, "decayWeight")
        try Check.finite([decayFeedback], name, "decayFeedback")
        network = try parent.network(label: label)
        rehearsal = try MemoryBuffer(
            in: network, label: "rehearsal", vocabulary: vocabulary, gain: 1, neuronsPerDimension: neuronsPerDimension,
            subdimensions: subdimensions)
        decay = try MemoryBuffer(
            in: network, label: "decay", vocabulary: vocabulary, gain: 1, feedback: decayFeedback,
            neuronsPerDimension: neuronsPerDimension, subdimensions: subdimensions)
        let d = vocabulary.dimensions
        let inputNode = try network.node(label: "input", sizeIn: d)
        let outputNode = try network.node(label: "output", sizeIn: d)
        try network.connect(inputNode, to: rehearsal.input.node, synapse: nil, transform: .scalar(rehearsalWeight))
        try network.connect(inputNode, to: decay.input.node, synapse: nil, transform: .scalar(decayWeight))
        try network.connect(rehearsal.output.node, to: outputNode, synapse: nil)
        try network.connect(decay.output.node, to: outputNode, synapse: nil)
        input = PointerInput(inputNode, vocabulary: vocabulary, name: "\(name) input")
        output = PointerOutput(outputNode, vocabulary: vocabulary, name: "\(name) output")
        self.rehearsalWeight = rehearsalWeight
        self.decayWeight = decayWeight
        self.decayFeedback = decayFeedback
    }

    /// Clears both buffers while `source` is high (``MemoryBuffer/clear(whenHigh:)``).
    /// - Throws: `BrainKitError` as ``MemoryBuffer/clear(whenHigh:)``.
    public func clear(whenHigh source: some EndpointConvertible) throws(BrainKitError) {
        try rehearsal.clear(whenHigh: source)
        try decay.clear(whenHigh: source)
    }

    public var pointerExpression: PointerExpression { output.pointerExpression }
    public var pointerInput: PointerInput { input }
}
