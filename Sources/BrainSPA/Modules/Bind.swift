import BrainCore
import BrainNetworks

/// Binds two pointers of one vocabulary with neurons, in the vocabulary's algebra (nengo_spa's
/// `Bind`): `output ≈ left ⊛ right`, or with `unbindLeft` / `unbindRight` the inverse of
/// that input bound in its place (`unbindRight`: `left ⊛ right⁻¹`, recovering `a` from
/// `a ⊛ b` and `b`).
///
/// The network is the algebra's (``Algebra/makeBindingNetwork(in:label:neuronsPerProduct:dimensions:unbindLeft:unbindRight:)``):
/// for HRR a circular convolution, `neuronsPerDimension · 4(⌊D/2⌋ + 1)` neurons (D = 16:
/// 7,200); for VTB and TVTB `neuronsPerDimension · D^1.5`.
public final class Bind: PointerExpressible {
    /// The subnetwork holding the module's neurons and nodes.
    public let network: Network
    /// The vocabulary of both inputs and the output.
    public let vocabulary: Vocabulary
    /// The left operand.
    public let inputLeft: PointerInput
    /// The right operand.
    public let inputRight: PointerInput
    /// The bound pointer, unfiltered.
    public let output: PointerOutput
    /// The algebra's binding network.
    public let binding: BindingNetwork

    /// - Throws: `BrainKitError` naming the module: `neuronsPerDimension` < 1, or an
    ///   unbinding the algebra does not have.
    public init(
        in parent: Network, label: String = "Bind", vocabulary: Vocabulary, neuronsPerDimension: Int = 200,
        unbindLeft: Bool = false, unbindRight: Bool = false, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Bind '\(label)'"
        try Check.atLeast(neuronsPerDimension, 1, name, "neuronsPerDimension")
        network = try parent.network(label: label, seed: seed)
        self.vocabulary = vocabulary
        do {
            binding = try vocabulary.algebra.makeBindingNetwork(
                in: network, label: "binding", neuronsPerProduct: neuronsPerDimension,
                dimensions: vocabulary.dimensions, unbindLeft: unbindLeft, unbindRight: unbindRight)
        } catch {
            throw BrainKitError(error.kind, object: name, parameter: error.parameter, message: error.message)
        }
        inputLeft = PointerInput(binding.inputLeft, vocabulary: vocabulary, name: "\(name) left input")
        inputRight = PointerInput(binding.inputRight, vocabulary: vocabulary, name: "\(name) right input")
        output = PointerOutput(binding.output, vocabulary: vocabulary, name: "\(name) output")
    }

    /// The output, for expressions.
    public var pointerExpression: PointerExpression { output.pointerExpression }

    /// The number of neurons.
    public var neuronCount: Int { binding.network.neuronCount }
}
