/// Non-negative least squares, `argmin_x ‖M·x − y‖₂` subject to `x ≥ 0`, by the active-set
/// algorithm of Lawson and Hanson ("Solving Least Squares Problems", 1974, ch. 23), the
/// algorithm of `scipy.optimize.nnls`.
///
/// With P the passive set (free variables) and Z the rest (held at 0):
/// 1. x = 0, P = ∅.
/// 2. w = Mᵀ(y − M·x), the negative gradient. Stop when w_j ≤ tol for every j in Z: x then
///    satisfies the optimality (KKT) conditions.
/// 3. Move the j in Z with the largest w_j to P, unless column j is numerically dependent on
///    the columns in P, or the least-squares solution on P ∪ {j} does not make x_j positive;
///    then try the next largest w_j (Lawson and Hanson's safeguards).
/// 4. z = argmin ‖M_P·z − y‖. While some z_i ≤ 0, step x towards z as far as x ≥ 0 allows
///    (α = min x_i / (x_i − z_i) over those i), move the variables that reached 0 back to Z,
///    and solve again. Then x = z and go to 2.
///
/// The steps run on the normal equations: G = MᵀM and b = Mᵀy are formed once with BLAS, so
/// step 2 costs O(n·k) rather than O(m·n) (k = |P|), and the solutions on P come from a
/// Cholesky factor of G[P, P] updated in O(k²) per change (``PassiveSetCholesky``), as in Bro
/// and de Jong's "fast NNLS" (J. Chemometrics 11, 1997). As the normal equations square the
/// condition number, the final values on P are then recomputed from the columns M_P
/// themselves by an SVD least-squares solve (dgelsd), and used when they are all positive
/// (they are, unless P is numerically degenerate).
///
/// The solution is unique when M has full column rank; it then agrees with scipy's to
/// rounding error. `tol` is the rounding error of w: `10·n·ε·max(‖b‖∞, max|G|·‖x‖₁)`.
/// Like scipy, the solve gives up after 3·n iterations (additions plus removal passes).
enum NonNegativeLeastSquares {
    /// Solves one NNLS problem per column of `targets`: column c of the result is
    /// `argmin ‖matrix·x − targets[:, c]‖` over x ≥ 0.
    /// - Precondition: `matrix.rows == targets.rows`.
    /// - Throws: ``BrainKitError/Kind/linearAlgebra`` naming `solver` when the iteration limit
    ///   is reached or the final least-squares solve fails.
    /// - Complexity: O(m·n²) to form G, then O(n·k) per iteration.
    static func solve(_ matrix: Matrix, _ targets: Matrix, solver: String) throws(BrainKitError) -> Matrix {
        precondition(matrix.rows == targets.rows, "\(solver): NNLS with \(matrix.rows) rows against \(targets.rows)")
        let n = matrix.columns
        let gram = LinearAlgebra.gram(matrix)
        let projected = LinearAlgebra.multiply(matrix, targets, transposeA: true)
        var passive = PassiveSetCholesky(capacity: n)
        var solution = Matrix(rows: n, columns: targets.columns)
        for c in 0..<targets.columns {
            passive.removeAll()
            let x = try activeSet(gram: gram, rhs: projected.column(c), passive: &passive, solver: solver)
            let polished = try recompute(matrix, targets.column(c), on: passive.indices) ?? x
            for j in 0..<n { solution[j, c] = polished[j] }
        }
        return solution
    }

