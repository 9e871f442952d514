import BrainCore
import BrainSPA

/// A list memory `Σ POSᵢ ⊛ ITEMᵢ` as Spaun builds it (Choo's ordinal serial encoding): a
/// **rehearsal** buffer and a **decay** buffer, the list being their sum. What is routed into
/// ``input`` goes to both, weighted `rehearsalWeight` and `decayWeight`; the decay buffer's
/// feedback is `decayFeedback` through `Lowpass(0.1)` (a time constant of
/// `0.1 / (1 − decayFeedback)` s; 1: it fades only by displacement).
///
/// While an item is stored, the store action also routes each buffer's content back into it
/// (Spaun's gated rehearsal): the rehearsal buffer's weighted `g = rehearsalGrowth` and the
/// decay buffer's weighted `−k = −decayDisplacement`. A buffer given back `w` times its own
/// value (which includes what it is given) holds `x = (s + u) / (1 − w)` and changes at
/// `ds/dt = (w s + u) / ((1 − w) · 0.1)`; so a store lasting `T` multiplies what the rehearsal
/// buffer holds by `e^(g/(1−g) · T/0.1)` and what the decay buffer holds by
/// `e^(−k/(1+k) · T/0.1)`. Across a list of n items the first is that factor to the power n − 1
/// times the last in the rehearsal buffer (**primacy**) and the last that many times the first
/// in the decay buffer (**recency**); their sum is U-shaped, the middle items the weakest, as
/// in human serial recall. Between stores nothing changes (at `decayFeedback` 1), so recall,
/// however slow, reads the list as it was when it closed.
///
/// The defaults weigh the decay buffer heavily (input 1.3, displacement 1: each store keeps
/// `e^(−0.5 · T/0.1)` of what it held). In the assembled model a store's item reaches the
/// memory for only the later part of the store action, after the growth and the displacement
/// have begun, so a new item gains little from the growth and the last items of a list are
/// carried mostly by the decay buffer.
///
/// Neurons: 2 × `neuronsPerDimension`·D (default 100, in ensembles of `subdimensions` = 4
/// dimensions: a list of several items held for seconds needs more accuracy than a single
/// pointer).
public final class ListMemory: PointerExpressible, PointerSink {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// Holds what it is given, and grows while later items are stored.
    public let rehearsal: MemoryBuffer
    /// Fades as later items are stored (and with time, at a feedback below 1).
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
    /// The weight of the rehearsal buffer's content routed back into it while an item is
    /// stored (g, in 0..<1).
    public let rehearsalGrowth: Double
    /// The weight of the decay buffer's content taken from it while an item is stored (k ≥ 0).
    public let decayDisplacement: Double
    /// The decay buffer's time constant, `0.1 / (1 − decayFeedback)` seconds (infinite at
    /// feedback 1).
    public var decayTimeConstant: Double { 0.1 / (1 - decayFeedback) }

    /// - Throws: `BrainKitError` naming the memory and the parameter.
    public init(
        in parent: Network, label: String, vocabulary: Vocabulary, rehearsalWeight: Double = 0.25,
        decayWeight: Double = 1.3, decayFeedback: Double = 1, rehearsalGrowth: Double = 0.25,
        decayDisplacement: Double = 1, neuronsPerDimension: Int = 100, subdimensions: Int = 4
    ) throws(BrainKitError) {
        let name = "ListMemory '\(label)'"
        try Check.finite([rehearsalWeight], name, "rehearsalWeight")
        try Check.finite([decayWeight], name, "decayWeight")
        try Check.finite([decayFeedback], name, "decayFeedback")
        try Check.nonNegativeFinite(rehearsalGrowth, name, "rehearsalGrowth")
        guard rehearsalGrowth < 1 else {
            throw .validation(name, "rehearsalGrowth", "must be below 1 (the fed-back buffer would have no fixed point), got \(rehearsalGrowth)")
        }
        try Check.nonNegativeFinite(decayDisplacement, name, "decayDisplacement")
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
        self.rehearsalGrowth = rehearsalGrowth
        self.decayDisplacement = decayDisplacement
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
