import BrainCore
import BrainNetworks

extension HRR {
    /// A `CircularConvolution` with nengo_spa's product radius (2 for unit inputs):
    /// `4·(⌊D/2⌋ + 1)` products of `neuronsPerProduct` neurons; unbinding an input convolves
    /// with its involution (approximate inverse).
    public func makeBindingNetwork(
        in parent: Network, label: String, neuronsPerProduct: Int, dimensions: Int, unbindLeft: Bool, unbindRight: Bool
    ) throws(BrainKitError) -> BindingNetwork {
        let convolution = try CircularConvolution(
            in: parent, label: label, neurons: neuronsPerProduct, dimensions: dimensions, invertA: unbindLeft,
            invertB: unbindRight, productMagnitude: .nengoSPA)
        return BindingNetwork(
            network: convolution.network, inputLeft: convolution.inputA, inputRight: convolution.inputB,
            output: convolution.output)
    }
}
