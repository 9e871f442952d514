/// Picks among `options` (rows; scalars are 1-D rows) with probabilities proportional to
/// `weights`: `index = searchsorted(cumsum(p), rand(n))`, as Nengo does (`p = weights / Σ weights`,
/// with the sum in numpy's pairwise order).
public struct Choice: Distribution {
    /// One option per row.
    public let options: Matrix
    /// Normalised probabilities, one per option.
    public let probabilities: [Double]

    /// Scalar options.
    public init(_ options: [Double], weights: [Double]? = nil) throws(BrainKitError) {
        try self.init(rows: Matrix(column: options), weights: weights)
    }

    /// Vector options, one per row of `rows`.
    /// - Throws: ``BrainKitError`` for a negative weight, weights summing to zero, or a
    ///   weight count that differs from the option count.
    public init(rows: Matrix, weights: [Double]? = nil) throws(BrainKitError) {
        guard rows.rows >= 1 else {
            throw .validation("Choice", "options", "must contain at least one option")
        }
        try Check.finite(rows.values, "Choice", "options")
        let w = weights ?? [Double](repeating: 1, count: rows.rows)
        guard w.count == rows.rows else {
            throw .validation("Choice", "weights", "must have one weight per option (\(rows.rows)), got \(w.count)")
        }
        try Check.finite(w, "Choice", "weights")
        guard w.allSatisfy({ $0 >= 0 }) else {
            throw .validation("Choice", "weights", "must all be non-negative")
        }
        let total = PairwiseSum.sum(w)
        guard total > 0 else {
            throw .validation("Choice", "weights", "must sum to a positive value")
        }
        self.options = rows
        self.probabilities = w.map { $0 / total }
    }

    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "Choice")
        guard dimensions == options.columns else {
            throw .validation(
                "Choice", "options",
                "have \(options.columns) dimensions but \(dimensions) were asked for")
        }
        var cumulative = [Double]()
        cumulative.reserveCapacity(probabilities.count)
        var running = 0.0
        for p in probabilities {
            running += p
            cumulative.append(running)
        }
        var m = Matrix(rows: count, columns: dimensions)
        for i in 0..<count {
            let u = rng.randomSample()
            // searchsorted (side = left): the first index whose cumulative value is >= u.
            var index = 0
            while index < cumulative.count - 1 && cumulative[index] < u { index += 1 }
            for c in 0..<dimensions { m[i, c] = options[index, c] }
        }
        return m
    }

    public var description: String { "Choice(\(options.rows) options)" }
}
