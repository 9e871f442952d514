import Foundation

/// The R_d quasirandom sequence on the unit cube [0, 1)^d (Roberts, "The unreasonable
/// effectiveness of quasirandom sequences"), randomly offset and shuffled, as Nengo's
/// `QuasirandomSequence()`.
///
/// An offset `s` is drawn uniformly in [0, 1)^d. For `d = 1` the points are the evenly spaced
/// grid `zᵢ = (s + i · (1/n)) mod 1`, i = 0…n−1. For `d > 1`, with `φ_d` the positive root of
/// `x^(d+1) = x + 1` and `α_j = (1/φ_d)^j` (j = 1…d), `zᵢ = (s + i · α) mod 1` for i = 1…n.
/// The rows are then shuffled. Points scatter far more evenly than independent uniform draws
/// (discrepancy `O(log^d n / n)` rather than `O(1/√n)`).
public struct QuasirandomSequence: Distribution {
    /// The sequence; its offset `s` and the shuffle come from the random state.
    public init() {}

    /// - Throws: ``BrainKitError`` when `dimensions < 1` or `count < 0`.
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, minimumDimensions: 1, "QuasirandomSequence")
        var offset = [Double](repeating: 0, count: dimensions)
        for j in 0..<dimensions {
            offset[j] = rng.uniform(0, 1)
        }
        var m = Matrix(rows: count, columns: dimensions)
        if dimensions == 1 {
            let spacing = 1 / Double(count)
            for i in 0..<count {
                m.values[i] = (offset[0] + spacing * Double(i)).truncatingRemainder(dividingBy: 1)
            }
        } else {
            let inverseRoot = 1 / QuasirandomSequence.generalizedGoldenRatio(dimensions)
            let alpha = (1...dimensions).map { pow(inverseRoot, Double($0)) }
            for i in 0..<count {
                let step = Double(i + 1)
                for j in 0..<dimensions {
                    m[i, j] = (offset[j] + step * alpha[j]).truncatingRemainder(dividingBy: 1)
                }
            }
        }
        rng.shuffleRows(&m)
        return m
    }

    /// `φ_d`, the positive root of `x^(d+1) = x + 1` (φ₁ is the golden ratio, φ₂ the plastic
    /// number), by Newton's method from x = 1 until a step is below 1e-10.
    static func generalizedGoldenRatio(_ dimensions: Int) -> Double {
        let d = Double(dimensions)
        var x = 1.0
        for _ in 0..<1000 {
            let next = x - (pow(x, d + 1) - x - 1) / ((d + 1) * pow(x, d) - 1)
            if abs(next - x) < 1e-10 { return next }
            x = next
        }
        return x
    }

    public var description: String { "QuasirandomSequence()" }
}
