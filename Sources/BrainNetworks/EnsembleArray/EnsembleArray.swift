import BrainCore

/// Many independent ensembles treated as one wide representation (Nengo's `EnsembleArray`):
/// `ensembleCount` ensembles of `neuronsPerEnsemble` neurons, each representing
/// `dimensionsPerEnsemble` dimensions, `dimensions = ensembleCount · dimensionsPerEnsemble` in
/// all.
///
/// It lives in its own subnetwork (``network``). ``input`` (a passthrough node) feeds slice
/// `[i·d, (i+1)·d)` to ensemble i with no synapse; ``output`` collects the ensembles' decoded
/// values, again with no synapse (filter downstream). ``addOutput(_:function:synapse:solver:)``
/// adds further decoded outputs; ``addNeuronInput()`` and ``addNeuronOutput()`` reach the
/// neurons directly (for inhibition).
///
/// Ensemble parameters come from `defaults` (radius, intercepts, encoders, neuron type, ...),
/// which every sub-ensemble shares; what `defaults` leaves unset comes from the parent network.
public final class EnsembleArray {
    /// The subnetwork holding the ensembles and nodes.
    public let network: Network
    /// The sub-ensembles, in the order of the dimensions they represent.
    public let ensembles: [Ensemble]
    /// The array's input: a passthrough node of ``dimensions`` values.
    public let input: Node
    /// Neurons in each sub-ensemble.
    public let neuronsPerEnsemble: Int
    /// Dimensions each sub-ensemble represents.
    public let dimensionsPerEnsemble: Int
    /// Decoded outputs by name; `"output"` is the identity.
    public private(set) var outputs: [String: Node] = [:]
    /// A node driving every neuron directly, once ``addNeuronInput()`` made it.
    public private(set) var neuronInput: Node?
    /// A node collecting every neuron's output, once ``addNeuronOutput()`` made it.
    public private(set) var neuronOutput: Node?

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: neurons per ensemble.
    ///   - ensembles: the number of ensembles.
    ///   - dimensionsPerEnsemble: dimensions each ensemble represents (default 1).
    ///   - defaults: parameters for every sub-ensemble (and connection solver).
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    /// - Throws: `BrainKitError` for sizes < 1 or an invalid ensemble parameter.
    public init(
        in parent: Network, label: String = "EnsembleArray", neurons: Int, ensembles: Int,
        dimensionsPerEnsemble: Int = 1, defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "EnsembleArray '\(label)'"
        try Check.atLeast(ensembles, 1, name, "ensembles")
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(dimensionsPerEnsemble, 1, name, "dimensionsPerEnsemble")
        let limit = MemoryBudget.available
        try Check.fits(bytes: Size.product(neurons, 8), limit: limit, "\(neurons) neurons per ensemble", name, "neurons")
        try Check.fits(
            bytes: Size.product(ensembles, neurons, dimensionsPerEnsemble, 8), limit: limit,
            "\(ensembles) ensembles of \(neurons) neurons and \(dimensionsPerEnsemble) dimensions", name, "ensembles")
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        neuronsPerEnsemble = neurons
        self.dimensionsPerEnsemble = dimensionsPerEnsemble
        var members: [Ensemble] = []
        for i in 0..<ensembles {
            members.append(
                try network.ensemble(label: "\(label)[\(i)]", neurons: neurons, dimensions: dimensionsPerEnsemble))
        }
        self.ensembles = members
        input = try network.node(label: "input", sizeIn: ensembles * dimensionsPerEnsemble)
        for (i, ensemble) in members.enumerated() {
            try network.connect(input[slice(i)], to: ensemble, synapse: nil)
        }
        try addOutput("output", function: nil)
    }

    /// The number of ensembles.
    public var ensembleCount: Int { ensembles.count }

    /// The total number of dimensions represented.
    public var dimensions: Int { ensembles.count * dimensionsPerEnsemble }

    /// The identity output: the ensembles' decoded values side by side.
    public var output: Node { outputs["output"]! }

    /// Adds a decoded output node called `name`: each ensemble's decoded `function` of its own
    /// value (the identity when nil) fills its slice, with `synapse` (default none).
    /// - Throws: `BrainKitError` when the name exists already.
    @discardableResult
    public func addOutput(
        _ name: String, function: (([Double]) -> [Double])?, synapse: (any Synapse)? = nil, solver: (any Solver)? = nil
    ) throws(BrainKitError) -> Node {
        try addOutput(name, functions: ensembles.map { _ in function }, synapse: synapse, solver: solver)
    }

    /// Adds a decoded output node with one function per ensemble (nil for the identity).
    /// - Throws: `BrainKitError` when the name exists or the count of functions is wrong.
    @discardableResult
    public func addOutput(
        _ name: String, functions: [(([Double]) -> [Double])?], synapse: (any Synapse)? = nil,
        solver: (any Solver)? = nil
    ) throws(BrainKitError) -> Node {
        guard outputs[name] == nil else {
            throw .validation(network.name, "output", "'\(name)' exists already")
        }
        guard functions.count == ensembles.count else {
            throw .validation(
                network.name, "functions", "need one function per ensemble (\(ensembles.count)), got \(functions.count)")
        }
        let zero = [Double](repeating: 0, count: dimensionsPerEnsemble)
        let widths = functions.map { $0?(zero).count ?? dimensionsPerEnsemble }
        let node = try network.node(label: name, sizeIn: widths.reduce(0, +))
        var start = 0
        for (ensemble, (function, width)) in zip(ensembles, zip(functions, widths)) {
            try network.connect(
                ensemble, to: node[start..<(start + width)], synapse: synapse, function: function, solver: solver)
            start += width
        }
        outputs[name] = node
        return node
    }

    /// A node of `neuronsPerEnsemble · ensembleCount` values added straight to the neurons'
    /// currents (times their gains), with no synapse. Made once; later calls return it.
    /// - Throws: `BrainKitError` when the ensembles are Direct (no neurons).
    @discardableResult
    public func addNeuronInput() throws(BrainKitError) -> Node {
        if let neuronInput { return neuronInput }
        try checkNeurons("addNeuronInput")
        let node = try network.node(label: "neuron input", sizeIn: neuronsPerEnsemble * ensembles.count)
        for (i, ensemble) in ensembles.enumerated() {
            let range = (i * neuronsPerEnsemble)..<((i + 1) * neuronsPerEnsemble)
            try network.connect(node[range], to: ensemble.neurons, synapse: nil)
        }
        neuronInput = node
        return node
    }

    /// A node collecting every neuron's output (spikes or rates), with no synapse. Made once;
    /// later calls return it.
    /// - Throws: `BrainKitError` when the ensembles are Direct (no neurons).
    @discardableResult
    public func addNeuronOutput() throws(BrainKitError) -> Node {
        if let neuronOutput { return neuronOutput }
        try checkNeurons("addNeuronOutput")
        let node = try network.node(label: "neuron output", sizeIn: neuronsPerEnsemble * ensembles.count)
        for (i, ensemble) in ensembles.enumerated() {
            let range = (i * neuronsPerEnsemble)..<((i + 1) * neuronsPerEnsemble)
            try network.connect(ensemble.neurons, to: node[range], synapse: nil)
        }
        neuronOutput = node
        return node
    }

    private func slice(_ i: Int) -> Range<Int> {
        (i * dimensionsPerEnsemble)..<((i + 1) * dimensionsPerEnsemble)
    }

    private func checkNeurons(_ method: String) throws(BrainKitError) {
        guard !ensembles[0].neuronType.isDirect else {
            throw .validation(network.name, method, "needs neurons, but the ensembles are Direct")
        }
    }
}
