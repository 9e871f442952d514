import BrainCore

/// Circular convolution `c = a ⊛ b`, `c[i] = Σ_j a[j]·b[(i − j) mod D]` (Nengo's
/// `CircularConvolution`), the binding operation of holographic reduced representations.
///
/// In the Fourier domain the convolution is an element-wise product, `DFT(c) = DFT(a)·DFT(b)`.
/// The network folds the (half-spectrum, real-valued) transform into its connections: ``inputA``
/// and ``inputB`` reach a ``Product`` of `P = 4·(⌊D/2⌋ + 1)` dimensions through the transforms
/// of ``transforms(dimensions:invertA:invertB:)``, and the inverse transform takes the products
/// to ``output``. All three connections have no synapse, so ``output`` is unfiltered.
///
/// Neurons: `neurons·P` in all (about `2·neurons·D`), as in Nengo. The products x, y, z at
/// frequency 0 (and at D/2 for even D) always receive zero; they are kept so the network
/// matches Nengo's.
///
/// The product's `inputMagnitude` sets its ensembles' radius (`√2` times it), see
/// ``ProductMagnitude``: Nengo core's choice is the default; nengo_spa's smaller one is more
/// accurate for unit vectors of moderate D.
public final class CircularConvolution {
    /// How the inner ``Product``'s input magnitude `m_p` follows from `inputMagnitude` `m`.
    public enum ProductMagnitude: Sendable {
        /// `m_p = 2·m` (radius `2√2·m`): `nengo.networks.CircularConvolution`.
        case nengoCore
        /// `m_p = √2·m` (radius `2·m`): nengo_spa's copy, used by the SPA layer.
        case nengoSPA

        /// The product's input magnitude for an input magnitude `m`.
        public func productMagnitude(for inputMagnitude: Double) -> Double {
            switch self {
            case .nengoCore: 2 * inputMagnitude
            case .nengoSPA: 2.0.squareRoot() * inputMagnitude
            }
        }
    }

    /// The subnetwork holding the product and nodes.
    public let network: Network
    /// The first vector `a`: a passthrough node of ``dimensions`` values.
    public let inputA: Node
    /// The second vector `b`: a passthrough node of ``dimensions`` values.
    public let inputB: Node
    /// `a ⊛ b` (with the chosen inversions): a passthrough node of ``dimensions`` values,
    /// unfiltered.
    public let output: Node
    /// The element-wise product of the two spectra, `4·(⌊D/2⌋ + 1)` dimensions.
    public let product: Product
    /// D, the length of the vectors.
    public let dimensions: Int
    /// Whether `a` is replaced by its approximate inverse (involution) `a'[n] = a[−n mod D]`.
    public let invertA: Bool
    /// Whether `b` is replaced by its approximate inverse; true gives circular correlation.
    public let invertB: Bool
    /// The expected magnitude of the inputs' elements.
    public let inputMagnitude: Double

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: neurons per product (each product's two squaring ensembles get half).
    ///   - dimensions: D, the length of `a`, `b` and the result.
    ///   - invertA: convolve with the approximate inverse of `a` instead.
    ///   - invertB: convolve with the approximate inverse of `b` instead (circular correlation).
    ///   - inputMagnitude: the expected magnitude of the inputs (default 1, unit vectors).
    ///   - productMagnitude: how the product's input magnitude follows from it (default
    ///     ``ProductMagnitude/nengoCore``).
    ///   - seed: the subnetwork's seed; nil derives one from the parent.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for `neurons` or `dimensions` < 1, or an `inputMagnitude`
    ///   that is not a finite number > 0.
    public init(
        in parent: Network, label: String = "CircularConvolution", neurons: Int, dimensions: Int,
        invertA: Bool = false, invertB: Bool = false, inputMagnitude: Double = 1,
        productMagnitude: ProductMagnitude = .nengoCore, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "CircularConvolution '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.finite([inputMagnitude], name, "inputMagnitude")
        try Check.greaterThan(inputMagnitude, 0, name, "inputMagnitude")
        self.dimensions = dimensions
        self.invertA = invertA
        self.invertB = invertB
        self.inputMagnitude = inputMagnitude
        network = try parent.network(label: label, seed: seed)
        inputA = try network.node(label: "inputA", sizeIn: dimensions)
        inputB = try network.node(label: "inputB", sizeIn: dimensions)
        output = try network.node(label: "output", sizeIn: dimensions)

        let fourier = try CircularConvolution.transforms(dimensions: dimensions, invertA: invertA, invertB: invertB)
        product = try Product(
            in: network, neurons: neurons, dimensions: fourier.a.rows,
            inputMagnitude: productMagnitude.productMagnitude(for: inputMagnitude))
        try network.connect(inputA, to: product.inputA, synapse: nil, transform: .dense(fourier.a))
        try network.connect(inputB, to: product.inputB, synapse: nil, transform: .dense(fourier.b))
        try network.connect(product.output, to: output, synapse: nil, transform: .dense(fourier.output))
    }

    /// The number of products, `4·(⌊D/2⌋ + 1)`.
    public var productCount: Int { product.dimensions }
}
