import BrainCore
import BrainNetworks

/// An associative memory over semantic pointers (nengo_spa's `IAAssocMem`,
/// `ThresholdingAssocMem` and `WTAAssocMem`): it recognises which of a set of input pointers
/// its input is like and gives the pointer each maps to, clean.
///
/// The input's similarity to each input pointer (a transform with the input pointers as rows,
/// through `Lowpass(0.005)`) drives a selection network with one ensemble group per item; the
/// selection's outputs, through `Lowpass(0.005)`, weight the output pointers (a transform with
/// the output pointers as columns). The selection decides what "like" means:
/// - ``Selection/thresholding(_:function:)``: every item whose similarity exceeds the
///   threshold, scaled by `function(similarity)` (nil: the similarity itself);
/// - ``Selection/winnerTakeAll(_:function:)``: the same with mutual inhibition, so only the
///   most similar item stays;
/// - ``Selection/independentAccumulators``: evidence accumulates until one item is chosen,
///   which stays until ``inputReset`` is driven.
///
/// Neurons: `neurons` per item (plus the default output's, when added).
public final class CleanupMemory: PointerExpressible, PointerSink {
    /// The selection network.
    public enum Selection {
        /// Every item above the threshold passes, scaled by `function` of its similarity.
        case thresholding(Double, function: ((Double) -> Double)? = nil)
        /// As thresholding, with mutual inhibition: only the most similar item stays.
        case winnerTakeAll(Double, function: ((Double) -> Double)? = nil)
        /// Independent accumulators: one item is chosen and held until ``inputReset`` is driven.
        case independentAccumulators
    }

    /// Which input pointers map to which output pointers.
    public enum Mapping {
        /// Every key of the input vocabulary to the same key of the output vocabulary.
        case byKey
        /// These keys, each to itself.
        case keys([String])
        /// Input expressions to output expressions, e.g. `("A*B", "C")`.
        case pairs([(input: String, output: String)])
    }

    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The vocabulary of the input.
    public let inputVocabulary: Vocabulary
    /// The vocabulary of the output.
    public let outputVocabulary: Vocabulary
    /// The noisy pointer arrives here.
    public let input: PointerInput
    /// The clean pointer the recognised items map to.
    public let output: PointerOutput
    /// The selection network's output: one value per item, in mapping order.
    public let selectionOutput: Node
    /// The input pointers' texts, in order.
    public let inputKeys: [String]
    /// Empties the accumulators while positive (``Selection/independentAccumulators`` only).
    public let inputReset: ScalarInput?
    /// The default output's ensemble, once ``addDefaultOutput(_:minimumActivation:neurons:)``
    /// made it.
    public private(set) var defaultEnsemble: Ensemble?

    private let name: String