    /// Steps 1–4 on the normal equations `G·x = b`; returns x (length n) and leaves the final
    /// passive set in `passive`.
    private static func activeSet(
        gram: Matrix, rhs b: [Double], passive: inout PassiveSetCholesky, solver: String
    ) throws(BrainKitError) -> [Double] {
        let n = b.count
        let maxIterations = 3 * n
        let largestGram = gram.values.reduce(0) { max($0, abs($1)) }
        let largestRHS = b.reduce(0) { max($0, abs($1)) }
        var x = [Double](repeating: 0, count: n)
        var isPassive = [Bool](repeating: false, count: n)
        var iterations = 0
        while true {
            // Step 2: w = b − G·x (x is zero outside P; G is symmetric, so use its rows).
            let w = gradient(gram: gram, b: b, x: x, passive: passive.indices)
            let tol = 10 * Double(n) * .ulpOfOne * max(largestRHS, largestGram * x.reduce(0) { $0 + abs($1) })
            // Step 3: add the best acceptable candidate, or stop.
            var rejected = isPassive
            var z: [Double] = []
            while true {
                var best = -1
                var bestValue = tol
                for j in 0..<n where !rejected[j] && w[j] > bestValue {
                    best = j
                    bestValue = w[j]
                }
                if best < 0 { return x }
                rejected[best] = true
                guard passive.append(best, gram: gram) else { continue }
                z = passive.solve(b)
                if z[z.count - 1] > 0 {
                    isPassive[best] = true
                    break
                }
                passive.removeLast()
            }
            try countIteration(&iterations, limit: maxIterations, solver: solver)
            // Step 4: keep the iterate feasible.
            while let step = feasibleStep(x: x, z: z, indices: passive.indices) {
                try countIteration(&iterations, limit: maxIterations, solver: solver)
                for (position, j) in passive.indices.enumerated() {
                    x[j] += step.alpha * (z[position] - x[j])
                }
                x[step.blocking] = 0
                for position in passive.indices.indices.reversed() where x[passive.indices[position]] <= 0 {
                    let j = passive.indices[position]
                    x[j] = 0
                    isPassive[j] = false
                    passive.remove(at: position)
                }
                z = passive.solve(b)
            }
            for (position, j) in passive.indices.enumerated() { x[j] = z[position] }
        }
    }

    private static func countIteration(_ iterations: inout Int, limit: Int, solver: String) throws(BrainKitError) {
        iterations += 1
        guard iterations <= limit else {
            throw BrainKitError(
                .linearAlgebra, object: solver, parameter: nil,
                message: "non-negative least squares did not converge in \(limit) iterations")
        }
    }

    /// `b − G·x` for an x that is zero outside `passive`.
    private static func gradient(gram: Matrix, b: [Double], x: [Double], passive: [Int]) -> [Double] {
        let n = b.count
        var w = b
        w.withUnsafeMutableBufferPointer { wp in
            gram.values.withUnsafeBufferPointer { g in
                let out = wp.baseAddress!
                for i in passive {
                    let scale = x[i]
                    let row = g.baseAddress! + i * n
                    var j = 0
                    while j < n {
                        out[j] -= scale * row[j]
                        j += 1
                    }
                }
            }
        }
        return w
    }

    /// The step of step 4 when some `z` (in factor order) is ≤ 0: the largest α in [0, 1]
    /// with `x + α(z − x) ≥ 0`, and the variable that reaches 0 first. Nil when z > 0.
    private static func feasibleStep(x: [Double], z: [Double], indices: [Int]) -> (alpha: Double, blocking: Int)? {
        var result: (alpha: Double, blocking: Int)?
        for (position, j) in indices.enumerated() where z[position] <= 0 {
            // x_j > 0 on P except for a variable just added, whose z_j is > 0.
            let alpha = x[j] > 0 ? x[j] / (x[j] - z[position]) : 0
            if alpha < (result?.alpha ?? .infinity) { result = (alpha, j) }
        }
        return result
    }

    /// The least-squares solution on the columns `indices` of `matrix`, from the columns
    /// themselves; nil when a value is not positive (a degenerate passive set).
    private static func recompute(
        _ matrix: Matrix, _ y: [Double], on indices: [Int]
    ) throws(BrainKitError) -> [Double]? {
        var x = [Double](repeating: 0, count: matrix.columns)
        guard !indices.isEmpty else { return x }
        let columns = matrix.selectingColumns(indices)
        let rcond = Double.ulpOfOne * Double(max(columns.rows, columns.columns))
        let z = try LinearAlgebra.leastSquares(columns, Matrix(column: y), rcond: rcond)
        for (position, j) in indices.enumerated() {
            guard z[position, 0] > 0 else { return nil }
            x[j] = z[position, 0]
        }
        return x
    }
}
