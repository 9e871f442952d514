/// Plain-Swift dense arithmetic for the few-by-few matrices of filter design (state-space
/// models have a handful of states): products, linear combinations, the 1-norm and an LU
/// solve with partial pivoting. Build-time only; never called per simulation step.
enum SmallDense {
    /// The product `a * b`.
    /// - Precondition: `a.columns == b.rows`.
    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "SmallDense.product: \(a.rows)x\(a.columns) * \(b.rows)x\(b.columns)")
        var out = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<b.columns {
                    out[i, j] += aik * b[k, j]
                }
            }
        }
        return out
    }

    /// The linear combination `Σ coefficient_i * matrix_i` of equally shaped matrices.
    /// - Precondition: at least one term; all terms have the same shape.
    static func combination(_ terms: [(Double, Matrix)]) -> Matrix {
        precondition(!terms.isEmpty, "SmallDense.combination: no terms")
        let rows = terms[0].1.rows, columns = terms[0].1.columns
        var out = Matrix(rows: rows, columns: columns)
        for (coefficient, m) in terms {
            precondition(m.rows == rows && m.columns == columns, "SmallDense.combination: shape mismatch")
            for i in 0..<out.values.count {
                out.values[i] += coefficient * m.values[i]
            }
        }
        return out
    }

    /// The 1-norm (largest absolute column sum).
    static func oneNorm(_ a: Matrix) -> Double {
        var best = 0.0
        for j in 0..<a.columns {
            var sum = 0.0
            for i in 0..<a.rows { sum += abs(a[i, j]) }
            best = max(best, sum)
        }
        return best
    }

    /// Solves `a * x = b` by Gaussian elimination with partial pivoting.
    /// - Returns: `x` (same shape as `b`), or nil when `a` is singular to working precision.
    /// - Precondition: `a` is square and `b.rows == a.rows`.
    static func solve(_ a: Matrix, _ b: Matrix) -> Matrix? {
        precondition(a.rows == a.columns && b.rows == a.rows, "SmallDense.solve: incompatible shapes")
        let n = a.rows
        var lu = a
        var x = b
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<n where abs(lu[i, k]) > abs(lu[pivot, k]) {
                pivot = i
            }
            guard lu[pivot, k] != 0, lu[pivot, k].isFinite else { return nil }
            if pivot != k {
                swapRows(&lu, k, pivot)
                swapRows(&x, k, pivot)
            }
            for i in (k + 1)..<n {
                let factor = lu[i, k] / lu[k, k]
                if factor == 0 { continue }
                for j in k..<n { lu[i, j] -= factor * lu[k, j] }
                for j in 0..<x.columns { x[i, j] -= factor * x[k, j] }
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<x.columns {
                var sum = x[k, j]
                for i in (k + 1)..<n { sum -= lu[k, i] * x[i, j] }
                x[k, j] = sum / lu[k, k]
            }
        }
        return x
    }

    private static func swapRows(_ m: inout Matrix, _ r1: Int, _ r2: Int) {
        for j in 0..<m.columns {
            let t = m[r1, j]
            m[r1, j] = m[r2, j]
            m[r2, j] = t
        }
    }
}
