/// Finds decoders (or weights) from neuron activities and target values.
///
/// The builder evaluates the pre ensemble's rates at its eval points (`activities`, m x n, in
/// Hz) and the wanted function there (`targets`, m x d), and asks the solver for decoders D
/// (n x d) with `activities · D ≈ targets`. Solves run in `Double`.
public protocol Solver: Sendable, CustomStringConvertible {
    /// When true, a connection between two ensembles gets a full neuron-to-neuron weight
    /// matrix instead of decoders, and writes straight into the post neurons' currents.
    var weights: Bool { get }

    /// True when weights can be composed as `encoders · transform · decodersᵀ` from a decoder
    /// solve (least-squares solvers); false for solvers that must solve for the weights
    /// directly (non-negative ones).
    var isCompositional: Bool { get }

    /// Solves `activities · decoders ≈ targets`.
    /// - Throws: ``BrainKitError`` when the problem cannot be solved.
    func solve(activities: Matrix, targets: Matrix, rng: inout RandomState) throws(BrainKitError) -> SolverResult
}

/// What a solve produced: decoders (n x d) and the RMS error of each target column.
public struct SolverResult: Sendable {
    /// n x d decoders (or, for a direct weight solve, n_pre x n_post weights transposed).
    public var decoders: Matrix
    /// Root-mean-square error of `activities · decoders - targets` per column.
    public var rmses: [Double]

    /// A result with `decoders` and the RMS error of each target column.
    public init(decoders: Matrix, rmses: [Double]) {
        self.decoders = decoders
        self.rmses = rmses
    }
}
