/// The cosine similarity (dot product) of two independent uniformly random unit vectors in
/// `R^dimensions`, equivalently one coordinate of a uniformly random unit vector, as Nengo's
/// `CosineSimilarity(dimensions)` (nengo_spa draws State and Compare intercepts and eval points
/// from it).
///
/// With `m = dimensions` the density is `(1 − x²)^((m − 3)/2) / B(1/2, (m − 1)/2)` on [−1, 1]:
/// `x = s·√B` with a sign `s` from `Choice([1, −1])` and `B ~ Beta(1/2, (m − 1)/2)`, i.e. the
/// ``SubvectorLength`` of a one-element subvector with a random sign. As Nengo does, all
/// `count · dimensions` signs are drawn first (one uniform each, row-major), then all the
/// lengths. `CosineSimilarity(d + 2)` is also the distribution of one coordinate of a point
/// uniform in the d-dimensional unit ball.
public struct CosineSimilarity: Distribution {
    /// The dimensionality of the unit vectors (not the column count of a draw).
    public let dimensions: Int
    private let lengths: SubvectorLength

    /// - Throws: ``BrainKitError`` unless `dimensions ≥ 2` (a 1-D unit vector is ±1; Nengo
    ///   fails when sampling it).
    public init(dimensions: Int) throws(BrainKitError) {
        try Check.atLeast(dimensions, 2, "CosineSimilarity", "dimensions")
        self.dimensions = dimensions
        self.lengths = try SubvectorLength(dimensions: dimensions)
    }

    /// Draws `count x dimensions` values (here `dimensions` is the shape of the draw, not the
    /// vectors' ``dimensions``).
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "CosineSimilarity")
        let signs = try Choice([1, -1]).sample(count: count * dimensions, rng: &rng)
        var values = try lengths.sample(count: count, dimensions: dimensions, rng: &rng)
        for i in 0..<values.values.count {
            values.values[i] *= signs[i]
        }
        return values
    }

    public var description: String { "CosineSimilarity(dimensions: \(dimensions))" }
}
