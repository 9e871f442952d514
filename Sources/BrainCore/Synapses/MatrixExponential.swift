import Foundation

/// The matrix exponential `e^A = Σ A^k / k!` of a small square matrix, by Padé approximation
/// with scaling and squaring (N. J. Higham, "The scaling and squaring method for the matrix
/// exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005, Algorithm 2.3).
///
/// The degree m ∈ {3, 5, 7, 9, 13} is the smallest whose bound θ_m exceeds ‖A‖₁; beyond θ₁₃
/// the matrix is scaled by 2^-s so that ‖A/2^s‖₁ ≤ θ₁₃ and the result squared s times. The
/// diagonal Padé approximant r_m = (V − U)⁻¹(V + U) has a backward error below the double
/// unit roundoff for these bounds.
///
/// The matrix is first balanced by an exact power-of-two diagonal similarity
/// (Parlett–Reinsch), `e^A = D e^(D⁻¹AD) D⁻¹`, which keeps the badly scaled companion
/// matrices of filters (entries from 1e-3 to 1e8) from being over-scaled: the zero-order-hold
/// discretisation of `Alpha(1e-4)` at dt = 1e-3 is then accurate to ~1e-14 relative instead of
/// ~1e-9.
///
/// Used for zero-order-hold discretisation, `expm(dt·[[A, B], [0, 0]])`.
/// - Complexity: O(n³ (m/2 + s)) for an n x n matrix.
/// - Returns: nil when `a` has a non-finite entry.
func matrixExponential(_ a: Matrix) -> Matrix? {
    precondition(a.rows == a.columns, "matrixExponential: matrix must be square, got \(a.rows)x\(a.columns)")
    guard a.values.allSatisfy({ $0.isFinite }) else { return nil }
    let n = a.rows
    if n == 0 { return a }
    let (balanced, scales) = balance(a)
    guard var result = scaledPadeExponential(balanced) else { return nil }
    for i in 0..<n {
        for j in 0..<n { result[i, j] *= scales[i] / scales[j] }
    }
    return result
}

/// e^A by the degree-m Padé approximant, with scaling and squaring when ‖A‖₁ > θ₁₃.
private func scaledPadeExponential(_ a: Matrix) -> Matrix? {
    let norm = SmallDense.oneNorm(a)
    for (degree, theta) in PadeExponential.thresholds where norm <= theta {
        return PadeExponential.approximant(a, degree: degree)
    }
    let squarings = max(0, Int(ceil(log2(norm / PadeExponential.theta13))))
    guard var result = PadeExponential.approximant(a.scaled(by: pow(2, -Double(squarings))), degree: 13) else {
        return nil
    }
    for _ in 0..<squarings { result = SmallDense.product(result, result) }
    return result
}

/// Parlett–Reinsch balancing: a diagonal `D` of powers of two (so the similarity is exact)
/// such that `B = D⁻¹ A D` has each off-diagonal row and column sum of similar size.
/// Returns B and the diagonal of D. Rows or columns that are zero off the diagonal are left
/// alone.
private func balance(_ a: Matrix) -> (Matrix, [Double]) {
    var b = a
    var scales = [Double](repeating: 1, count: a.rows)
    b.values.withUnsafeMutableBufferPointer { values in
        scales.withUnsafeMutableBufferPointer { scale in
            MatrixBalancing.balance(values.baseAddress!, size: a.rows, scale: scale.baseAddress!)
        }
    }
    return (b, scales)
}

/// The Padé coefficients and degree bounds of Higham (2005), Table 2.3 and eq. (2.7).
private enum PadeExponential {
    static let theta13 = 5.371920351148152

    /// (m, θ_m) for the degrees tried without scaling.
    static let thresholds: [(Int, Double)] = [
        (3, 1.495585217958292e-2),
        (5, 2.539398330063230e-1),
        (7, 9.504178996162932e-1),
        (9, 2.097847961257068),
    ]

    /// b_0 ... b_m of the degree-m diagonal Padé approximant of e^x.
    static func coefficients(_ degree: Int) -> [Double] {
        switch degree {
        case 3: return [120, 60, 12, 1]
        case 5: return [30240, 15120, 3360, 420, 30, 1]
        case 7: return [17_297_280, 8_648_640, 1_995_840, 277_200, 25200, 1512, 56, 1]
        case 9:
            return [
                17_643_225_600, 8_821_612_800, 2_075_673_600, 302_702_400, 30_270_240, 2_162_160, 110_880, 3960,
                90, 1,
            ]
        default:
            return [
                64_764_752_532_480_000, 32_382_376_266_240_000, 7_771_770_303_897_600,
                1_187_353_796_428_800, 129_060_195_264_000, 10_559_470_521_600, 670_442_572_800,
                33_522_128_640, 1_323_241_920, 40_840_800, 960_960, 16380, 182, 1,
            ]
        }
    }

    /// r_m(A) = (V − U)⁻¹ (V + U), with U the odd and V the even part of the numerator
    /// polynomial p_m(A) = Σ b_j A^j. Nil if V − U is singular.
    static func approximant(_ a: Matrix, degree: Int) -> Matrix? {
        let b = coefficients(degree)
        let identity = Matrix.identity(a.rows)
        let a2 = SmallDense.product(a, a)
        let u: Matrix
        let v: Matrix
        if degree == 13 {
            let a4 = SmallDense.product(a2, a2)
            let a6 = SmallDense.product(a4, a2)
            let innerU = SmallDense.product(a6, SmallDense.combination([(b[13], a6), (b[11], a4), (b[9], a2)]))
            u = SmallDense.product(
                a, SmallDense.combination([(1, innerU), (b[7], a6), (b[5], a4), (b[3], a2), (b[1], identity)]))
            let innerV = SmallDense.product(a6, SmallDense.combination([(b[12], a6), (b[10], a4), (b[8], a2)]))
            v = SmallDense.combination([(1, innerV), (b[6], a6), (b[4], a4), (b[2], a2), (b[0], identity)])
        } else {
            // Even powers A^0, A^2, ..., A^(m-1).
            var powers = [identity]
            for _ in 1...(degree / 2) { powers.append(SmallDense.product(powers[powers.count - 1], a2)) }
            let odd = (0...(degree / 2)).map { (b[2 * $0 + 1], powers[$0]) }
            let even = (0...(degree / 2)).map { (b[2 * $0], powers[$0]) }
            u = SmallDense.product(a, SmallDense.combination(odd))
            v = SmallDense.combination(even)
        }
        return SmallDense.solve(
            SmallDense.combination([(1, v), (-1, u)]), SmallDense.combination([(1, v), (1, u)]))
    }
}
