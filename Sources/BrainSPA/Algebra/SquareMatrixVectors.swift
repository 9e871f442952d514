import Foundation
import BrainCore

/// What ``VTB`` and ``TVTB`` share: a vector of D = s² elements read row-major as an s×s
/// matrix V, `V[i][j] = v[i·s + j]`.
enum SquareMatrixVectors {
    /// s = √D when D is a square ≥ 1, else nil.
    static func side(_ dimensions: Int) -> Int? {
        guard dimensions >= 1 else { return nil }
        var s = Int(Double(dimensions).squareRoot().rounded())
        while s * s > dimensions { s -= 1 }
        while (s + 1) * (s + 1) <= dimensions { s += 1 }
        return s * s == dimensions ? s : nil
    }

    static func matrix(_ v: [Double], side s: Int) -> Matrix {
        Matrix(rows: s, columns: s, values: v)
    }

    /// `vec(Vᵀ)`.
    static func transposed(_ v: [Double], side s: Int) -> [Double] {
        matrix(v, side: s).transposed.values
    }

    /// The permutation P with `P·v = vec(Vᵀ)`.
    static func transposition(dimensions d: Int, side s: Int) -> Matrix {
        var p = Matrix(rows: d, columns: d)
        for i in 0..<s {
            for j in 0..<s { p.values[(i * s + j) * d + (j * s + i)] = 1 }
        }
        return p
    }

    /// `√s · (I_s ⊗ B)`, B the s×s matrix given.
    static func blockDiagonal(_ b: Matrix, side s: Int) -> Matrix {
        let d = s * s
        var m = Matrix(rows: d, columns: d)
        let scale = Double(s).squareRoot()
        for block in 0..<s {
            for i in 0..<s {
                for j in 0..<s { m.values[(block * s + i) * d + block * s + j] = scale * b[i, j] }
            }
        }
        return m
    }

    /// `I_s / D^¼` as a vector: the identity of both matrix algebras.
    static func identity(dimensions d: Int, side s: Int) -> [Double] {
        var v = [Double](repeating: 0, count: d)
        let value = 1 / Double(s).squareRoot()
        for i in 0..<s { v[i * s + i] = value }
        return v
    }

    /// Makes √s·V orthogonal: each row i ≥ 1 gets its first i entries solved so that it is
    /// orthogonal to the rows above it (keeping its other entries), then every row is
    /// normalised and the matrix divided by √s (so the vector has norm 1). A singular system
    /// leaves the unsolvable entries 0 and a zero row stays zero (nengo_spa raises there), so
    /// the result is always finite.
    static func unitary(_ v: [Double], side s: Int) -> [Double] {
        var m = matrix(v, side: s)
        for i in 1..<max(s, 1) {
            // Solve A·x = y with A = m[0..<i, 0..<i], y = −m[0..<i, i...]·m[i, i...].
            var a = Matrix(rows: i, columns: i)
            var y = [Double](repeating: 0, count: i)
            for r in 0..<i {
                for c in 0..<i { a.values[r * i + c] = m[r, c] }
                var sum = 0.0
                for c in i..<s { sum += m[r, c] * m[i, c] }
                y[r] = -sum
            }
            let x = solve(a, y)
            for c in 0..<i { m.values[i * s + c] = x[c] }
        }
        let scale = Double(s).squareRoot()
        for r in 0..<s {
            var norm = 0.0
            for c in 0..<s { norm += m[r, c] * m[r, c] }
            norm = norm.squareRoot()
            guard norm > 0 else { continue }
            for c in 0..<s { m.values[r * s + c] = m[r, c] / norm / scale }
        }
        return m.values
    }

    /// Gaussian elimination with partial pivoting (small systems).
    static func solve(_ a: Matrix, _ b: [Double]) -> [Double] {
        let n = a.rows
        var m = a, rhs = b
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<n where Swift.abs(m[r, col]) > Swift.abs(m[pivot, col]) { pivot = r }
            if pivot != col {
                for c in 0..<n { m.values.swapAt(col * n + c, pivot * n + c) }
                rhs.swapAt(col, pivot)
            }
            let diagonal = m[col, col]
            guard diagonal != 0 else { continue }
            for r in (col + 1)..<n {
                let factor = m[r, col] / diagonal
                if factor == 0 { continue }
                for c in col..<n { m.values[r * n + c] -= factor * m[col, c] }
                rhs[r] -= factor * rhs[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var sum = rhs[r]
            for c in (r + 1)..<n { sum -= m[r, c] * x[c] }
            x[r] = m[r, r] == 0 ? 0 : sum / m[r, r]
        }
        return x
    }

    /// `a·b` for square matrices.
    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        let n = a.rows
        var c = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for k in 0..<n {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<n { c.values[i * n + j] += aik * b[k, j] }
            }
        }
        return c
    }

    /// `m^p` for a square matrix: repeated products for whole p ≥ 0; for a fractional p the
    /// matrix must be symmetric positive definite (what a positive vector's matrix is), and
    /// the power is taken on its eigenvalues.
    static func power(_ m: Matrix, _ p: Double) -> Matrix {
        if p == p.rounded(), p <= Double(1 << 52) {
            var result = Matrix.identity(m.rows)
            var exponent = Int(p)
            var base = m
            while exponent > 0 {
                if exponent & 1 == 1 { result = product(result, base) }
                exponent >>= 1
                if exponent > 0 { base = product(base, base) }
            }
            return result
        }
        let symmetric = Matrix(
            rows: m.rows, columns: m.columns,
            values: (0..<m.values.count).map { (m.values[$0] + m.transposed.values[$0]) / 2 })
        return SymmetricEigen(symmetric).applying { Foundation.pow(Swift.max($0, 0), p) }
    }

    /// The definite sign of the symmetric s×s matrix B (the binding matrix's eigenvalues are
    /// √s times B's): nil when B is not symmetric to numpy's `allclose` tolerances
    /// (|b − bᵀ| ≤ 1e-8 + 1e-5·|bᵀ|) or its eigenvalues differ in sign.
    static func sign(_ b: Matrix, side s: Int) -> AlgebraSign {
        let scale = Double(s).squareRoot()
        for i in 0..<s {
            for j in 0..<s {
                let x = scale * b[i, j], y = scale * b[j, i]
                if Swift.abs(x - y) > 1e-8 + 1e-5 * Swift.abs(y) { return AlgebraSign(value: .definite(nil)) }
            }
        }
        let eigenvalues = SymmetricEigen(b.scaled(by: scale)).values
        if eigenvalues.allSatisfy({ $0 > 0 }) { return AlgebraSign(value: .definite(1)) }
        if eigenvalues.allSatisfy({ $0 < 0 }) { return AlgebraSign(value: .definite(-1)) }
        if eigenvalues.allSatisfy({ Swift.abs($0) <= 1e-8 }) { return AlgebraSign(value: .definite(0)) }
        return AlgebraSign(value: .definite(nil))
    }
}
