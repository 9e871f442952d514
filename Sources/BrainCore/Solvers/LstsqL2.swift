/// Least squares with L2 (ridge) regularization, solved by Cholesky: Nengo's default solver.
///
/// With activities A (m x n, in Hz) and targets Y (m x d):
/// `σ = reg · max(A)` (the largest activity) and `D = (AᵀA + m·σ²·I)⁻¹ AᵀY`, or the equal
/// transposed form `D = Aᵀ(AAᵀ + m·σ²·I)⁻¹Y` when m < n. `reg` is therefore the noise level as
/// a fraction of the largest firing rate. See `RegularizedLeastSquares`.
public struct LstsqL2: Solver {
    /// Regularization as a fraction of the largest activity (dimensionless, `>= 0`).
    public let reg: Double
    public let weights: Bool
    public var isCompositional: Bool { true }

    /// The default solver, `reg = 0.1`.
    public init(weights: Bool = false) {
        self.reg = 0.1
        self.weights = weights
    }

    /// - Throws: ``BrainKitError`` when `reg` is negative or not finite.
    public init(reg: Double, weights: Bool = false) throws(BrainKitError) {
        try Check.nonNegativeFinite(reg, "LstsqL2", "reg")
        self.reg = reg
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when
    ///   `reg = 0` leaves the system singular.
    /// - Complexity: O(m·n·min(m, n)).
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "LstsqL2")
        let sigma = reg * activities.maxElement
        let decoders = try RegularizedLeastSquares.solve(activities, targets, sigma: sigma, solver: "LstsqL2")
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }

    /// The same solve from single-precision activities with at least as many rows (eval
    /// points) as columns (neurons): rates, Gram matrix, `AᵀY` and residuals in Float32, the
    /// Cholesky solve in `Double` (the build's path for large ensembles).
    func solve(singleActivities activities: SingleMatrix, targets: Matrix) throws(BrainKitError) -> SolverResult {
        guard activities.maxElement > 0 else {
            throw .build("LstsqL2", "activities", "are all zero: no eval point activates any neuron")
        }
        let sigma = reg * Double(activities.maxElement)
        let decoders = try RegularizedLeastSquares.solve(activities, targets, sigma: sigma, solver: "LstsqL2")
        let decoded = LinearAlgebra.multiply(activities, SingleMatrix(decoders))
        return SolverResult(decoders: decoders, rmses: SolverSupport.rmses(decoded: decoded, targets: targets))
    }

    public var description: String {
        SolverSupport.describe("LstsqL2", weights: weights, [("reg", reg, 0.1)])
    }
}
