import COpenBLAS

/// Single-precision products for large decoder solves (sgemm, ssyrk).
extension LinearAlgebra {
    /// `op(a) · op(b)` with `op` transposing when asked (sgemm).
    static func multiply(
        _ a: SingleMatrix, _ b: SingleMatrix, transposeA: Bool = false, transposeB: Bool = false
    ) -> SingleMatrix {
        _ = singleThreaded
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition(k == (transposeB ? b.columns : b.rows), "LinearAlgebra.multiply: inner sizes differ")
        var c = SingleMatrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.values.withUnsafeMutableBufferPointer { cp in
                    cblas_sgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1.0, ap.baseAddress, Int32(a.columns), bp.baseAddress,
                        Int32(b.columns), 0.0, cp.baseAddress, Int32(n))
                }
            }
        }
        return c
    }

    /// The lower triangle (and diagonal) of `aᵀ·a`, accumulated in Float32 (ssyrk) and returned
    /// in `Double`; the upper triangle is zero. Enough for ``choleskySolve(_:_:)``.
    static func lowerGram(_ a: SingleMatrix) -> Matrix {
        singleLowerSyrk(a, transpose: true)
    }

    /// The lower triangle of `aᵀ·a` (`transpose`) or `a·aᵀ`, by ssyrk, in `Double`; the upper
    /// triangle is zero.
    static func singleLowerSyrk(_ a: SingleMatrix, transpose: Bool) -> Matrix {
        _ = singleThreaded
        let n = transpose ? a.columns : a.rows
        let k = transpose ? a.rows : a.columns
        var c = Matrix(rows: n, columns: n)
        if n == 0 || k == 0 { return c }
        var result = [Float](repeating: 0, count: n * n)
        a.values.withUnsafeBufferPointer { ap in
            result.withUnsafeMutableBufferPointer { cp in
                cblas_ssyrk(
                    CblasRowMajor, CblasLower, transpose ? CblasTrans : CblasNoTrans, Int32(n), Int32(k), 1.0,
                    ap.baseAddress, Int32(a.columns), 0.0, cp.baseAddress, Int32(n))
            }
        }
        for r in 0..<n {
            for col in 0...r { c.values[r * n + col] = Double(result[r * n + col]) }
        }
        return c
    }
}