    /// - Parameters:
    ///   - inputVocabulary: the vocabulary of the input (and of the mapping's input expressions).
    ///   - outputVocabulary: the vocabulary of the output (nil: the input's).
    ///   - mapping: which items there are and what they give.
    ///   - selection: how items are selected.
    ///   - neurons: neurons per item (default 50).
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - parent: the network to build in.
    /// - Throws: `BrainKitError` naming the memory: an empty mapping, an expression that does
    ///   not parse in its vocabulary, or an invalid selection parameter.
    public init(
        in parent: Network, label: String = "CleanupMemory", input inputVocabulary: Vocabulary,
        output outputVocabulary: Vocabulary? = nil, mapping: Mapping = .byKey, selection: Selection,
        neurons: Int = 50, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "CleanupMemory '\(label)'"
        let outputVocabulary = outputVocabulary ?? inputVocabulary
        let pairs: [(input: String, output: String)]
        switch mapping {
        case .byKey: pairs = inputVocabulary.keys.map { ($0, $0) }
        case .keys(let keys): pairs = keys.map { ($0, $0) }
        case .pairs(let given): pairs = given
        }
        guard !pairs.isEmpty else { throw .validation(name, "mapping", "must hold at least one item") }
        var inputRows: [[Double]] = [], outputColumns: [[Double]] = []
        for pair in pairs {
            do {
                inputRows.append(try inputVocabulary.parse(pair.input).vector)
                outputColumns.append(try outputVocabulary.parse(pair.output).vector)
            } catch {
                throw BrainKitError(.validation, object: name, parameter: "mapping", message: error.description)
            }
        }
        network = try parent.network(label: label, seed: seed)
        let count = pairs.count
        let selectionInput: Node
        do {
            switch selection {
            case .thresholding(let threshold, let function):
                let net = try Thresholding(
                    in: network, label: "selection", neurons: neurons, count: count, threshold: threshold, function: function)
                (selectionInput, selectionOutput, inputReset) = (net.input, net.output, nil)
            case .winnerTakeAll(let threshold, let function):
                let net = try WTA(
                    in: network, label: "selection", neurons: neurons, count: count, threshold: threshold, function: function)
                (selectionInput, selectionOutput, inputReset) = (net.input, net.output, nil)
            case .independentAccumulators:
                let net = try IA(in: network, label: "selection", neurons: neurons, count: count)
                (selectionInput, selectionOutput) = (net.input, net.output)
                inputReset = ScalarInput(net.inputReset, name: "\(name) input reset")
            }
        } catch {
            throw BrainKitError(error.kind, object: name, parameter: "selection", message: error.description)
        }
        let inputNode = try network.node(label: "input", sizeIn: inputVocabulary.dimensions)
        let outputNode = try network.node(label: "output", sizeIn: outputVocabulary.dimensions)
        try network.connect(inputNode, to: selectionInput, transform: .dense(Matrix(inputRows)))
        try network.connect(selectionOutput, to: outputNode, transform: .dense(Matrix(outputColumns).transposed))
        self.inputVocabulary = inputVocabulary
        self.outputVocabulary = outputVocabulary
        self.inputKeys = pairs.map(\.input)
        self.name = name
        input = PointerInput(inputNode, vocabulary: inputVocabulary, name: "\(name) input")
        output = PointerOutput(outputNode, vocabulary: outputVocabulary, name: "\(name) output")
    }

    /// The output, for expressions.
    public var pointerExpression: PointerExpression { output.pointerExpression }
    /// The input, for routes.
    public var pointerInput: PointerInput { input }

    /// Gives `key` (an expression of the output vocabulary) while no item's selection output
    /// reaches `minimumActivation`: an ensemble of `neurons` thresholding neurons driven by 1
    /// and inhibited by `Σ selection / minimumActivation`, decoding `max(x, 0)` times the key.
    /// - Throws: `BrainKitError` when a default output exists already, `minimumActivation`
    ///   is not > 0, or `key` does not parse.
    public func addDefaultOutput(_ key: String, minimumActivation: Double, neurons: Int = 50) throws(BrainKitError) {
        guard defaultEnsemble == nil else { throw .validation(name, "addDefaultOutput", "a default output exists already") }
        try Check.positiveFinite(minimumActivation, name, "minimumActivation")
        let vector: [Double]
        do {
            vector = try outputVocabulary.parse(key).vector
        } catch {
            throw BrainKitError(.validation, object: name, parameter: "default output", message: error.description)
        }
        let defaults = try ModelDefaults.thresholdingEnsembles(threshold: 0)
        let ensemble = try network.ensemble(
            label: "default", neurons: neurons, dimensions: 1, encoders: defaults.encoders, intercepts: defaults.intercepts,
            evalPoints: defaults.evalPoints)
        let bias = try network.node(label: "default bias", output: 1)
        try network.connect(bias, to: ensemble)
        // Thresholding neurons rectify by themselves; a Direct ensemble needs the rectification
        // computed.
        let rectified: (([Double]) -> [Double])? = ensemble.neuronType.isDirect ? { [Swift.max($0[0], 0)] } : nil
        try network.connect(ensemble, to: output.node, function: rectified, transform: .dense(Matrix(column: vector)))
        try network.connect(
            selectionOutput, to: ensemble,
            transform: .dense(Matrix(rows: 1, columns: inputKeys.count, repeating: -1 / minimumActivation)))
        defaultEnsemble = ensemble
    }
}
