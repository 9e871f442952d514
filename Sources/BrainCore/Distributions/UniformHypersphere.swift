import Foundation

/// Points uniformly distributed over the surface of the unit hypersphere S^(d−1) or in the
/// unit ball, as Nengo's `UniformHypersphere(surface, min_magnitude)`.
///
/// Each point is a row of standard normals divided by its Euclidean norm (summed in numpy's
/// order); for the ball every row is then scaled by `r = U(minMagnitude^d, 1)^(1/d)`, so that
/// `minMagnitude ≤ ‖x‖ < 1` with the uniform-volume radius density `∝ r^(d−1)`.
/// All normals are drawn first (row-major), then the `count` radii. The draws equal Nengo's
/// exactly on the surface and for d = 1; in the ball for d ≥ 2 the radius `u^(1/d)` can differ
/// in the last bit, because numpy's vectorised `power` and the C library's `pow` round
/// differently in a few percent of cases.
public struct UniformHypersphere: Distribution {
    /// Points on the surface (`true`) or in the ball (`false`).
    public let surface: Bool
    /// The smallest norm of a ball point, in [0, 1); ignored on the surface (Nengo warns).
    public let minMagnitude: Double

    /// - Throws: ``BrainKitError`` unless `0 ≤ minMagnitude < 1`.
    public init(surface: Bool = false, minMagnitude: Double = 0) throws(BrainKitError) {
        try Check.atLeast(minMagnitude, 0, "UniformHypersphere", "minMagnitude")
        guard minMagnitude < 1 else {
            throw .validation("UniformHypersphere", "minMagnitude", "must be < 1, got \(Check.format(minMagnitude))")
        }
        self.surface = surface
        self.minMagnitude = minMagnitude
    }

    /// - Throws: ``BrainKitError`` when `dimensions < 1` or `count < 0`.
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, minimumDimensions: 1, "UniformHypersphere")
        var m = Matrix(rows: count, columns: dimensions)
        for i in 0..<m.values.count {
            m.values[i] = rng.standardNormal()
        }
        var squares = [Double](repeating: 0, count: dimensions)
        for r in 0..<count {
            for c in 0..<dimensions {
                squares[c] = m[r, c] * m[r, c]
            }
            let norm = PairwiseSum.sum(squares).squareRoot()
            for c in 0..<dimensions {
                m[r, c] /= norm
            }
        }
        if !surface {
            let d = Double(dimensions)
            let low = pow(minMagnitude, d)
            for r in 0..<count {
                let radius = pow(rng.uniform(low, 1), 1 / d)
                for c in 0..<dimensions {
                    m[r, c] *= radius
                }
            }
        }
        return m
    }

    public var description: String {
        var parts = [String]()
        if surface { parts.append("surface: true") }
        if minMagnitude != 0 { parts.append("minMagnitude: \(minMagnitude)") }
        return "UniformHypersphere(\(parts.joined(separator: ", ")))"
    }
}
