/// Normally distributed values with the given mean and standard deviation (`rng.normal`).
public struct Gaussian: Distribution {
    /// The mean.
    public let mean: Double
    /// The standard deviation, > 0.
    public let std: Double

    /// - Throws: ``BrainKitError`` when `std` is not > 0.
    public init(mean: Double, std: Double) throws(BrainKitError) {
        try Check.finite([mean], "Gaussian", "mean")
        try Check.greaterThan(std, 0, "Gaussian", "std")
        self.mean = mean
        self.std = std
    }

    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "Gaussian")
        var m = Matrix(rows: count, columns: dimensions)
        for i in 0..<m.values.count {
            m.values[i] = rng.normal(mean: mean, std: std)
        }
        return m
    }

    public var description: String { "Gaussian(mean: \(mean), std: \(std))" }
}
