import BrainBiophysics
import BrainTestSupport
import Testing

@Suite("Hines tree solve")
struct HinesSolverTests {
    /// Gaussian elimination with partial pivoting on a dense copy of the system.
    static func denseSolve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var a = a, b = b
        let n = b.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let f = a[row][column] / a[column][column]
                if f == 0 { continue }
                for k in column..<n { a[row][k] -= f * a[column][k] }
                b[row] -= f * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<n { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x
    }

    @Test(arguments: [1, 7, 60, 200])
    func matchesDenseSolveOnRandomTree(nodes n: Int) {
        var rng = SplitMix64(seed: UInt64(n) &* 7919)
        var parent = [Int](repeating: -1, count: n)
        var offDiagonal = [Double](repeating: 0, count: n)
        var diagonal = [Double](repeating: 0, count: n)
        for i in 0..<n {
            // Mostly one tree, with an occasional extra root (a forest is allowed).
            if i > 0 && Double.random(in: 0..<1, using: &rng) > 0.05 {
                parent[i] = Int.random(in: 0..<i, using: &rng)
                offDiagonal[i] = -Double.random(in: 0.1...10, using: &rng)
            }
            diagonal[i] = Double.random(in: 0.01...2, using: &rng)
        }
        // Diagonal dominance like the cable matrix: add each coupling to both ends.
        for i in 0..<n where parent[i] >= 0 {
            diagonal[i] -= offDiagonal[i]
            diagonal[parent[i]] -= offDiagonal[i]
        }
        let rhs = (0..<n).map { _ in Double.random(in: -5...5, using: &rng) }
        var dense = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            dense[i][i] = diagonal[i]
            if parent[i] >= 0 {
                dense[i][parent[i]] = offDiagonal[i]
                dense[parent[i]][i] = offDiagonal[i]
            }
        }
        let expected = Self.denseSolve(dense, rhs)
        let x = HinesSolver.solve(parent: parent, offDiagonal: offDiagonal, diagonal: diagonal, rhs: rhs)
        #expect(maxRelativeDifference(x, expected, floor: 1e-12) <= 1e-10)
        // And the residual of the original system.
        var residual = 0.0
        for i in 0..<n {
            var s = 0.0
            for k in 0..<n { s += dense[i][k] * x[k] }
            residual = max(residual, abs(s - rhs[i]))
        }
        #expect(residual <= 1e-10)
    }
}
