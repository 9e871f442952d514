/// Uniform values in [low, high) (`rng.uniform`), or integers in [low, high) when `integer`.
public struct Uniform: Distribution {
    public let low: Double
    public let high: Double
    public let integer: Bool

    public init(_ low: Double, _ high: Double, integer: Bool = false) {
        self.low = low
        self.high = high
        self.integer = integer
    }

    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        var m = Matrix(rows: count, columns: dimensions)
        for i in 0..<m.values.count {
            if integer {
                m.values[i] = Double(rng.randint(Int(low), Int(high)))
            } else {
                m.values[i] = rng.uniform(low, high)
            }
        }
        return m
    }

    public var description: String { "Uniform(\(low), \(high)\(integer ? ", integer" : ""))" }
}
