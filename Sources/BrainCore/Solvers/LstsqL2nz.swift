/// Least squares with per-neuron L2 regularization scaled by how often each neuron fires.
///
/// With activities A (m x n) and targets Y (m x d):
/// `σ_j = reg · max|A| · sqrt(fraction of eval points where A_ij ≠ 0)`; a neuron that never
/// fires gets the largest σ_j instead of 0. Then `D = (AᵀA + m·diag(σ²))⁻¹ AᵀY` by Cholesky
/// (always the n x n system). Neurons active on few eval points are thus regularized less.
public struct LstsqL2nz: Solver {
    /// Regularization as a fraction of the largest absolute activity (dimensionless, `>= 0`).
    public let reg: Double
    public let weights: Bool
    public var isCompositional: Bool { true }

    /// `reg = 0.1`.
    public init(weights: Bool = false) {
        self.reg = 0.1
        self.weights = weights
    }

    /// - Throws: ``BrainKitError`` when `reg` is negative or not finite.
    public init(reg: Double, weights: Bool = false) throws(BrainKitError) {
        try Check.nonNegativeFinite(reg, "LstsqL2nz", "reg")
        self.reg = reg
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when
    ///   `reg = 0` leaves the system singular.
    /// - Complexity: O(m·n²).
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "LstsqL2nz")
        let decoders = try RegularizedLeastSquares.solve(
            activities, targets, sigmas: sigmas(activities), solver: "LstsqL2nz")
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }

    /// `σ_j = reg · max|A| · sqrt(mean_i(A_ij ≠ 0))`, zeros replaced by the largest σ_j.
    func sigmas(_ activities: Matrix) -> [Double] {
        let m = activities.rows, n = activities.columns
        var nonzero = [Int](repeating: 0, count: n)
        for i in 0..<m {
            for j in 0..<n where activities[i, j] != 0 { nonzero[j] += 1 }
        }
        let scale = reg * SolverSupport.maxAbsolute(activities)
        let sigmas = nonzero.map { scale * (Double($0) / Double(m)).squareRoot() }
        let largest = sigmas.max() ?? 0
        return sigmas.map { $0 == 0 ? largest : $0 }
    }

    public var description: String {
        SolverSupport.describe("LstsqL2nz", weights: weights, [("reg", reg, 0.1)])
    }
}
