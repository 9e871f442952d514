import BrainCore
import Foundation

extension CircularConvolution {
    /// The three matrices that fold the discrete Fourier transform into the connections, so that
    /// `output · ((a · x) ⊙ (b · y))` is the circular convolution of `x` and `y` (a `D × P`
    /// matrix times the element-wise product of two `P`-vectors).
    ///
    /// With the half spectrum `W[k, n] = exp(−2πi·k·n/D)` for `k = 0…K−1`, `K = ⌊D/2⌋ + 1`, and
    /// `P = 4K`, the four products of frequency k are
    ///
    ///     w = Re F_k·Re G_k,  x = Im F_k·Im G_k,  y = Re F_k·Im G_k,  z = Im F_k·Re G_k
    ///
    /// where `F = W·x`, `G = W·y`. Row `4k + j` of `a` is `Re W[k]` for j ∈ {0, 2} and `Im W[k]`
    /// for j ∈ {1, 3}; row `4k + j` of `b` is `Re W[k]` for j ∈ {0, 3} and `Im W[k]` for
    /// j ∈ {1, 2}. So `F_k·G_k = (w − x) + i(y + z)`. An inverted input uses `conj(W[k])`, the
    /// spectrum of the involution `x'[n] = x[−n mod D]`.
    ///
    /// The output inverts the transform using the spectrum's symmetry: with `c_k = 1` for
    /// `k = 0` and `2k = D`, else 2, and `r_k[n] = c_k·exp(2πi·k·n/D)`, column `4k + j` of
    /// `output` holds `Re r_k / D` (w), `−Re r_k / D` (x), `−Im r_k / D` (y), `−Im r_k / D` (z).
    ///
    /// - Parameters:
    ///   - dimensions: D, the length of the vectors.
    ///   - invertA: use the approximate inverse (involution) of the first input.
    ///   - invertB: use the approximate inverse of the second input (circular correlation).
    /// - Returns: `a` and `b` (P × D) and `output` (D × P). In Double, the folded product
    ///   matches the direct sum of ``convolve(_:_:invertA:invertB:)`` to rounding error (the
    ///   tests check 1e-10 at D = 100 for Gaussian vectors).
    /// - Complexity: O(D²).
    /// - Throws: `BrainKitError` when `dimensions` < 1.
    public static func transforms(
        dimensions: Int, invertA: Bool = false, invertB: Bool = false
    ) throws(BrainKitError) -> (a: Matrix, b: Matrix, output: Matrix) {
        try Check.atLeast(dimensions, 1, "CircularConvolution", "dimensions")
        let d = dimensions, frequencies = d / 2 + 1
        let products = 4 * frequencies
        var a = Matrix(rows: products, columns: d)
        var b = Matrix(rows: products, columns: d)
        var output = Matrix(rows: d, columns: products)
        for k in 0..<frequencies {
            let weight = (k == 0 || 2 * k == d) ? 1.0 : 2.0
            for n in 0..<d {
                // The angle 2π·(k·n mod D)/D keeps the argument small, so cos and sin are exact
                // to the last bit or two.
                let angle = 2 * Double.pi * Double((k * n) % d) / Double(d)
                let real = cos(angle), imaginary = -sin(angle)  // W[k, n]
                let imaginaryA = invertA ? -imaginary : imaginary
                let imaginaryB = invertB ? -imaginary : imaginary
                a[4 * k, n] = real
                a[4 * k + 1, n] = imaginaryA
                a[4 * k + 2, n] = real
                a[4 * k + 3, n] = imaginaryA
                b[4 * k, n] = real
                b[4 * k + 1, n] = imaginaryB
                b[4 * k + 2, n] = imaginaryB
                b[4 * k + 3, n] = real
                // r_k[n] = c_k·conj(W[k, n]).
                let outReal = weight * real / Double(d), outImaginary = -weight * imaginary / Double(d)
                output[n, 4 * k] = outReal
                output[n, 4 * k + 1] = -outReal
                output[n, 4 * k + 2] = -outImaginary
                output[n, 4 * k + 3] = -outImaginary
            }
        }
        return (a, b, output)
    }

    /// The exact circular convolution, by the direct sum (O(D²), no FFT):
    ///
    ///     c[i] = Σ_j a'[j]·b'[(i − j) mod D]
    ///
    /// where `a'[j] = a[−j mod D]` when `invertA` (the involution, HRR's approximate inverse),
    /// else `a`, and likewise for `b`. `invertB` gives circular correlation.
    /// - Complexity: O(D²).
    /// - Throws: `BrainKitError` when the vectors are empty or differ in length.
    public static func convolve(
        _ a: [Double], _ b: [Double], invertA: Bool = false, invertB: Bool = false
    ) throws(BrainKitError) -> [Double] {
        try Check.atLeast(a.count, 1, "CircularConvolution", "a")
        try Check.count(b.count, a.count, "CircularConvolution", "b")
        let d = a.count
        let first = invertA ? involution(a) : a
        let second = invertB ? involution(b) : b
        return (0..<d).map { i in
            var sum = 0.0
            for j in 0..<d { sum += first[j] * second[(i - j + d) % d] }
            return sum
        }
    }

    /// `x'[n] = x[−n mod D]`: x[0] stays, the rest is reversed.
    private static func involution(_ x: [Double]) -> [Double] {
        x.indices.map { x[(x.count - $0) % x.count] }
    }
}
