import BrainCore

/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations:
/// `m = Q·diag(λ)·Qᵀ`, with the eigenvectors as the columns of Q. Converges quadratically;
/// accurate to rounding for the s×s matrices (s = √D) of the matrix algebras.
struct SymmetricEigen {
    let values: [Double]
    /// Column k is the eigenvector of `values[k]`.
    let vectors: Matrix

    init(_ symmetric: Matrix) {
        let n = symmetric.rows
        var a = symmetric
        var q = Matrix.identity(n)
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for i in 0..<n { for j in (i + 1)..<n { offDiagonal += a[i, j] * a[i, j] } }
            if offDiagonal == 0 { break }
            for p in 0..<n {
                for r in (p + 1)..<n where a[p, r] != 0 {
                    let theta = (a[r, r] - a[p, p]) / (2 * a[p, r])
                    let t = (theta >= 0 ? 1 : -1) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akr = a[k, r]
                        a.values[k * n + p] = c * akp - s * akr
                        a.values[k * n + r] = s * akp + c * akr
                    }
                    for k in 0..<n {
                        let apk = a[p, k], ark = a[r, k]
                        a.values[p * n + k] = c * apk - s * ark
                        a.values[r * n + k] = s * apk + c * ark
                    }
                    for k in 0..<n {
                        let qkp = q[k, p], qkr = q[k, r]
                        q.values[k * n + p] = c * qkp - s * qkr
                        q.values[k * n + r] = s * qkp + c * qkr
                    }
                }
            }
        }
        values = (0..<n).map { a[$0, $0] }
        vectors = q
    }

    /// `Q·diag(f(λ))·Qᵀ`.
    func applying(_ function: (Double) -> Double) -> Matrix {
        let n = values.count
        var result = Matrix(rows: n, columns: n)
        let transformed = values.map(function)
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += vectors[i, k] * transformed[k] * vectors[j, k] }
                result.values[i * n + j] = sum
            }
        }
        return result
    }
}
