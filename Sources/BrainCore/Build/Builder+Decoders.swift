extension Builder {
    /// Neuron firing rates (Hz) of `ensemble` at each row of `evalPoints` (radius units):
    /// `A[i, j] = rate(gain_j · (x_i · e_j) / radius + bias_j)`, an m x n matrix.
    static func activities(of ensemble: Ensemble, built: BuiltEnsemble, at evalPoints: Matrix) -> Matrix {
        let projections = LinearAlgebra.multiply(evalPoints, built.encoders, transposeB: true)
        let n = ensemble.neuronCount
        var currents = projections.values
        for i in 0..<projections.rows {
            for j in 0..<n {
                currents[i * n + j] = built.gain[j] * currents[i * n + j] / ensemble.radius + built.bias[j]
            }
        }
        return Matrix(rows: projections.rows, columns: n, values: ensemble.neuronType.rates(currents: currents))
    }

    /// Solves decoders for a connection (or decoded probe) from `ensemble`, computing
    /// `function` of the slice `preIndices` of the eval points (identity when nil), or fitting
    /// the given `functionValues`.
    ///
    /// - Returns: decoders (n x sizeMid), the eval points used, the solver's RMS errors.
    mutating func solveDecoders(
        from ensemble: Ensemble, preIndices: [Int]?, function: (([Double]) -> [Double])?, functionValues: Matrix?,
        sizeMid: Int, evalPoints given: (any Distribution)?, scaleEvalPoints: Bool, solver: any Solver,
        targetEncoders: Matrix? = nil, seed: Int, owner: String
    ) throws(BrainKitError) -> (decoders: Matrix, evalPoints: Matrix, rmses: [Double]) {
        guard let built = model.ensembles[ObjectIdentifier(ensemble)] else {
            throw .build(owner, "pre", "\(ensemble.name) is not part of the network being built")
        }
        var rng = RandomState(seed: seed)
        var evalPoints = built.evalPoints
        if let given {
            let count = (given as? Samples)?.samples.rows ?? ensemble.resolvedEvalPointCount
            evalPoints = try given.sample(count: count, dimensions: ensemble.dimensions, rng: &rng)
            if scaleEvalPoints { evalPoints = evalPoints.scaled(by: ensemble.radius) }
        }
        let activities = Builder.activities(of: ensemble, built: built, at: evalPoints)
        guard activities.maxElement > 0 else {
            throw .build(
                owner, "evalPoints",
                "activate no neuron of \(ensemble.name) (all activities are zero); check the eval points and intercepts")
        }

        // Targets in the pre's units.
        var targets: Matrix
        if let functionValues {
            targets = functionValues
        } else {
            let columns = preIndices ?? Array(0..<ensemble.dimensions)
            targets = Matrix(rows: evalPoints.rows, columns: sizeMid)
            for i in 0..<evalPoints.rows {
                let x = columns.map { evalPoints[i, $0] }
                let y = function?(x) ?? x
                guard y.count == sizeMid else {
                    throw .build(
                        owner, "function",
                        "returned \(y.count) values at eval point \(x), expected \(sizeMid)")
                }
                guard y.allSatisfy(\.isFinite) else {
                    throw .build(owner, "function", "returned a non-finite value at eval point \(x)")
                }
                for c in 0..<sizeMid { targets[i, c] = y[c] }
            }
        }
        if let targetEncoders {
            // Non-compositional weight solve: fit the post neurons' input currents directly.
            targets = LinearAlgebra.multiply(targets, targetEncoders, transposeB: true)
        }
        let result = try solver.solve(activities: activities, targets: targets, rng: &rng)
        return (result.decoders, evalPoints, result.rmses)
    }
}
