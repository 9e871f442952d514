import BrainCore

/// One number represented by a population (nengo_spa's `Scalar`): a 1-D ensemble of
/// `neurons` neurons between an input and an output node (no synapses inside).
public final class Scalar: ScalarExpressible, ScalarSink {
    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The 1-D ensemble representing the number.
    public let ensemble: Ensemble
    /// The routed number arrives here.
    public let input: ScalarInput
    /// The decoded value, unfiltered.
    public let output: ScalarOutput

    /// - Throws: `BrainKitError` when `neurons` < 1.
    public init(in parent: Network, label: String = "Scalar", neurons: Int = 50, seed: Int? = nil) throws(BrainKitError) {
        let name = "Scalar '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label, seed: seed)
        ensemble = try network.ensemble(label: "scalar", neurons: neurons, dimensions: 1)
        let inputNode = try network.node(label: "input", sizeIn: 1)
        let outputNode = try network.node(label: "output", sizeIn: 1)
        try network.connect(inputNode, to: ensemble, synapse: nil)
        try network.connect(ensemble, to: outputNode, synapse: nil)
        input = ScalarInput(inputNode, name: "\(name) input")
        output = ScalarOutput(outputNode, name: "\(name) output")
    }

    /// The output, for expressions.
    public var scalarExpression: ScalarExpression { output.scalarExpression }
    /// The input, for routes.
    public var scalarInput: ScalarInput { input }
}
