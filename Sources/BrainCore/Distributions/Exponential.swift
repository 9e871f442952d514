import Foundation

/// Exponentially distributed values, shifted and optionally clipped below `high`:
/// `x = shift − scale · ln(1 − u)` with `u` uniform in [0, 1), then clipped to
/// `[shift, nextDown(high)]`, as Nengo's `Exponential(scale, shift, high)`.
///
/// The density is `(1/scale) · exp(−(x − shift)/scale)` for `shift ≤ x < high`; all the mass
/// at or above `high` lands on the largest Double below `high`, which makes the values useful
/// as thresholds.
public struct Exponential: Distribution {
    /// The scale `1/λ` (the mean of the unshifted, unclipped distribution).
    public let scale: Double
    /// The smallest value drawn.
    public let shift: Double
    /// Values at or above `high` are clipped to just below it (`.infinity`: no clipping).
    public let high: Double

    /// - Throws: ``BrainKitError`` when `scale` is not a finite value > 0, `shift` is not
    ///   finite or `high` is NaN.
    public init(scale: Double, shift: Double = 0, high: Double = .infinity) throws(BrainKitError) {
        try Check.positiveFinite(scale, "Exponential", "scale")
        try Check.finite([shift], "Exponential", "shift")
        guard !high.isNaN else {
            throw .validation("Exponential", "high", "must not be NaN")
        }
        self.scale = scale
        self.shift = shift
        self.high = high
    }

    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, "Exponential")
        let ceiling = high.nextDown
        var m = Matrix(rows: count, columns: dimensions)
        for i in 0..<m.values.count {
            let x = rng.exponential(scale: scale) + shift
            m.values[i] = min(max(x, shift), ceiling)
        }
        return m
    }

    public var description: String {
        var parts = ["scale: \(scale)"]
        if shift != 0 { parts.append("shift: \(shift)") }
        if high != .infinity { parts.append("high: \(high)") }
        return "Exponential(\(parts.joined(separator: ", ")))"
    }
}
