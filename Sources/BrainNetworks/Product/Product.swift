import BrainCore

/// The element-wise product `a ⊙ b` of two `dimensions`-long vectors (Nengo's `Product`),
/// computed by the difference of squares (Gosmann 2015):
///
///     a·b = ½·((a + b)/√2)² − ½·((a − b)/√2)²
///
/// Two ``EnsembleArray``s of one-dimensional ensembles, ``squares1`` and ``squares2``
/// (Nengo's `sq1` and `sq2`), each with `max(1, neurons / 2)` neurons per dimension (an odd
/// neuron is dropped) and radius `inputMagnitude·√2`, represent `(a + b)/√2` and `(a − b)/√2`.
/// Each decodes its square; ``output`` receives `+½` of the first and `−½` of the second.
///
/// Every connection inside has no synapse: ``inputA`` and ``inputB`` reach the ensembles in the
/// same step, and ``output`` is the decoded value unfiltered (filter downstream). The whole
/// network lives in its own subnetwork (``network``); its ensembles take their other parameters
/// (neuron type, rates, ...) from the parent's defaults, so `Direct()` or `LIFRate()` set there
/// applies here too.
public final class Product {
    /// The subnetwork holding the arrays and nodes.
    public let network: Network
    /// The first factor `a`: a passthrough node of ``dimensions`` values.
    public let inputA: Node
    /// The second factor `b`: a passthrough node of ``dimensions`` values.
    public let inputB: Node
    /// The product `a ⊙ b`: a passthrough node of ``dimensions`` values, unfiltered.
    public let output: Node
    /// Represents `(a + b)/√2` and decodes its square (Nengo's `sq1`).
    public let squares1: EnsembleArray
    /// Represents `(a − b)/√2` and decodes its square (Nengo's `sq2`).
    public let squares2: EnsembleArray
    /// The number of products computed.
    public let dimensions: Int
    /// The magnitude the inputs are expected to stay within (per element).
    public let inputMagnitude: Double

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: neurons per product; each of the two squaring ensembles of a product gets
    ///     `max(1, neurons / 2)`.
    ///   - dimensions: the length of `a`, `b` and the product.
    ///   - inputMagnitude: the largest expected |aᵢ| and |bᵢ| (default 1); the squaring
    ///     ensembles get radius `inputMagnitude·√2`. For Gaussian or cosine-distributed inputs
    ///     scaling it by 1/√2 gives better accuracy (Nengo's advice).
    ///   - seed: the subnetwork's seed; nil derives one from the parent.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for `neurons` or `dimensions` < 1, or an `inputMagnitude`
    ///   that is not a finite number > 0.
    public init(
        in parent: Network, label: String = "Product", neurons: Int, dimensions: Int, inputMagnitude: Double = 1,
        seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Product '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.finite([inputMagnitude], name, "inputMagnitude")
        try Check.greaterThan(inputMagnitude, 0, name, "inputMagnitude")
        self.dimensions = dimensions
        self.inputMagnitude = inputMagnitude
        network = try parent.network(label: label, seed: seed)
        inputA = try network.node(label: "inputA", sizeIn: dimensions)
        inputB = try network.node(label: "inputB", sizeIn: dimensions)
        output = try network.node(label: "output", sizeIn: dimensions)

        var squaring = ModelDefaults()
        squaring.radius = inputMagnitude * 2.0.squareRoot()
        let neuronsPerSquare = max(1, neurons / 2)
        squares1 = try EnsembleArray(
            in: network, label: "sq1", neurons: neuronsPerSquare, ensembles: dimensions, defaults: squaring)
        squares2 = try EnsembleArray(
            in: network, label: "sq2", neurons: neuronsPerSquare, ensembles: dimensions, defaults: squaring)

        let half = Transform.scalar(1 / 2.0.squareRoot())
        try network.connect(inputA, to: squares1.input, synapse: nil, transform: half)
        try network.connect(inputB, to: squares1.input, synapse: nil, transform: half)
        try network.connect(inputA, to: squares2.input, synapse: nil, transform: half)
        try network.connect(inputB, to: squares2.input, synapse: nil, transform: .scalar(-1 / 2.0.squareRoot()))

        let square: ([Double]) -> [Double] = { x in [x[0] * x[0]] }
        let sum = try squares1.addOutput("square", function: square)
        let difference = try squares2.addOutput("square", function: square)
        try network.connect(sum, to: output, synapse: nil, transform: 0.5)
        try network.connect(difference, to: output, synapse: nil, transform: -0.5)
    }

    /// The total number of neurons: `2·dimensions·max(1, neurons / 2)`.
    public var neuronCount: Int {
        dimensions * (squares1.neuronsPerEnsemble + squares2.neuronsPerEnsemble)
    }

    /// A `1 × dimensions` row of `scale`: connected from ``output`` it sums the products, so the
    /// result is `scale·(a · b)`, the dot product.
    /// - Throws: `BrainKitError` when `dimensions` < 1 or `scale` is not finite.
    public static func dotProductTransform(dimensions: Int, scale: Double = 1) throws(BrainKitError) -> Matrix {
        try Check.atLeast(dimensions, 1, "Product", "dimensions")
        try Check.finite([scale], "Product", "scale")
        return Matrix(rows: 1, columns: dimensions, repeating: scale)
    }
}
