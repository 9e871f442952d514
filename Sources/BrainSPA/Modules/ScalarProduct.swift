import BrainCore
import BrainNetworks

/// The product of two numbers, computed with neurons (nengo_spa's `Product` module): a
/// one-dimensional `Product` network of `neurons` neurons.
public final class ScalarProduct: ScalarExpressible {
    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The one-dimensional product network.
    public let product: Product
    /// The first number.
    public let inputA: ScalarInput
    /// The second number.
    public let inputB: ScalarInput
    /// `a · b`, unfiltered.
    public let output: ScalarOutput

    /// - Throws: `BrainKitError` when `neurons` < 1.
    public init(in parent: Network, label: String = "ScalarProduct", neurons: Int = 200, seed: Int? = nil)
        throws(BrainKitError)
    {
        let name = "ScalarProduct '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label, seed: seed)
        product = try Product(in: network, neurons: neurons, dimensions: 1)
        inputA = ScalarInput(product.inputA, name: "\(name) input A")
        inputB = ScalarInput(product.inputB, name: "\(name) input B")
        output = ScalarOutput(product.output, name: "\(name) output")
    }

    /// The output, for expressions.
    public var scalarExpression: ScalarExpression { output.scalarExpression }
}
