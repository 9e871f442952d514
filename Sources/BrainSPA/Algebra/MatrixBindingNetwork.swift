import BrainCore
import BrainNetworks

/// The neural binding of the matrix algebras: every term of the matrix product as one
/// product of two numbers, summed into the result.
///
/// VTB computes `R = √s·A·Bᵀ`, so `R[i][j] = √s·Σₖ A[i][k]·B[j][k]`; TVTB computes
/// `R = √s·A·B`, `R[i][j] = √s·Σₖ A[i][k]·B[k][j]`. Either is s³ = D^1.5 products (a
/// `Product` of that many dimensions, inputs and output wired by index), whose ensembles
/// take intercepts and eval points from `CosineSimilarity(D + 2)`, the distribution of one
/// element of a random unit vector. Unbinding an input feeds its inverse (the transpose) in
/// its place.
enum MatrixBindingNetwork {
    static func make(
        in parent: Network, label: String, neuronsPerProduct: Int, dimensions d: Int, transposedRight: Bool,
        invertLeft: Bool, invertRight: Bool
    ) throws(BrainKitError) -> BindingNetwork {
        guard let s = SquareMatrixVectors.side(d) else {
            throw BrainKitError(
                .validation, object: "Binding network '\(label)'", parameter: "dimensions",
                message: "must be a square number, got \(d)")
        }
        var defaults = ModelDefaults()
        defaults.intercepts = try CosineSimilarity(dimensions: d + 2)
        defaults.evalPoints = try CosineSimilarity(dimensions: d + 2)
        let network = try parent.network(label: label, defaults: defaults)
        let left = try network.node(label: "inputLeft", sizeIn: d)
        let right = try network.node(label: "inputRight", sizeIn: d)
        let output = try network.node(label: "output", sizeIn: d)
        let count = s * s * s
        let product = try Product(in: network, neurons: neuronsPerProduct, dimensions: count)
        var leftMap = Matrix(rows: count, columns: d), rightMap = Matrix(rows: count, columns: d)
        var sum = Matrix(rows: d, columns: count)
        let transposition = SquareMatrixVectors.transposition(dimensions: d, side: s)
        for i in 0..<s {
            for j in 0..<s {
                for k in 0..<s {
                    let p = (i * s + j) * s + k
                    leftMap[p, i * s + k] = 1
                    rightMap[p, transposedRight ? j * s + k : k * s + j] = 1
                    sum[i * s + j, p] = Double(s).squareRoot()
                }
            }
        }
        if invertLeft { leftMap = LinearAlgebra.multiply(leftMap, transposition) }
        if invertRight { rightMap = LinearAlgebra.multiply(rightMap, transposition) }
        try network.connect(left, to: product.inputA, synapse: nil, transform: .dense(leftMap))
        try network.connect(right, to: product.inputB, synapse: nil, transform: .dense(rightMap))
        try network.connect(product.output, to: output, synapse: nil, transform: .dense(sum))
        return BindingNetwork(network: network, inputLeft: left, inputRight: right, output: output)
    }
}

extension VTB {
    /// s³ products computing `√s·A·Bᵀ` (see `MatrixBindingNetwork`). VTB has no left
    /// inverse: `unbindLeft` is an error.
    public func makeBindingNetwork(
        in parent: Network, label: String, neuronsPerProduct: Int, dimensions: Int, unbindLeft: Bool, unbindRight: Bool
    ) throws(BrainKitError) -> BindingNetwork {
        if unbindLeft {
            throw BrainKitError(
                .validation, object: "VTB binding network '\(label)'", parameter: "unbindLeft",
                message: "VTB has no left inverse; unbind on the right")
        }
        return try MatrixBindingNetwork.make(
            in: parent, label: label, neuronsPerProduct: neuronsPerProduct, dimensions: dimensions,
            transposedRight: true, invertLeft: false, invertRight: unbindRight)
    }
}

extension TVTB {
    /// s³ products computing `√s·A·B` (see `MatrixBindingNetwork`).
    public func makeBindingNetwork(
        in parent: Network, label: String, neuronsPerProduct: Int, dimensions: Int, unbindLeft: Bool, unbindRight: Bool
    ) throws(BrainKitError) -> BindingNetwork {
        try MatrixBindingNetwork.make(
            in: parent, label: label, neuronsPerProduct: neuronsPerProduct, dimensions: dimensions,
            transposedRight: false, invertLeft: unbindLeft, invertRight: unbindRight)
    }
}
