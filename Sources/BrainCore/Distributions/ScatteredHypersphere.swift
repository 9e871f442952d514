import Foundation

/// Quasirandom points scattered evenly over the surface of the unit hypersphere or in the unit
/// ball: Nengo's default for encoders (`surface: true`) and evaluation points (the ball).
///
/// Points come from `base` (a ``QuasirandomSequence`` by default), so they cover the sphere
/// with discrepancy close to `O(1/n)` instead of the `O(1/√n)` of independent draws.
///
/// - `d = 1`, surface: `sign(v − 1/2)` for `n` base values `v`, which is exactly balanced ±1
///   for even `n`.
/// - `d = 1`, ball: `⌊n/2⌋` base values `p` and then `n − ⌊n/2⌋` values `q`, each mapped
///   `v ← v (1 − minMagnitude) + minMagnitude`; the rows `[p; −q]` are shuffled. With the
///   default base these are two evenly spaced grids, on [0, 1) and (−1, 0], each with a random
///   offset.
/// - `d ≥ 2`: base points of `d − 1` (surface) or `d` (ball) columns. The first `d − 1` columns
///   go through the exact `SphericalCoordinateTransform` (Nengo's `method='sct'`); for the
///   ball the last column `v` gives the radius `(v (1 − m^d) + m^d)^(1/d)` with
///   `m = minMagnitude`. The points are finally rotated at random: `x ← x · Q` with
///   `Q = U · Vᵀ` from the SVD `M = U S Vᵀ` of a `d x d` matrix `M` of standard normals
///   (drawn row-major).
///
/// For `d ≥ 2`, Nengo's default `method='sct-approx'` replaces the inverse incomplete beta
/// function by interpolation in a table, which moves points by up to about 1e-2; BrainKit
/// always computes the exact transform, so it matches Nengo's `method='sct'` (to about 1e-12)
/// rather than its default. For `d = 1` both methods are the same and BrainKit's draws equal
/// Nengo's bit for bit.
public struct ScatteredHypersphere: Distribution {
    /// Points on the surface (`true`) or in the ball (`false`).
    public let surface: Bool
    /// The smallest norm of a ball point, in [0, 1); ignored on the surface (Nengo warns).
    public let minMagnitude: Double
    /// The source of points in the unit cube (values in [0, 1)).
    public let base: any Distribution

    /// Points on the surface or in the whole ball, from `base`.
    public init(surface: Bool = false, base: any Distribution = QuasirandomSequence()) {
        self.surface = surface
        self.minMagnitude = 0
        self.base = base
    }

    /// - Throws: ``BrainKitError`` unless `0 ≤ minMagnitude < 1`.
    public init(
        surface: Bool = false, minMagnitude: Double, base: any Distribution = QuasirandomSequence()
    ) throws(BrainKitError) {
        try Check.atLeast(minMagnitude, 0, "ScatteredHypersphere", "minMagnitude")
        guard minMagnitude < 1 else {
            throw .validation(
                "ScatteredHypersphere", "minMagnitude", "must be < 1, got \(Check.format(minMagnitude))")
        }
        self.surface = surface
        self.minMagnitude = minMagnitude
        self.base = base
    }

    /// - Throws: ``BrainKitError`` when `dimensions < 1` or `count < 0`, whatever `base`
    ///   throws, or a ``BrainKitError/Kind/linearAlgebra`` error if the rotation's SVD fails.
    public func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        try Check.sampleShape(count: count, dimensions: dimensions, minimumDimensions: 1, "ScatteredHypersphere")
        if dimensions == 1 {
            return surface ? try signs(count: count, rng: &rng) : try twoGrids(count: count, rng: &rng)
        }
        let d = Double(dimensions)
        let cube = try base.sample(count: count, dimensions: surface ? dimensions - 1 : dimensions, rng: &rng)
        var points = SphericalCoordinateTransform.map(
            surface ? cube : cube.selectingColumns(Array(0..<(dimensions - 1))))
        if !surface {
            let low = pow(minMagnitude, d)
            for r in 0..<count {
                let radius = pow(cube[r, dimensions - 1] * (1 - low) + low, 1 / d)
                for c in 0..<dimensions {
                    points[r, c] *= radius
                }
            }
        }
        return LinearAlgebra.multiply(points, try randomRotation(dimensions, rng: &rng))
    }

    public var description: String {
        var parts = [String]()
        if surface { parts.append("surface: true") }
        if minMagnitude != 0 { parts.append("minMagnitude: \(minMagnitude)") }
        if !(base is QuasirandomSequence) { parts.append("base: \(base)") }
        return "ScatteredHypersphere(\(parts.joined(separator: ", ")))"
    }

    // MARK: - Private

    /// One dimension, surface: the signs of the base values about 1/2.
    private func signs(count: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        var m = try base.sample(count: count, dimensions: 1, rng: &rng)
        for i in 0..<m.values.count {
            let v = m.values[i]
            m.values[i] = v > 0.5 ? 1 : (v < 0.5 ? -1 : (v == 0.5 ? 0 : .nan))
        }
        return m
    }

    /// One dimension, ball: a positive and a negative grid, shuffled together.
    private func twoGrids(count: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        let positiveCount = count / 2
        let positive = try base.sample(count: positiveCount, dimensions: 1, rng: &rng).values
        let negative = try base.sample(count: count - positiveCount, dimensions: 1, rng: &rng).values
        let lift = { (v: Double) in v * (1 - minMagnitude) + minMagnitude }
        var m = Matrix(column: positive.map(lift) + negative.map { -lift($0) })
        rng.shuffleRows(&m)
        return m
    }

    /// `Q = U · Vᵀ` from the SVD of a `d x d` matrix of standard normals drawn row-major.
    private func randomRotation(_ d: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        var normals = Matrix(rows: d, columns: d)
        for i in 0..<normals.values.count {
            normals.values[i] = rng.standardNormal()
        }
        let (u, _, vt) = try LinearAlgebra.svd(normals)
        return LinearAlgebra.multiply(u, vt)
    }
}
