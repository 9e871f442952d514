import BrainCore
import Foundation

/// An associative (clean-up) memory (Nengo's `networks.AssociativeMemory`): for an input
/// vector `u`, each stored item i lights up when `u` is similar enough to its input vector,
/// and the output is the sum of the output vectors of the items that lit up.
///
/// One 1-D ensemble per item (intercepts `Exponential(0.15, 0, 1)`, encoders +1, eval points
/// `Uniform(0, 1)`, 5000 of them, radius 1) represents
///
///     x_i = s_i (v_i · u) − θ_i            (input vector v_i, scale s_i, threshold θ_i)
///
/// and its neurons are silent for x_i ≤ 0. Its utility is the smoothed step
/// `y_i = max(1 − e^(−15 x_i), 0)` (``utilities``), and ``output`` = `Σ_i y_i w_i` for the
/// output vectors w_i (the input vectors when none are given: auto-association). Every
/// internal connection has no synapse, so filter downstream.
///
/// Extensions: ``addWTANetwork(inhibitScale:inhibitSynapse:)`` (only the best match
/// survives), ``addThresholdToOutputs(neurons:inhibitScale:)`` (clean 0/1 utilities drive the
/// outputs), ``addDefaultOutputVector(_:outputName:neurons:minActivationValue:)`` (a vector
/// output when nothing matches), ``addInputMapping(_:vectors:scales:)`` and
/// ``addOutputMapping(_:vectors:)`` (more named inputs and outputs). `inhibitable` adds
/// ``inhibit``, which shuts everything off.
public final class AssociativeMemory {
    /// The subnetwork holding everything.
    public let network: Network
    /// The number of stored items.
    public let itemCount: Int
    /// The activation thresholds θ_i.
    public let thresholds: [Double]
    /// One ensemble per item, representing `s_i (v_i · u) − θ_i`.
    public let ensembles: [Ensemble]
    /// The constant node (1) feeding the thresholds and biases.
    public let bias: Node
    /// The items' summed inputs `s_i (v_i · u)` from all input mappings (Nengo's
    /// `elem_input`).
    public let elementInput: Node
    /// The items' utilities `max(1 − e^(−15 x_i), 0)`, unfiltered (Nengo's `elem_output`).
    public let utilities: Node
    /// A scalar that shuts the memory off (weight −1.5 on every item, the thresholded
    /// utilities and the default vectors); nil unless built `inhibitable`.
    public let inhibit: Node?
    /// Named inputs, `"input"` first; each maps its vector onto the items.
    public internal(set) var inputs: [String: Node] = [:]
    /// Named outputs, `"output"` first; each sums its vectors weighted by the utilities.
    public internal(set) var outputs: [String: Node] = [:]
    /// The two arrays of ``addThresholdToOutputs(neurons:inhibitScale:)``, once added.
    public internal(set) var thresholdBias: EnsembleArray?
    /// The thresholding ensembles of that pair, once added.
    public internal(set) var thresholdEnsembles: EnsembleArray?
    /// Clean 0/1 utilities, once ``addThresholdToOutputs(neurons:inhibitScale:)`` made them.
    public internal(set) var thresholdedUtilities: Node?
    /// The ensembles of ``addDefaultOutputVector(_:outputName:neurons:minActivationValue:)``.
    public internal(set) var defaultVectorEnsembles: [Ensemble] = []
    /// Whether ``addWTANetwork(inhibitScale:inhibitSynapse:)`` has run.
    public internal(set) var hasWTANetwork = false

    /// The connections from the utilities into the outputs and default vectors; adding
    /// thresholds re-routes them (remove, then connect from the thresholded utilities).
    var outputConnections: [Connection] = []
    var defaultVectorInhibitions: [Connection] = []

    /// What drives the outputs and default vectors: the thresholded utilities once added,
    /// else the utilities.
    var selection: Node { thresholdedUtilities ?? utilities }

