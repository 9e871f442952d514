/// Non-negative least squares: `D = argmin ‖A·D − Y‖` subject to `D ≥ 0`, one column of Y at a
/// time (Lawson–Hanson, see `NonNegativeLeastSquares`; Nengo uses `scipy.optimize.nnls`).
///
/// Non-negative decoders or weights keep a connection excitatory (or, with a negative
/// transform, inhibitory), as the basal ganglia needs. The solution is usually sparse: most
/// neurons get a weight of exactly 0. Without regularization it fits noise-free rates only;
/// prefer ``NnlsL2`` or ``NnlsL2nz`` for spiking networks.
public struct Nnls: Solver {
    public let weights: Bool
    /// Non-negative weights cannot be composed from decoders: they are solved directly.
    public var isCompositional: Bool { false }

    /// Non-negative least squares without regularisation; `weights` solves for full
    /// neuron-to-neuron weights instead of decoders.
    public init(weights: Bool = false) {
        self.weights = weights
    }

    /// - Throws: a build error when every activity is 0; a linear-algebra error when the
    ///   iteration does not converge in 3·n steps.
    /// - Complexity: O(m·n²) to form AᵀA, then O(n·k) per active-set iteration (k nonzero
    ///   decoders).
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        try SolverSupport.checkProblem(activities, targets, solver: "Nnls")
        let decoders = try NonNegativeLeastSquares.solve(activities, targets, solver: "Nnls")
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }

    public var description: String {
        SolverSupport.describe("Nnls", weights: weights, [])
    }
}
