/// A decoder solve waiting to run: the build queues every solve, then runs them together.
struct DecoderJob: Sendable {
    let ensemble: Ensemble
    let built: BuiltEnsemble
    /// Eval points (radius units) and the targets there, m x sizeMid (or m x nPost).
    let evalPoints: Matrix
    let targets: Matrix
    let solver: any Solver
    var rng: RandomState
    /// True when the eval points are the ensemble's own: such solves of one ensemble with one
    /// solver can share a factorization.
    let ownEvalPoints: Bool
    let owner: String
    /// What to do with the decoders.
    let use: DecoderUse
}

/// Where solved decoders go.
enum DecoderUse: Sendable {
    /// A connection: its weight signal gets `recipe` applied to the decoders.
    case connection(ObjectIdentifier, weights: SignalID, recipe: WeightRecipe)
    /// A decoded-output probe: its weight signal gets `decodersᵀ`.
    case probe(ObjectIdentifier, weights: SignalID)

    /// The weight signal the decoders fill.
    var weights: SignalID {
        switch self {
        case .connection(_, let weights, _), .probe(_, let weights): weights
        }
    }
}

/// How a connection's weight matrix follows from its decoders D (n x k).
enum WeightRecipe: Sendable {
    /// `W = T · Dᵀ`: the transform folded into the decoders.
    case transform(Matrix)
    /// `W = E · Dᵀ` with `E = postScaledEncoders[:, slice] · T`: full neuron-to-neuron weights.
    case encoders(Matrix)
    /// `W = Dᵀ`: the solver fit the post currents directly.
    case transposed
}

extension Builder {
    /// Neuron firing rates (Hz) of `ensemble` at each row of `evalPoints` (radius units):
    /// `A[i, j] = rate(gain_j · (x_i · e_j) / radius + bias_j)`, an m x n matrix.
    static func activities(of ensemble: Ensemble, built: BuiltEnsemble, at evalPoints: Matrix) -> Matrix {
        // J = X · scaledEncodersᵀ + bias (the scaled encoders hold gain / radius).
        var currents = LinearAlgebra.multiply(evalPoints, built.scaledEncoders, transposeB: true)
        let n = ensemble.neuronCount
        currents.values.withUnsafeMutableBufferPointer { values in
            for i in 0..<currents.rows {
                for j in 0..<n { values[i * n + j] += built.bias[j] }
            }
        }
        return Matrix(rows: currents.rows, columns: n, values: ensemble.neuronType.rates(currents: currents.values))
    }

    /// The activities of a LIF-family ensemble in Float32 (currents by sgemm, rates by
    /// ``LIFRateMath/singlePrecisionRates(currents:bias:)``), for large solves.
    static func singleActivities(
        of ensemble: Ensemble, curve: any LIFRateCurveNeuron, built: BuiltEnsemble, at evalPoints: Matrix
    ) -> SingleMatrix {
        var currents = LinearAlgebra.multiply(
            SingleMatrix(evalPoints), SingleMatrix(built.scaledEncoders), transposeB: true)
        curve.rateMath.singlePrecisionRates(currents: &currents.values, bias: built.bias)
        return currents
    }

