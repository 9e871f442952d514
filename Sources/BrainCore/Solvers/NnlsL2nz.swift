/// Non-negative least squares with per-neuron L2 regularization: the default solver of
/// Nengo's basal ganglia.
///
/// As ``NnlsL2``, with `σ_j = reg · max(A) · sqrt(fraction of eval points where A_ij > 0)`;
/// a neuron that is never positive gets σ_j = 1 (in Hz).
public struct NnlsL2nz: Solver {
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
        try Check.nonNegativeFinite(reg, "NnlsL2nz", "reg")
        self.reg = reg
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when the
    ///   iteration does not converge in 3·n steps.
    /// - Complexity: O(m·n² + n³) to form the systems, then O(n·k) per active-set iteration.
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "NnlsL2nz")
        return try RegularizedNonNegativeLeastSquares.solve(
            activities, targets, sigmas: sigmas(activities), solver: "NnlsL2nz")
    }

    /// `σ_j = reg · max(A) · sqrt(mean_i(A_ij > 0))`, zeros replaced by 1.
    func sigmas(_ activities: Matrix) -> [Double] {
        let m = activities.rows, n = activities.columns
        var positive = [Int](repeating: 0, count: n)
        for i in 0..<m {
            for j in 0..<n where activities[i, j] > 0 { positive[j] += 1 }
        }
        let scale = reg * activities.maxElement
        return positive.map {
            let sigma = scale * (Double($0) / Double(m)).squareRoot()
            return sigma == 0 ? 1 : sigma
        }
    }

    public var description: String {
        SolverSupport.describe("NnlsL2nz", weights: weights, [("reg", reg, 0.1)])
    }
}
