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
    /// leaves those entries 0 and a zero row stays zero (nengo_spa raises there), so the
    /// result is always finite.
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
            let x = (try? LinearAlgebra.solve(a, y)) ?? [Double](repeating: 0, count: i)
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

    /// `m^p` for a square matrix: repeated products for whole p ≥ 0; for a fractional p the
    /// matrix must be symmetric positive definite (what a positive vector's matrix is), and
    /// the power is taken on its eigenvalues.
    static func power(_ m: Matrix, _ p: Double) throws(BrainKitError) -> Matrix {
        if p == p.rounded(), p <= Double(1 << 52) {
            var result = Matrix.identity(m.rows)
            var exponent = Int(p)
            var base = m
            while exponent > 0 {
                if exponent & 1 == 1 { result = LinearAlgebra.multiply(result, base) }
                exponent >>= 1
                if exponent > 0 { base = LinearAlgebra.multiply(base, base) }
            }
            return result
        }
        let (values, vectors) = try LinearAlgebra.symmetricEigen(m)
        let scaled = Matrix(
            rows: m.rows, columns: m.columns,
            values: (0..<m.values.count).map { vectors.values[$0] * Foundation.pow(Swift.max(values[$0 % m.columns], 0), p) })
        return LinearAlgebra.multiply(scaled, vectors, transposeB: true)
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
        guard let eigenvalues = try? LinearAlgebra.symmetricEigen(b.scaled(by: scale)).values else {
            return AlgebraSign(value: .definite(nil))
        }
        if eigenvalues.allSatisfy({ $0 > 0 }) { return AlgebraSign(value: .definite(1)) }
        if eigenvalues.allSatisfy({ $0 < 0 }) { return AlgebraSign(value: .definite(-1)) }
        if eigenvalues.allSatisfy({ Swift.abs($0) <= 1e-8 }) { return AlgebraSign(value: .definite(0)) }
        return AlgebraSign(value: .definite(nil))
    }
}
