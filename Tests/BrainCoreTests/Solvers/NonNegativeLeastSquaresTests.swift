import BrainTestSupport
import Testing
@testable import BrainCore

/// The Lawson–Hanson solver and its updatable Cholesky factor, checked by their defining
/// properties (the reference comparisons with scipy are in SolverReferenceTests).
@Suite("Non-negative least squares")
struct NonNegativeLeastSquaresTests {
    /// A random m x n matrix of rectified-Gaussian "rates" (deterministic).
    static func rates(_ m: Int, _ n: Int, seed: Int) -> Matrix {
        var rng = RandomState(seed: seed)
        var a = Matrix(rows: m, columns: n)
        for i in 0..<a.values.count { a.values[i] = max(0, rng.normal(mean: 60, std: 120)) }
        return a
    }

    @Test func choleskyUpdatesMatchAFreshFactorization() throws {
        let a = Self.rates(30, 8, seed: 3)
        let gram = LinearAlgebra.gram(a)
        let rhs = (0..<8).map { Double($0) - 3.5 }
        var factor = PassiveSetCholesky(capacity: 8)
        for j in [5, 1, 7, 2, 0, 6] {
            let accepted = factor.append(j, gram: gram)
            #expect(accepted)
        }
        factor.remove(at: 2)
        factor.remove(at: 0)
        factor.removeLast()
        #expect(factor.indices == [1, 2, 0])
        let accepted = factor.append(4, gram: gram)
        #expect(accepted)
        let p = factor.indices
        let direct = try LinearAlgebra.choleskySolve(
            gram.selectingRows(p).selectingColumns(p), Matrix(column: p.map { rhs[$0] }))
        #expect(maxRelativeDifference(factor.solve(rhs), direct.column(0)) < 1e-10)
    }

    @Test func choleskyRejectsADependentColumn() {
        var a = Self.rates(20, 4, seed: 5)
        for i in 0..<20 { a[i, 3] = 2 * a[i, 0] - a[i, 1] }
        var factor = PassiveSetCholesky(capacity: 4)
        let gram = LinearAlgebra.gram(a)
        let independent = factor.append(0, gram: gram) && factor.append(1, gram: gram)
        let dependent = factor.append(3, gram: gram)
        #expect(independent && !dependent)
        #expect(factor.indices == [0, 1])
    }

    @Test func scipyDocumentationExamples() throws {
        let a = Matrix([[1, 0], [1, 0], [0, 1]])
        let x = try NonNegativeLeastSquares.solve(a, Matrix([[2, -1], [1, -1], [1, -1]]), solver: "Nnls")
        #expect(maxAbsoluteDifference(x.column(0), [1.5, 1]) < 1e-15)
        #expect(x.column(1) == [0, 0])
    }

    /// x ≥ 0, and the gradient w = Aᵀ(y − A·x) is ≈ 0 where x > 0 and ≤ 0 where x = 0.
    @Test(arguments: [(200, 60), (40, 100)])
    func solutionSatisfiesOptimalityConditions(_ m: Int, _ n: Int) throws {
        let a = Self.rates(m, n, seed: m + n)
        var rng = RandomState(seed: 9)
        let y = Matrix(column: (0..<m).map { _ in rng.normal(mean: 0, std: 1) })
        let x = try NonNegativeLeastSquares.solve(a, y, solver: "Nnls")
        let residual = zip(y.values, LinearAlgebra.multiply(a, x).values).map { $0 - $1 }
        let w = LinearAlgebra.multiply(a.transposed, residual)
        let scale = LinearAlgebra.multiply(a.transposed, y.values).reduce(0) { max($0, abs($1)) }
        #expect(x.values.allSatisfy { $0 >= 0 })
        #expect(x.values.contains { $0 > 0 })
        for j in 0..<n {
            #expect(x[j, 0] > 0 ? abs(w[j]) <= 1e-9 * scale : w[j] <= 1e-9 * scale)
        }
    }

    /// A duplicated column leaves the solution non-unique; the dependent copy is never used
    /// and the fit is as good as without it.
    @Test func duplicatedColumnDoesNotChangeTheFit() throws {
        let a = Self.rates(50, 6, seed: 11)
        var duplicated = Matrix(rows: 50, columns: 7)
        for i in 0..<50 {
            for j in 0..<6 { duplicated[i, j] = a[i, j] }
            duplicated[i, 6] = a[i, 2]
        }
        var rng = RandomState(seed: 2)
        let y = Matrix(column: (0..<50).map { _ in rng.normal(mean: 1, std: 1) })
        let reference = try NonNegativeLeastSquares.solve(a, y, solver: "Nnls")
        let x = try NonNegativeLeastSquares.solve(duplicated, y, solver: "Nnls")
        let fit = LinearAlgebra.multiply(duplicated, x).values
        #expect(maxAbsoluteDifference(fit, LinearAlgebra.multiply(a, reference).values) < 1e-10)
        #expect(x[2, 0] == 0 || x[6, 0] == 0)
    }
}
