/// The square root of a beta-distributed value, as Nengo's `SqrtBeta(n, m)`:
/// `x = √B` with `B ~ Beta(m/2, n/2)` (``RandomState/beta(_:_:)``), one beta draw per value in
/// row-major order.
///
/// This is the length of an `m`-element subvector of a uniformly random unit vector in
/// `R^(n+m)`, with density `2 x^(m−1) (1 − x²)^(n/2 − 1) / B(m/2, n/2)` on [0, 1].
public struct SqrtBeta: Distribution {
    /// The number of dimensions outside the subvector (the beta's second shape is `n/2`).
    public let n: Int
    /// The subvector's length (the beta's first shape is `m/2`).
    public let m: Int

    /// - Throws: ``BrainKitError`` unless `n ≥ 1` and `m ≥ 1` (a zero shape has no beta
    ///   distribution; Nengo accepts it and fails when sampling).
    public init(n: Int, m: Int = 1) throws(BrainKitError) {
        try Check.atLeast(n, 1, "SqrtBeta", "n")
        try Check.atLeast(m, 1, "SqrtBeta", "m")
        self.n = n
        self.m = m
    }

    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "SqrtBeta")
        let a = Double(m) / 2, b = Double(n) / 2
        var values = Matrix(rows: count, columns: dimensions)
        for i in 0..<values.values.count {
            values.values[i] = rng.beta(a, b).squareRoot()
        }
        return values
    }

    public var description: String {
        m == 1 ? "SqrtBeta(n: \(n))" : "SqrtBeta(n: \(n), m: \(m))"
    }
}
