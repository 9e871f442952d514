/// Fixed values returned as they are, for places that take a ``Distribution`` (Nengo's
/// `Samples`). No random numbers are drawn.
public struct Samples: Distribution {
    /// One sample per row.
    public let samples: Matrix

    /// The rows of `samples`, one sample each.
    public init(_ samples: Matrix) {
        self.samples = samples
    }

    /// Scalar samples (a one-column matrix).
    public init(_ values: [Double]) {
        self.samples = Matrix(column: values)
    }

    /// Returns ``samples``.
    /// - Throws: ``BrainKitError`` unless `count` equals the number of rows and `dimensions`
    ///   the number of columns.
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        guard count == samples.rows else {
            throw .validation("Samples", "samples", "hold \(samples.rows) samples but \(count) were requested")
        }
        guard dimensions == samples.columns else {
            throw .validation(
                "Samples", "samples", "have \(samples.columns) dimensions but \(dimensions) were requested")
        }
        return samples
    }

    public var description: String { "Samples(count: \(samples.rows), dimensions: \(samples.columns))" }
}
