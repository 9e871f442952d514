/// Uniform values in [low, high) (`rng.uniform`), or integers in [low, high) when `integer`.
public struct Uniform: Distribution {
    /// The lower bound (included).
    public let low: Double
    /// The upper bound (excluded).
    public let high: Double
    /// Whether to draw integers in `low..<high` (Nengo's `integer=True`).
    public let integer: Bool

    /// Values uniform in `[low, high)` (`rng.uniform`), or integers there when `integer`.
    public init(_ low: Double, _ high: Double, integer: Bool = false) {
        self.low = low
        self.high = high
        self.integer = integer
    }

    /// - Throws: ``BrainKitError`` when `count` or `dimensions` is negative, or for integer
    ///   draws when the bounds (truncated toward zero, as numpy's `randint` does) are not
    ///   finite, leave no integer in [low, high), or span more than 2^32 values.
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "Uniform")
        try Check.finite([low], "Uniform", "low")
        try Check.finite([high], "Uniform", "high")
        var m = Matrix(rows: count, columns: dimensions)
        if integer {
            let limit = 4_294_967_296.0
            guard low.isFinite, high.isFinite, abs(low) < limit, abs(high) < limit else {
                throw .validation("Uniform", "low", "and high must be finite and below 2^32 in magnitude for integer draws")
            }
            let lowInt = Int(low), highInt = Int(high)
            guard highInt > lowInt, highInt - lowInt <= Int(UInt32.max) + 1 else {
                throw .validation(
                    "Uniform", "high",
                    "must exceed low by at least 1 and at most 2^32 for integer draws, got [\(lowInt), \(highInt))")
            }
            for i in 0..<m.values.count {
                m.values[i] = Double(rng.randint(lowInt, highInt))
            }
        } else {
            for i in 0..<m.values.count {
                m.values[i] = rng.uniform(low, high)
            }
        }
        return m
    }

    public var description: String { "Uniform(\(low), \(high)\(integer ? ", integer" : ""))" }
}
