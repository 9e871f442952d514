/// Unregularized least squares by singular value decomposition.
///
/// `D = argmin ‖A·D − Y‖` with the minimum norm, where singular values of A below
/// `rcond · s_max` count as zero (LAPACK dgelsd, as `numpy.linalg.lstsq(A, Y, rcond)`).
/// Without regularization the decoders are large and sensitive to noise; prefer ``LstsqL2``
/// for spiking networks.
public struct Lstsq: Solver {
    /// Cut-off for small singular values, relative to the largest (dimensionless, `>= 0`).
    public let rcond: Double
    public let weights: Bool
    public var isCompositional: Bool { true }

    /// `rcond = 0.01`.
    public init(weights: Bool = false) {
        self.rcond = 0.01
        self.weights = weights
    }

    /// - Throws: ``BrainKitError`` when `rcond` is negative or not finite.
    public init(rcond: Double, weights: Bool = false) throws(BrainKitError) {
        try Check.nonNegativeFinite(rcond, "Lstsq", "rcond")
        self.rcond = rcond
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when the SVD
    ///   does not converge.
    /// - Complexity: O(m·n·min(m, n)).
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "Lstsq")
        let decoders = try LinearAlgebra.leastSquares(activities, targets, rcond: rcond)
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }

    public var description: String {
        SolverSupport.describe("Lstsq", weights: weights, [("rcond", rcond, 0.01)])
    }
}
