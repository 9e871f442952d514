/// Non-negative least squares with L2 regularization.
///
/// With activities A (m x n, in Hz) and targets Y (m x d): `σ = reg · max(A)`, and each column
/// of D ≥ 0 minimizes `‖(AᵀA + m·σ²·I)·d − Aᵀ·max(Y, 0)‖`, as Nengo does (see
/// `RegularizedNonNegativeLeastSquares`; negative targets are clipped to 0 in the system but
/// not in the reported rmses).
public struct NnlsL2: Solver {
    /// Regularization as a fraction of the largest activity (dimensionless, `>= 0`).
    public let reg: Double
    public let weights: Bool
    /// Non-negative weights cannot be composed from decoders: they are solved directly.
    public var isCompositional: Bool { false }

    /// `reg = 0.1`.
    public init(weights: Bool = false) {
        self.reg = 0.1
        self.weights = weights
    }

    /// - Throws: ``BrainKitError`` when `reg` is negative or not finite.
    public init(reg: Double, weights: Bool = false) throws(BrainKitError) {
        try Check.nonNegativeFinite(reg, "NnlsL2", "reg")
        self.reg = reg
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when the
    ///   iteration does not converge in 3·n steps.
    /// - Complexity: O(m·n² + n³) to form the systems, then O(n·k) per active-set iteration.
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "NnlsL2")
        let sigma = reg * activities.maxElement
        let sigmas = [Double](repeating: sigma, count: activities.columns)
        return try RegularizedNonNegativeLeastSquares.solve(activities, targets, sigmas: sigmas, solver: "NnlsL2")
    }

    public var description: String {
        SolverSupport.describe("NnlsL2", weights: weights, [("reg", reg, 0.1)])
    }
}
