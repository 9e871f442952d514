/// Parlett–Reinsch balancing of a small dense matrix, for matrix exponentials (synapse
/// discretisation here, exact integration of linear neuron equations in BrainBiophysics).
package enum MatrixBalancing {
    /// Replaces `matrix` by `D⁻¹ M D` with `D = diag(scale)` (powers of two) chosen so that
    /// each row and column have similar off-diagonal norms; rows or columns that are zero
    /// off the diagonal keep scale 1.
    package static func balance(_ matrix: UnsafeMutablePointer<Double>, size m: Int, scale: UnsafeMutablePointer<Double>) {
        for i in 0..<m { scale[i] = 1 }
        var converged = false
        var sweeps = 0
        while !converged && sweeps < 100 {
            converged = true
            sweeps += 1
            for i in 0..<m {
                var column = 0.0
                var row = 0.0
                for j in 0..<m where j != i {
                    column += abs(matrix[j * m + i])
                    row += abs(matrix[i * m + j])
                }
                guard column > 0, row > 0, column.isFinite, row.isFinite else { continue }
                let total = column + row
                var factor = 1.0
                while column < row / 2 {
                    factor *= 2
                    column *= 4
                }
                while column >= row * 2 {
                    factor /= 2
                    column /= 4
                }
                guard (column + row) / factor < 0.95 * total else { continue }
                converged = false
                scale[i] *= factor
                for j in 0..<m {
                    matrix[i * m + j] /= factor
                    matrix[j * m + i] *= factor
                }
            }
        }
    }
}