    /// How errors name this memory: `AssociativeMemory 'label'`.
    let name: String

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - inputVectors: one vector per item (all the same length D), compared with the
    ///     input by dot product.
    ///   - outputVectors: one vector per item, produced when the item matches (all the same
    ///     length); nil for the input vectors (a clean-up memory).
    ///   - neurons: neurons per item.
    ///   - threshold: the similarity an item's input must exceed, one for all or one each.
    ///   - inputScales: a factor on each item's similarity, one for all or one each.
    ///   - inhibitable: adds ``inhibit``.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for no items, mismatched item counts or vector lengths,
    ///   the wrong number of thresholds or scales, or `neurons` < 1.
    public init(
        in parent: Network, label: String = "AssociativeMemory", inputVectors: [[Double]],
        outputVectors: [[Double]]? = nil, neurons: Int = 50, threshold: ItemValues = 0.3, inputScales: ItemValues = 1,
        inhibitable: Bool = false, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "AssociativeMemory '\(label)'"
        guard !inputVectors.isEmpty else {
            throw .validation(name, "inputVectors", "the number of input vectors (items) cannot be 0")
        }
        let items = inputVectors.count
        _ = try AssociativeMemory.vectorLength(of: inputVectors, items: items, name, "inputVectors")
        if let outputVectors {
            guard outputVectors.count == items else {
                throw .validation(
                    name, "outputVectors",
                    "the number of output vectors (\(outputVectors.count)) does not match the number of input vectors (\(items))"
                )
            }
            _ = try AssociativeMemory.vectorLength(of: outputVectors, items: items, name, "outputVectors")
        }
        try Check.atLeast(neurons, 1, name, "neurons")
        let thresholds = try threshold.values(count: items, name, "threshold")
        _ = try inputScales.values(count: items, name, "inputScales")

        network = try parent.network(label: label, seed: seed, defaults: try AssociativeMemory.itemDefaults())
        self.name = name
        itemCount = items
        self.thresholds = thresholds
        bias = try network.node(label: "bias", output: 1)
        elementInput = try network.node(label: "element input", sizeIn: items)
        utilities = try network.node(label: "element output", sizeIn: items)
        var members: [Ensemble] = []
        for i in 0..<items {
            let ensemble = try network.ensemble(label: "\(label)[\(i)]", neurons: neurons, dimensions: 1)
            try network.connect(bias, to: ensemble, synapse: nil, transform: .scalar(-thresholds[i]))
            try network.connect(try elementInput[i], to: ensemble, synapse: nil)
            try network.connect(ensemble, to: try utilities[i], synapse: nil, function: AssociativeMemory.filteredStep)
            members.append(ensemble)
        }
        ensembles = members
        if inhibitable {
            let node = try network.node(label: "inhibit", sizeIn: 1)
            try network.connect(
                node, to: elementInput, synapse: nil,
                transform: .dense(Matrix(rows: items, columns: 1, repeating: -AssociativeMemory.inhibitWeight)))
            inhibit = node
        } else {
            inhibit = nil
        }
        try addInputMapping("input", vectors: inputVectors, scales: inputScales)
        try addOutputMapping("output", vectors: outputVectors ?? inputVectors)
    }

    /// The main input (D values).
    public var input: Node { inputs["input"]! }
    /// The main output: `Σ_i y_i w_i`.
    public var output: Node { outputs["output"]! }

    /// The weight of ``inhibit`` on everything it inhibits.
    static let inhibitWeight = 1.5

    /// The smoothed step from an item's value to its utility: `max(1 − e^(−15 x), 0)`.
    static func filteredStep(_ x: [Double]) -> [Double] {
        [max(-expm1(-15 * x[0]), 0)]
    }

    /// Defaults of the item ensembles (and default-vector ensembles): radius 1, intercepts
    /// `Exponential(0.15, 0, 1)`, encoders +1, eval points `Uniform(0, 1)`, 5000 of them.
    static func itemDefaults() throws(BrainKitError) -> ModelDefaults {
        var defaults = ModelDefaults()
        defaults.radius = 1
        defaults.intercepts = try Exponential(scale: 0.15, shift: 0, high: 1)
        defaults.encoders = try Choice([1])
        defaults.evalPoints = Uniform(0, 1)
        defaults.evalPointCount = 5000
        return defaults
    }
}
