/// The regularized non-negative problem of ``NnlsL2`` and ``NnlsL2nz``, as Nengo poses it.
///
/// With activities A (m x n), targets Y (m x d) and per-neuron σ_j, it forms
/// `G = AᵀA + m·diag(σ²)` and `B = Aᵀ·max(Y, 0)` (negative targets clipped to 0) and solves
/// `min ‖G·d − B[:, c]‖` over d ≥ 0 for each column c: non-negative least squares with the
/// regularized normal equations as the system. The rmses are those of the decoders on the
/// original problem, `sqrt(mean((Y − A·D)², axis 0))` with the unclipped Y.
enum RegularizedNonNegativeLeastSquares {
    static func solve(
        _ activities: Matrix, _ targets: Matrix, sigmas: [Double], solver: String
    ) throws(BrainKitError) -> SolverResult {
        precondition(
            sigmas.count == activities.columns, "\(solver): \(sigmas.count) sigmas for \(activities.columns) neurons")
        let m = Double(activities.rows)
        var system = LinearAlgebra.gram(activities)
        for (j, sigma) in sigmas.enumerated() { system[j, j] += m * sigma * sigma }
        let clipped = Matrix(rows: targets.rows, columns: targets.columns, values: targets.values.map { max($0, 0) })
        let rhs = LinearAlgebra.multiply(activities, clipped, transposeA: true)
        let decoders = try NonNegativeLeastSquares.solve(system, rhs, solver: solver)
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }
}
