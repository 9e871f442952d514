/// The length of a `subdimensions`-element subvector of a uniformly random unit vector in
/// `R^dimensions`, as Nengo's `SubvectorLength(dimensions, subdimensions)`: the
/// ``SqrtBeta`` with `n = dimensions − subdimensions`, `m = subdimensions`, drawn exactly as it.
///
/// With `k = subdimensions` the density is
/// `2 x^(k−1) (1 − x²)^((dimensions − k)/2 − 1) / B(k/2, (dimensions − k)/2)` on [0, 1].
public struct SubvectorLength: Distribution {
    /// The dimensionality of the whole unit vector (not the column count of a draw).
    public let dimensions: Int
    /// The dimensionality of the subvector whose length is drawn.
    public let subdimensions: Int
    private let lengths: SqrtBeta

    /// - Throws: ``BrainKitError`` unless `1 ≤ subdimensions < dimensions`.
    public init(dimensions: Int, subdimensions: Int = 1) throws(BrainKitError) {
        try Check.atLeast(dimensions, 2, "SubvectorLength", "dimensions")
        try Check.atLeast(subdimensions, 1, "SubvectorLength", "subdimensions")
        guard subdimensions < dimensions else {
            throw .validation(
                "SubvectorLength", "subdimensions",
                "must be < dimensions (\(dimensions)), got \(subdimensions)")
        }
        self.dimensions = dimensions
        self.subdimensions = subdimensions
        self.lengths = try SqrtBeta(n: dimensions - subdimensions, m: subdimensions)
    }

    /// Draws `count x dimensions` lengths (here `dimensions` is the shape of the draw, not
    /// the vector's ``dimensions``).
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "SubvectorLength")
        return try lengths.sample(count: count, dimensions: dimensions, rng: &rng)
    }

    public var description: String {
        subdimensions == 1
            ? "SubvectorLength(dimensions: \(dimensions))"
            : "SubvectorLength(dimensions: \(dimensions), subdimensions: \(subdimensions))"
    }
}
