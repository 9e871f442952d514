import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

@Suite("matrixExponential (Padé scaling and squaring)")
struct MatrixExponentialTests {
    /// Matrices of 1-norm 0.01 … 300 (every Padé degree, then scaling and squaring) against
    /// scipy.linalg.expm.
    @Test func matchesScipyAcrossNorms() throws {
        for e in try Fixture("synapses").elements("expm") {
            let m = Matrix(e.matrix("matrix"))
            let expected = e.matrix("scipy_expm").flatMap { $0 }
            let result = try #require(matrixExponential(m))
            let peak = expected.map(abs).max() ?? 1
            // Squaring amplifies rounding: allow a relative error growing with the norm.
            let tolerance = (e.double("norm") > 3 ? 1e-11 : 1e-15) * max(peak, 1)
            #expect(maxAbsoluteDifference(result.values, expected) <= tolerance, "norm \(e.double("norm"))")
        }
    }

    @Test func diagonalAndNilpotentCases() throws {
        let d = try #require(matrixExponential(Matrix.diagonal([0, 1, -2])))
        #expect(maxAbsoluteDifference(d.values, Matrix.diagonal([1, M_E, exp(-2)]).values) <= 1e-15 * M_E)
        // [[0, t], [0, 0]] is nilpotent: e^N = I + N exactly.
        let n = try #require(matrixExponential(Matrix([[0, 3], [0, 0]])))
        #expect(n == Matrix([[1, 3], [0, 1]]))
        #expect(matrixExponential(Matrix(rows: 0, columns: 0)) == Matrix(rows: 0, columns: 0))
        #expect(matrixExponential(Matrix([[.nan]])) == nil)
    }

    @Test func smallSolveWithPivoting() throws {
        // A zero leading pivot requires a row swap.
        let x = try #require(SmallDense.solve(Matrix([[0, 2], [3, 1]]), Matrix(column: [4, 5])))
        #expect(maxAbsoluteDifference(x.values, [1, 2]) < 1e-15)
        #expect(SmallDense.solve(Matrix([[1, 2], [2, 4]]), Matrix(column: [1, 1])) == nil)
    }
}