    /// Queues a decoder solve for a connection (or decoded probe) from `ensemble`: computes the
    /// eval points and, on the calling thread, the targets — `function` of the slice
    /// `preIndices` of each eval point (identity when nil), or the given `functionValues`,
    /// projected onto `targetEncoders` for a direct weight solve.
    mutating func queueDecoders(
        from ensemble: Ensemble, preIndices: [Int]?, function: (([Double]) -> [Double])?, functionValues: Matrix?,
        sizeMid: Int, evalPoints given: (any Distribution)?, scaleEvalPoints: Bool, solver: any Solver,
        targetEncoders: Matrix? = nil, seed: Int, owner: String, use: DecoderUse
    ) throws(BrainKitError) {
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
                    throw .build(owner, "function", "returned \(y.count) values at eval point \(x), expected \(sizeMid)")
                }
                guard y.allSatisfy(\.isFinite) else {
                    throw .build(owner, "function", "returned a non-finite value at eval point \(x)")
                }
                for c in 0..<sizeMid { targets[i, c] = y[c] }
            }
        }
        if let targetEncoders {
            targets = LinearAlgebra.multiply(targets, targetEncoders, transposeB: true)
        }
        pendingDecoders.append(
            DecoderJob(
                ensemble: ensemble, built: built, evalPoints: evalPoints, targets: targets, solver: solver, rng: rng,
                ownEvalPoints: given == nil, owner: owner, use: use))
    }

    /// Solves every queued job, on all cores, and writes the weights and built parameters.
    ///
    /// Jobs that share an ensemble, its own eval points and a least-squares solver are solved
    /// as one system with several target columns: one set of activities, one Gram matrix, one
    /// Cholesky factorization. (Each column of such a solve is what solving it alone gives.)
    /// Solves every queued decoder job, or, with `needed`, the groups with a member whose
    /// weight signal is in it.
    mutating func solveQueuedDecoders(needed: Set<SignalID>? = nil) throws(BrainKitError) {
        let jobs = pendingDecoders
        pendingDecoders = []
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        for (index, job) in jobs.enumerated() {
            let shareable = job.ownEvalPoints && (job.solver is LstsqL2 || job.solver is LstsqL2nz)
            let key = "\(ObjectIdentifier(job.ensemble).hashValue)|\(job.solver)"
            if shareable, let group = groupOf[key] {
                groups[group].append(index)
            } else {
                if shareable { groupOf[key] = groups.count }
                groups.append([index])
            }
        }
        if let needed {
            groups = groups.filter { group in group.contains { needed.contains(jobs[$0].use.weights) } }
        }
        let solved = try ParallelWork.map(groups) { group throws(BrainKitError) in
            let members = group.map { jobs[$0] }
            do throws(BrainKitError) {
                return try Builder.solve(members)
            } catch where error.kind == .linearAlgebra {
                // A LAPACK failure names the routine; say which decoders it was solving.
                throw BrainKitError(
                    .linearAlgebra, object: members[0].owner, parameter: "solver",
                    message: "\(members[0].solver) failed solving for decoders from \(members[0].ensemble.name): "
                        + "\(error.description)")
            }
        }
        for (group, results) in zip(groups, solved) {
            for (index, result) in zip(group, results) {
                finish(jobs[index], decoders: result.decoders, rmses: result.rmses)
            }
        }
    }

    /// Solves jobs that share activities and solver, as one multi-column system.
    ///
    /// Large LstsqL2 solves (at least ``RegularizedLeastSquares/singleAccumulationThreshold``
    /// activities, no fewer eval points than neurons) of LIF-family ensembles run in Float32
    /// up to the Cholesky solve (see ``LstsqL2/solve(singleActivities:targets:)``).
    private static func solve(_ jobs: [DecoderJob]) throws(BrainKitError) -> [SolverResult] {
        let first = jobs[0]
        let targets = jobs.count == 1 ? first.targets : combinedTargets(jobs)
        var rng = first.rng
        let combined: SolverResult
        if first.evalPoints.rows * first.ensemble.neuronCount >= RegularizedLeastSquares.singleAccumulationThreshold,
            first.evalPoints.rows >= first.ensemble.neuronCount,
            let curve = first.ensemble.neuronType as? any LIFRateCurveNeuron,
            let solver = first.solver as? LstsqL2
        {
            let activities = Builder.singleActivities(
                of: first.ensemble, curve: curve, built: first.built, at: first.evalPoints)
            guard activities.maxElement > 0 else { throw inactive(first) }
            combined = try solver.solve(singleActivities: activities, targets: targets)
        } else {
            let activities = Builder.activities(of: first.ensemble, built: first.built, at: first.evalPoints)
            guard activities.maxElement > 0 else { throw inactive(first) }
            combined = try first.solver.solve(activities: activities, targets: targets, rng: &rng)
        }
        if jobs.count == 1 { return [combined] }
        var offset = 0
        return jobs.map { job in
            let columns = Array(offset..<(offset + job.targets.columns))
            offset += job.targets.columns
            return SolverResult(
                decoders: combined.decoders.selectingColumns(columns), rmses: columns.map { combined.rmses[$0] })
        }
    }

    /// The targets of jobs sharing one solve, side by side.
    private static func combinedTargets(_ jobs: [DecoderJob]) -> Matrix {
        var targets = Matrix(rows: jobs[0].targets.rows, columns: jobs.reduce(0) { $0 + $1.targets.columns })
        var offset = 0
        for job in jobs {
            for r in 0..<targets.rows {
                for c in 0..<job.targets.columns { targets[r, offset + c] = job.targets[r, c] }
            }
            offset += job.targets.columns
        }
        return targets
    }

    /// The error for eval points that activate no neuron.
    private static func inactive(_ job: DecoderJob) -> BrainKitError {
        .build(
            job.owner, "evalPoints",
            "activate no neuron of \(job.ensemble.name) (all activities are zero); check the eval points and "
                + "intercepts")
    }

    /// Writes a solved job's weights into its signal and records its built parameters.
    private mutating func finish(_ job: DecoderJob, decoders: Matrix, rmses: [Double]) {
        switch job.use {
        case .connection(let id, let weightSignal, let recipe):
            let weights: Matrix
            switch recipe {
            case .transform(let t): weights = LinearAlgebra.multiply(t, decoders, transposeB: true)
            case .encoders(let e): weights = LinearAlgebra.multiply(e, decoders, transposeB: true)
            case .transposed: weights = decoders.transposed
            }
            setConstant(weightSignal, to: weights)
            model.connections[id] = BuiltConnection(
                evalPoints: job.evalPoints, decoders: decoders, weights: weights, sparseWeights: nil, solverRMSEs: rmses)
        case .probe(let id, let weightSignal):
            let weights = decoders.transposed
            setConstant(weightSignal, to: weights)
            model.probeConnections[id] = BuiltConnection(
                evalPoints: job.evalPoints, decoders: decoders, weights: weights, sparseWeights: nil, solverRMSEs: rmses)
        }
    }
}
