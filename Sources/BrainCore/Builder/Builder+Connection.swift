extension Builder {
    /// Builds a connection: the pre value (decoded with solved decoders folded together with
    /// the transform, or sliced, passed through the function and transformed), the synapse
    /// (update mode: one step of delay), and the addition into the post.
    mutating func build(_ connection: Connection) throws(BrainKitError) {
        let name = connection.name
        var value: SignalSlice
        var intoCurrents = false

        if connection.isDecoded, let pre = connection.pre.ensemble,
            let preSignals = model.ensembleSignals[ObjectIdentifier(pre)], let activities = preSignals.output
        {
            // Decoded: W = T · Dᵀ (or full weights), applied to the pre neurons' output; the
            // decoders are solved with every other queued solve at the end of the build. When
            // folding T in would cost more than four times applying Dᵀ and then T (a
            // low-dimensional value fanned out to many outputs, e.g. a gate inhibiting a
            // population), the two are applied one after the other, unless a learning rule
            // or a weights probe needs the folded matrix.
            let transform = connection.transform.matrix(sizeMid: connection.sizeMid, sizeOut: connection.sizeOut)
            let n = pre.neuronCount, mid = connection.sizeMid, out = connection.sizeOut
            let factored = !connection.solver.weights && connection.learningRuleType == nil
                && !weightProbedConnections.contains(ObjectIdentifier(connection))
                && out * n > 4 * (mid * n + out * mid)
            var recipe = WeightRecipe.transform(factored ? Matrix.identity(mid) : transform)
            var targetEncoders: Matrix?
            var rows = factored ? mid : connection.sizeOut
            if connection.solver.weights, let post = connection.post.ensemble,
                let builtPost = model.ensembles[ObjectIdentifier(post)]
            {
                let selected = builtPost.scaledEncoders.selectingColumns(connection.post.resolvedIndices(input: true))
                let postEncoders = LinearAlgebra.multiply(selected, transform)  // nPost x sizeMid
                if connection.solver.isCompositional {
                    recipe = .encoders(postEncoders)
                } else {
                    targetEncoders = postEncoders
                    recipe = .transposed
                }
                rows = post.neuronCount
                intoCurrents = true
            }
            let weightSignal = addConstant("\(name).weights", rows: rows, columns: pre.neuronCount)
            try queueDecoders(
                from: pre, preIndices: connection.pre.indices, function: connection.function,
                functionValues: connection.functionValues, sizeMid: connection.sizeMid,
                evalPoints: connection.evalPoints, scaleEvalPoints: connection.scaleEvalPoints,
                solver: connection.solver, targetEncoders: targetEncoders, seed: seed(of: connection), owner: name,
                use: .connection(ObjectIdentifier(connection), weights: weightSignal, recipe: recipe))
            connectionWeights[ObjectIdentifier(connection)] = weightSignal
            try buildLearningRule(
                on: connection, weights: weightSignal, rows: rows, activities: model.slice(activities))
            value = addSignal("\(name).weighted", count: rows)
            add(.matrixVector(matrix: weightSignal, rows: rows, columns: pre.neuronCount,
                              x: model.slice(activities), y: value, accumulate: false),
                owner: name)
            if factored {
                value = applyTransform(connection.transform, to: value, sizeOut: connection.sizeOut, owner: name).value
            }
            connectionInputs[ObjectIdentifier(connection)] = model.slice(activities)
        } else {
            // From a node, a Direct ensemble or neurons: slice, function, transform.
            let input = try preValue(of: connection, owner: name)
            connectionInputs[ObjectIdentifier(connection)] = input
            var source = input
            if let function = connection.function {
                let mid = addSignal("\(name).function", count: connection.sizeMid)
                add(.function(function, input: source, output: mid), owner: name)
                source = mid
            }
            let weights: SignalID?
            (value, weights) = applyTransform(connection.transform, to: source, sizeOut: connection.sizeOut, owner: name)
            connectionWeights[ObjectIdentifier(connection)] = weights
            try buildLearningRule(on: connection, weights: weights, rows: connection.sizeOut, activities: input)
            var sparse: SparseMatrix?
            if case .sparse(let matrix) = connection.transform { sparse = matrix }
            model.connections[ObjectIdentifier(connection)] = BuiltConnection(
                evalPoints: nil, decoders: nil,
                weights: sparse == nil ? connection.transform.matrix(sizeMid: connection.sizeMid, sizeOut: connection.sizeOut)
                    : nil,
                sparseWeights: sparse, solverRMSEs: [])
        }

        if let synapse = connection.synapse {
            value = try addFilter(synapse, input: value, owner: name)
        }
        connectionOutputs[ObjectIdentifier(connection)] = value
        try connectIntoPost(connection, value: value, intoCurrents: intoCurrents, owner: name)
    }

    /// The (sliced) value a non-decoded connection starts from.
    private mutating func preValue(of connection: Connection, owner: String) throws(BrainKitError) -> SignalSlice {
        let signal: SignalID
        switch connection.pre.object {
        case .ensemble(let e):
            guard let s = model.ensembleSignals[ObjectIdentifier(e)] else { throw notInNetwork(e.name, owner) }
            signal = s.input
        case .neurons(let e):
            guard let s = model.ensembleSignals[ObjectIdentifier(e)]?.output else { throw notInNetwork(e.name, owner) }
            signal = s
        case .node(let n):
            guard let s = nodeSignals[ObjectIdentifier(n)] else { throw notInNetwork(n.name, owner) }
            signal = s.output
        case .learningRule(let c):
            throw .build(owner, "pre", "the learning rule of \(c.name) has no output to connect from")
        }
        return selection(of: signal, indices: connection.pre.indices, owner: owner)
    }

    /// `transform · source` as a new signal, or `source` itself for the identity; with the
    /// weight matrix signal of a dense transform (which learning rules change).
    private mutating func applyTransform(_ transform: Transform, to source: SignalSlice, sizeOut: Int, owner: String)
        -> (value: SignalSlice, weights: SignalID?)
    {
        switch transform {
        case .identity:
            return (source, nil)
        case .scalar(let factor):
            let out = addSignal("\(owner).transformed", count: sizeOut)
            add(.scaled(factor: Float(factor), x: source, y: out, accumulate: false), owner: owner)
            return (out, nil)
        case .diagonal(let values):
            let scale = addConstant("\(owner).transform", matrix: Matrix(column: values))
            let out = addSignal("\(owner).transformed", count: sizeOut)
            add(.elementwise(scale: model.slice(scale), x: source, y: out, accumulate: false), owner: owner)
            return (out, nil)
        case .dense(let matrix):
            let m = addConstant("\(owner).transform", matrix: matrix)
            let out = addSignal("\(owner).transformed", count: sizeOut)
            add(.matrixVector(matrix: m, rows: matrix.rows, columns: matrix.columns, x: source, y: out,
                              accumulate: false),
                owner: owner)
            return (out, m)
        case .sparse(let matrix):
            let values = addConstant("\(owner).transform", matrix: Matrix(row: matrix.values))
            let out = addSignal("\(owner).transformed", count: sizeOut)
            add(.sparseMatrixVector(matrix: matrix, values: values, x: source, y: out, accumulate: false), owner: owner)
            return (out, nil)
        }
    }

    /// Adds the connection's filtered value into its post: an ensemble's decoded input, a
    /// node's input, or neurons' currents (times the post gain; full weights go straight in).
    private mutating func connectIntoPost(
        _ connection: Connection, value: SignalSlice, intoCurrents: Bool, owner: String
    ) throws(BrainKitError) {
        switch connection.post.object {
        case .ensemble(let e):
            guard let s = model.ensembleSignals[ObjectIdentifier(e)] else { throw notInNetwork(e.name, owner) }
            if intoCurrents, let current = s.current {
                addInto(value, target: current, indices: nil, owner: owner)
            } else {
                addInto(value, target: s.input, indices: connection.post.indices, owner: owner)
            }
        case .node(let n):
            guard let input = nodeSignals[ObjectIdentifier(n)]?.input else { throw notInNetwork(n.name, owner) }
            addInto(value, target: input, indices: connection.post.indices, owner: owner)
        case .learningRule(let learned):
            guard seeds.seeds[ObjectIdentifier(learned)] != nil else {
                throw .build(
                    owner, "post",
                    "connects to the learning rule of \(learned.name), which is not part of the network being built")
            }
            addInto(value, target: learningError(of: learned), indices: connection.post.indices, owner: owner)
        case .neurons(let e):
            guard let current = model.ensembleSignals[ObjectIdentifier(e)]?.current,
                let built = model.ensembles[ObjectIdentifier(e)]
            else { throw notInNetwork(e.name, owner) }
            let indices = connection.post.resolvedIndices(input: true)
            let gains = addConstant("\(owner).postGain", matrix: Matrix(column: indices.map { built.gain[$0] }))
            if connection.post.indices == nil {
                add(.elementwise(scale: model.slice(gains), x: value, y: model.slice(current), accumulate: true),
                    owner: owner)
            } else {
                let scaled = addSignal("\(owner).gained", count: indices.count)
                add(.elementwise(scale: model.slice(gains), x: value, y: scaled, accumulate: false), owner: owner)
                addInto(scaled, target: current, indices: indices, owner: owner)
            }
        }
    }

    func notInNetwork(_ object: String, _ owner: String) -> BrainKitError {
        .build(owner, nil, "connects to \(object), which is not part of the network being built")
    }
}
