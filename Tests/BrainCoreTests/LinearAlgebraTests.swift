import Testing
@testable import BrainCore

@Suite("LinearAlgebra wraps BLAS and LAPACK")
struct LinearAlgebraTests {
    @Test func multiplyMatchesHandComputed() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(LinearAlgebra.multiply(a, b).values == [58, 64, 139, 154])
        #expect(LinearAlgebra.multiply(a, b, transposeA: true, transposeB: true).rows == 3)
        #expect(LinearAlgebra.multiply(a, [1, 1, 1]) == [6, 15])
    }

    @Test func gramIsSymmetricAndMatchesProduct() {
        let a = Matrix([[1, 2], [3, 4], [5, 6]])
        let g = LinearAlgebra.gram(a)
        #expect(g == LinearAlgebra.multiply(a, a, transposeA: true))
        #expect(LinearAlgebra.outerGram(a) == LinearAlgebra.multiply(a, a, transposeB: true))
    }

    @Test func choleskySolvesAndRejectsIndefinite() throws {
        let x = try LinearAlgebra.choleskySolve(Matrix([[4, 2], [2, 3]]), Matrix(column: [2, 1]))
        #expect(abs(x[0, 0] - 0.5) < 1e-15 && abs(x[1, 0]) < 1e-15)
        #expect(throws: BrainKitError.self) {
            try LinearAlgebra.choleskySolve(Matrix([[1, 2], [2, 1]]), Matrix(column: [1, 1]))
        }
    }

    @Test func svdReconstructs() throws {
        let m = Matrix([[3, 1, 2], [0, -1, 4]])
        let (u, s, vt) = try LinearAlgebra.svd(m)
        let back = LinearAlgebra.multiply(LinearAlgebra.multiply(u, Matrix.diagonal(s)), vt)
        for (p, q) in zip(back.values, m.values) { #expect(abs(p - q) < 1e-12) }
    }

    @Test func leastSquaresFindsExactSolution() throws {
        let a = Matrix([[1, 0], [0, 2], [1, 1]])
        let x = try LinearAlgebra.leastSquares(a, Matrix(column: [1, 4, 3]), rcond: 1e-12)
        #expect(abs(x[0, 0] - 1) < 1e-12 && abs(x[1, 0] - 2) < 1e-12)
    }
}
