import BrainCore
import BrainNetworks

/// The dot product of two pointers of one vocabulary, computed with neurons (nengo_spa's
/// `Compare`): a `Product` of D element-wise products (`neuronsPerDimension` each, radius
/// √2) whose ensembles' intercepts and eval points follow `CosineSimilarity(D + 2)`, summed
/// into one number.
///
/// Neurons: `neuronsPerDimension · D`.
public final class Compare: ScalarExpressible {
    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The vocabulary of both inputs.
    public let vocabulary: Vocabulary
    /// The first pointer.
    public let inputA: PointerInput
    /// The second pointer.
    public let inputB: PointerInput
    /// `a · b`, unfiltered.
    public let output: ScalarOutput
    /// The element-wise products, summed into ``output``.
    public let product: Product

    /// - Throws: `BrainKitError` when `neuronsPerDimension` < 1.
    public init(
        in parent: Network, label: String = "Compare", vocabulary: Vocabulary, neuronsPerDimension: Int = 200,
        seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Compare '\(label)'"
        try Check.atLeast(neuronsPerDimension, 1, name, "neuronsPerDimension")
        let d = vocabulary.dimensions
        var defaults = ModelDefaults()
        defaults.intercepts = try CosineSimilarity(dimensions: d + 2)
        defaults.evalPoints = try CosineSimilarity(dimensions: d + 2)
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        self.vocabulary = vocabulary
        product = try Product(in: network, neurons: neuronsPerDimension, dimensions: d)
        let sum = try network.node(label: "output", sizeIn: 1)
        try network.connect(
            product.output, to: sum, synapse: nil, transform: .dense(Matrix(rows: 1, columns: d, repeating: 1)))
        inputA = PointerInput(product.inputA, vocabulary: vocabulary, name: "\(name) input A")
        inputB = PointerInput(product.inputB, vocabulary: vocabulary, name: "\(name) input B")
        output = ScalarOutput(sum, name: "\(name) output")
    }

    /// The output, for expressions.
    public var scalarExpression: ScalarExpression { output.scalarExpression }
}
