/// Uses given decoders instead of solving for them, or zeros.
///
/// `values` must be n x d (neurons x target dimensions); the shape is checked at solve time,
/// when n and d are known. Nengo's builder skips the activity computation for this solver, so
/// it also accepts eval points that activate no neuron.
public struct NoSolver: Solver {
    /// The decoders to use (n x d), or nil for zeros.
    public let values: Matrix?
    public let weights: Bool
    public var isCompositional: Bool { true }

    /// Zero decoders.
    public init(weights: Bool = false) {
        self.values = nil
        self.weights = weights
    }

    /// - Throws: ``BrainKitError`` when `values` contains a NaN or an infinity.
    public init(values: Matrix?, weights: Bool = false) throws(BrainKitError) {
        if let values { try Check.finite(values.values, "NoSolver", "values") }
        self.values = values
        self.weights = weights
    }

    /// - Throws: a build error naming `values` when its shape is not n x d.
    public func solve(
        activities: Matrix, targets: Matrix, rng: inout RandomState
    ) throws(BrainKitError) -> SolverResult {
        precondition(
            activities.rows == targets.rows,
            "NoSolver: \(activities.rows) rows of activities against \(targets.rows) rows of targets")
        let neurons = activities.columns, dimensions = targets.columns
        let decoders = values ?? Matrix(rows: neurons, columns: dimensions)
        guard decoders.rows == neurons && decoders.columns == dimensions else {
            throw .build(
                "NoSolver", "values",
                "must be \(neurons)x\(dimensions) (neurons x dimensions), got \(decoders.rows)x\(decoders.columns)")
        }
        return SolverResult(
            decoders: decoders,
            rmses: SolverSupport.rmses(activities: activities, decoders: decoders, targets: targets))
    }

    public var description: String {
        var parts = values.map { ["values=\($0)"] } ?? []
        if weights { parts.append("weights=True") }
        return "NoSolver(\(parts.joined(separator: ", ")))"
    }
}
