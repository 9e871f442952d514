import BrainCore
import BrainNetworks

/// A population representing a semantic pointer of one vocabulary, optionally holding it
/// (nengo_spa's `State`).
///
/// The D dimensions are split into groups of `subdimensions` (which must divide D), each an
/// ensemble of `neuronsPerDimension · subdimensions` neurons whose intercepts and eval
/// points follow `CosineSimilarity(D + 2)`, the distribution of one element of a random unit
/// vector, so the neurons cover the range a pointer's elements actually take. With
/// `representIdentity` (the default) the first element gets an ensemble of its own with the
/// default (uniform) intercepts, so that the HRR identity `[1, 0, …]`, whose first element is
/// far outside that range, is represented too.
///
/// With `feedback` ≠ 0 the output returns to the input through `feedbackSynapse` with that
/// weight: 1 makes a memory (input is not scaled by the synapse's τ, so a routed input adds
/// to it every step); `1 − dt_syn/τ` a memory decaying with time constant τ.
///
/// Neurons: `neuronsPerDimension · D`.
public final class State: PointerExpressible, PointerSink {
    /// nengo_spa's feedback synapse, `Lowpass(0.1)`.
    public static let defaultFeedbackSynapse: any Synapse = Lowpass(validatedTau: 0.1)

    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The vocabulary of the represented pointers.
    public let vocabulary: Vocabulary
    /// The routed pointer arrives here (no synapse inside the module).
    public let input: PointerInput
    /// The represented pointer, decoded without a synapse.
    public let output: PointerOutput
    /// The ensembles, in order of the dimensions they represent.
    public let ensembles: [Ensemble]
    /// Dimensions per ensemble.
    public let subdimensions: Int
    /// The weight of output → input (0: none; 1: a memory).
    public let feedback: Double
    /// The feedback connection, when `feedback` ≠ 0.
    public let feedbackConnection: Connection?

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - vocabulary: the pointers' vocabulary (its dimensions are the state's).
    ///   - subdimensions: dimensions per ensemble (default 16; at most D, and must divide D).
    ///   - neuronsPerDimension: default 50.
    ///   - feedback: the weight of output → input (default 0: no feedback).
    ///   - feedbackSynapse: the synapse of the feedback (default `Lowpass(0.1)`).
    ///   - representIdentity: a separate ensemble for the first element (default true).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` naming the state and parameter.
    public init(
        in parent: Network, label: String = "State", vocabulary: Vocabulary, subdimensions: Int = 16,
        neuronsPerDimension: Int = 50, feedback: Double = 0, feedbackSynapse: (any Synapse)? = State.defaultFeedbackSynapse,
        representIdentity: Bool = true, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "State '\(label)'"
        let d = vocabulary.dimensions
        try Check.atLeast(subdimensions, 1, name, "subdimensions")
        try Check.atLeast(neuronsPerDimension, 1, name, "neuronsPerDimension")
        try Check.finite([feedback], name, "feedback")
        let sub = min(subdimensions, d)
        guard d % sub == 0 else {
            throw .validation(name, "subdimensions", "must divide the vocabulary's \(d) dimensions, got \(subdimensions)")
        }
        let network = try parent.network(label: label, seed: seed)
        self.network = network
        self.vocabulary = vocabulary
        self.subdimensions = sub
        self.feedback = feedback
        let inputNode = try network.node(label: "input", sizeIn: d)
        let outputNode = try network.node(label: "output", sizeIn: d)
        let cosine = try CosineSimilarity(dimensions: d + 2)
        var members: [Ensemble] = []
        var start = 0
        func add(_ ensemble: Ensemble) throws(BrainKitError) {
            let range = start..<(start + ensemble.dimensions)
            try network.connect(inputNode[range], to: ensemble, synapse: nil)
            try network.connect(ensemble, to: outputNode[range], synapse: nil)
            members.append(ensemble)
            start = range.upperBound
        }
        if representIdentity {
            try add(try network.ensemble(label: "first", neurons: neuronsPerDimension, dimensions: 1))
            if sub > 1 {
                try add(
                    try network.ensemble(
                        label: "second", neurons: neuronsPerDimension * (sub - 1), dimensions: sub - 1,
                        intercepts: cosine, evalPoints: cosine))
            }
        }
        while start < d {
            try add(
                try network.ensemble(
                    label: "part \(members.count)", neurons: neuronsPerDimension * sub, dimensions: sub,
                    intercepts: cosine, evalPoints: cosine))
        }
        ensembles = members
        input = PointerInput(inputNode, vocabulary: vocabulary, name: "\(name) input")
        output = PointerOutput(outputNode, vocabulary: vocabulary, name: "\(name) output")
        feedbackConnection = feedback == 0 ? nil : try network.connect(
            outputNode, to: inputNode, synapse: feedbackSynapse, transform: .scalar(feedback))
    }

    /// The output, for expressions.
    public var pointerExpression: PointerExpression { output.pointerExpression }
    /// The input, for routes.
    public var pointerInput: PointerInput { input }

    /// The number of neurons.
    public var neuronCount: Int { ensembles.reduce(0) { $0 + $1.neuronCount } }

    private var neuronInputNode: Node?

    /// A node of ``neuronCount`` values added to every neuron's input current with no synapse
    /// (for inhibiting the whole state). Made once.
    /// - Throws: `BrainKitError` when the ensembles have no neurons (Direct mode).
    public func neuronInput() throws(BrainKitError) -> Node {
        if let neuronInputNode { return neuronInputNode }
        let node = try network.node(label: "neuron input", sizeIn: max(neuronCount, 1))
        var start = 0
        for ensemble in ensembles {
            guard !ensemble.neuronType.isDirect else {
                throw .validation(network.name, "neuronInput", "needs neurons; the ensembles are Direct")
            }
            try network.connect(node[start..<(start + ensemble.neuronCount)], to: ensemble.neurons, synapse: nil)
            start += ensemble.neuronCount
        }
        neuronInputNode = node
        return node
    }
}
