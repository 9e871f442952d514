import BrainCore

/// An array of thresholding ensembles (nengo_spa's `networks.selection.Thresholding`): one
/// 1-D ensemble per choice, each passing its input `u` on only when it exceeds `threshold`.
///
/// Each ensemble represents `x = u − threshold` (a constant node feeds `−threshold` through
/// the default `Lowpass(0.005)`) and uses `ModelDefaults/thresholdingEnsembles(threshold:interceptWidth:radius:)`
/// with threshold 0: intercepts `Exponential(interceptWidth, 0, radius)`, encoders +1, eval
/// points `Uniform(0, 1)` times the radius. Its neurons are silent for `x ≤ 0`, so
///
/// - ``thresholded`` = `max(u − threshold, 0)` (the raw array output);
/// - ``output`` = `u > threshold ? function(u) : 0`, decoded as `function(x + threshold)`
///   (the identity when `function` is nil, which gives back `u` above the threshold).
///
/// Both are fit on `0 ≤ x ≤ radius`, the range the ensembles represent. With `Direct()`
/// neurons that range is applied exactly: x is clipped to [0, radius] (0 at or below 0), so
/// Direct mode is the ideal thresholding. (Nengo's Direct mode passes `u − threshold` and
/// `function(u)` through unclipped, which leaves every input above threshold, makes ``WTA``
/// diverge and keeps ``IA``'s accumulators from resetting.)
public final class Thresholding {
    /// The subnetwork holding the array and the bias node.
    public let network: Network
    /// The thresholding ensembles (Nengo's `thresholding`), one per choice.
    public let array: EnsembleArray
    /// The constant node (1) that feeds `−threshold` to every ensemble.
    public let bias: Node
    /// The value an input must exceed to pass.
    public let threshold: Double
    /// The inputs, one per choice: a passthrough node of ``count`` values.
    public var input: Node { array.input }
    /// `max(u − threshold, 0)` per choice (within the radius), unfiltered.
    public let thresholded: Node
    /// `function(u)` per choice where `u > threshold`, else 0; unfiltered.
    public let output: Node

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: neurons per ensemble.
    ///   - count: the number of choices (ensembles).
    ///   - threshold: the value an input must exceed to produce an output.
    ///   - interceptWidth: the scale of the exponential intercept distribution above the
    ///     threshold (smaller: intercepts closer to the threshold).
    ///   - function: applied to the input above the threshold (nil: the identity).
    ///   - radius: the ensembles' radius; inputs up to `threshold + radius` are represented.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for `neurons` or `count` < 1, a non-finite threshold, or
    ///   `interceptWidth` or `radius` not > 0.
    public convenience init(
        in parent: Network, label: String = "Thresholding", neurons: Int, count: Int, threshold: Double,
        interceptWidth: Double = 0.15, function: ((Double) -> Double)? = nil, radius: Double = 1, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Thresholding '\(label)'"
        let defaults = try Thresholding.validated(
            name: name, neurons: neurons, count: count, threshold: threshold, interceptWidth: interceptWidth,
            radius: radius)
        try self.init(
            building: try parent.network(label: label, seed: seed), neurons: neurons, count: count,
            threshold: threshold, function: function, defaults: defaults)
    }

    /// Builds the thresholding parts into `network` (which ``WTA`` extends with inhibition).
    init(
        building network: Network, neurons: Int, count: Int, threshold: Double, function: ((Double) -> Double)?,
        defaults: ModelDefaults
    ) throws(BrainKitError) {
        self.network = network
        self.threshold = threshold
        array = try EnsembleArray(
            in: network, label: "thresholding", neurons: neurons, ensembles: count, defaults: defaults)
        bias = try network.node(label: "bias", output: 1)
        try network.connect(
            bias, to: array.input,
            transform: .dense(Matrix(rows: count, columns: 1, repeating: -threshold)))
        let radius = array.ensembles[0].radius
        thresholded = try array.clippedOutput(above: 0, upTo: radius)
        let shifted: ([Double]) -> [Double]
        if let function {
            shifted = { x in [x[0] > 0 ? function(min(x[0], radius) + threshold) : 0] }
        } else {
            shifted = { x in [x[0] > 0 ? min(x[0], radius) + threshold : 0] }
        }
        output = try array.addOutput("function", function: shifted)
    }

    /// The number of choices.
    public var count: Int { array.ensembleCount }

    /// Checks the parameters shared by ``Thresholding``, ``WTA`` and ``IA`` and returns the
    /// ensemble defaults (the thresholding preset at 0).
    static func validated(
        name: String, neurons: Int, count: Int, threshold: Double, interceptWidth: Double, radius: Double
    ) throws(BrainKitError) -> ModelDefaults {
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(count, 1, name, "count")
        try Check.finite([threshold], name, "threshold")
        try Check.finite([interceptWidth], name, "interceptWidth")
        try Check.greaterThan(interceptWidth, 0, name, "interceptWidth")
        try Check.finite([radius], name, "radius")
        try Check.greaterThan(radius, 0, name, "radius")
        return try ModelDefaults.thresholdingEnsembles(threshold: 0, interceptWidth: interceptWidth, radius: radius)
    }
}
