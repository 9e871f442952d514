/// Tikhonov-regularized least squares by Cholesky, the core of ``LstsqL2`` and ``LstsqL2nz``.
///
/// For activities A (m x n), targets Y (m x d) and a regularization σ (in the units of A):
/// - `D = (AᵀA + m·σ²·I)⁻¹ AᵀY` when m ≥ n (an n x n system);
/// - `D = Aᵀ (AAᵀ + m·σ²·I)⁻¹ Y` when m < n (an m x m system). Both are the same matrix, by the
///   identity `(AᵀA + λI)⁻¹Aᵀ = Aᵀ(AAᵀ + λI)⁻¹`; the smaller system is solved.
///
/// A per-neuron σ_j gives `D = (AᵀA + m·diag(σ²))⁻¹ AᵀY`, which has no transposed form.
///
/// Large Gram matrices (A with at least ``singleAccumulationThreshold`` entries) are
/// accumulated in Float32, which is twice as fast; the regularization keeps the system far
/// better conditioned than that precision needs (for 1000 LIF neurons at 2500 eval points the
/// decoders move by 5e-5 of their largest value and the fit's RMSE by 4e-10). The solve
/// itself stays in Double.
enum RegularizedLeastSquares {
    /// Gram matrices of activity matrices with at least this many entries are accumulated in
    /// Float32.
    static let singleAccumulationThreshold = 1 << 20

    static func accumulation(for activities: Matrix) -> LinearAlgebra.Accumulation {
        activities.rows * activities.columns >= singleAccumulationThreshold ? .single : .double
    }

    /// Solves with one σ for every neuron.
    /// - Throws: ``BrainKitError/Kind/linearAlgebra`` naming `solver` when the regularized
    ///   system is not positive definite (possible only when σ = 0).
    static func solve(
        _ activities: Matrix, _ targets: Matrix, sigma: Double, solver: String
    ) throws(BrainKitError) -> Matrix {
        let m = activities.rows, n = activities.columns
        let ridge = Double(m) * sigma * sigma
        if m < n {
            var outer = LinearAlgebra.outerGram(activities, accumulation: accumulation(for: activities))
            for i in 0..<m { outer[i, i] += ridge }
            let coefficients = try choleskySolve(outer, targets, solver: solver)
            return LinearAlgebra.multiply(activities, coefficients, transposeA: true)
        }
        var gram = LinearAlgebra.lowerGram(activities, accumulation: accumulation(for: activities))
        for i in 0..<n { gram[i, i] += ridge }
        return try choleskySolve(gram, LinearAlgebra.multiply(activities, targets, transposeA: true), solver: solver)
    }

    /// Solves with one σ from single-precision activities (m ≥ n): the Gram matrix and `AᵀY`
    /// in Float32, the Cholesky solve in `Double`.
    static func solve(
        _ activities: SingleMatrix, _ targets: Matrix, sigma: Double, solver: String
    ) throws(BrainKitError) -> Matrix {
        let m = activities.rows, n = activities.columns
        precondition(m >= n, "\(solver): the single-precision solve needs at least as many eval points as neurons")
        var gram = LinearAlgebra.lowerGram(activities)
        let ridge = Double(m) * sigma * sigma
        for i in 0..<n { gram[i, i] += ridge }
        let projected = LinearAlgebra.multiply(activities, SingleMatrix(targets), transposeA: true)
        return try choleskySolve(gram, projected.double, solver: solver)
    }

    /// Solves with σ_j for neuron j: `(AᵀA + m·diag(σ²)) D = AᵀY`.
    /// - Precondition: `sigmas.count == activities.columns`.
    static func solve(
        _ activities: Matrix, _ targets: Matrix, sigmas: [Double], solver: String
    ) throws(BrainKitError) -> Matrix {
        precondition(
            sigmas.count == activities.columns, "\(solver): \(sigmas.count) sigmas for \(activities.columns) neurons")
        let m = Double(activities.rows)
        var gram = LinearAlgebra.lowerGram(activities, accumulation: accumulation(for: activities))
        for (j, sigma) in sigmas.enumerated() { gram[j, j] += m * sigma * sigma }
        return try choleskySolve(gram, LinearAlgebra.multiply(activities, targets, transposeA: true), solver: solver)
    }

    private static func choleskySolve(_ spd: Matrix, _ rhs: Matrix, solver: String) throws(BrainKitError) -> Matrix {
        do {
            return try LinearAlgebra.choleskySolve(spd, rhs)
        } catch {
            throw BrainKitError(
                .linearAlgebra, object: solver, parameter: nil,
                message: "the regularized Gram matrix is not positive definite (\(error.message)); use reg > 0")
        }
    }
}
