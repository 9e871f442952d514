/// Turns a ``Network`` into a ``BuiltModel``: signals, operators and built parameters.
///
/// Objects are built network by network in creation order (ensembles, nodes, subnetworks,
/// connections, probes), each from its own seed (``SeedAssignment``), so one network seed
/// reproduces the whole model. Decoders are solved here, in `Double`.
struct Builder {
    var model: BuiltModel
    let seeds: SeedAssignment
    var nodeSignals: [ObjectIdentifier: NodeSignals] = [:]
    /// A connection's output (after transform and synapse) and input signals, for probes.
    var connectionOutputs: [ObjectIdentifier: SignalSlice] = [:]
    var connectionInputs: [ObjectIdentifier: SignalSlice] = [:]
    /// The error signal of each connection's learning rule, by connection.
    var learningErrors: [ObjectIdentifier: SignalID] = [:]
    /// Each connection's weight matrix signal (decoded weights or a dense transform), for
    /// learning rules and weight probes.
    var connectionWeights: [ObjectIdentifier: SignalID] = [:]
    /// Decoder solves queued by connections and probes, run together at the end.
    var pendingDecoders: [DecoderJob] = []
    /// Ensemble parameters, drawn for all ensembles at once before anything else.
    var drawnEnsembles: [ObjectIdentifier: BuiltEnsemble] = [:]
    /// Connections whose weights a probe records (their decoders and transform stay folded).
    var weightProbedConnections: Set<ObjectIdentifier> = []
    /// The model object being built: the operators added are tagged with it.
    var currentObject: ObjectIdentifier?

    /// The stages ``build(_:dt:seeds:stageCompleted:)`` reports, in order.
    static let stages = ["ensembles drawn", "objects built", "decoders solved"]

    /// Builds `network` for a simulation step of `dt` seconds, seeding unseeded objects from
    /// `seeds`; `stageCompleted` is called on the calling thread with each of ``stages`` as it
    /// is done.
    ///
    /// `decodersNeeded`, for a build of which only a part will run, is called with the model
    /// before its decoders are solved and returns the weight signals the part reads: a group
    /// of solves sharing a factorization is solved when one of its members' weights is among
    /// them (so each is solved exactly as in a whole build), and the others are left unsolved
    /// (zero weights, no built parameters).
    static func build(
        _ network: Network, dt: Double, seeds: SeedAssignment, stageCompleted: (String) -> Void = { _ in },
        decodersNeeded: ((BuiltModel) throws(BrainKitError) -> Set<SignalID>)? = nil
    ) throws(BrainKitError) -> BuiltModel {
        var builder = Builder(model: BuiltModel(dt: dt), seeds: seeds)
        let ensembles = network.allEnsembles
        let drawn = try ParallelWork.map(ensembles.map { ($0, builder.seed(of: $0)) }) { item throws(BrainKitError) in
            try Builder.draw(item.0, seed: item.1)
        }
        for (ensemble, built) in zip(ensembles, drawn) { builder.drawnEnsembles[ObjectIdentifier(ensemble)] = built }
        stageCompleted(stages[0])
        builder.weightProbedConnections = Set(network.allProbes.compactMap { probe in
            if case .connection(let connection) = probe.target, probe.attribute == .weights {
                return ObjectIdentifier(connection)
            }
            return nil
        })
        builder.buildObjects(of: network)
        try builder.buildConnectionsAndProbes(of: network)
        stageCompleted(stages[1])
        let needed = try decodersNeeded?(builder.model)
        try builder.solveQueuedDecoders(needed: needed)
        stageCompleted(stages[2])
        builder.model.seeds = seeds.seeds
        return builder.model
    }

    /// Ensembles and nodes first (all networks), so that connections can reach across.
    private mutating func buildObjects(of network: Network) {
        for ensemble in network.ensembles {
            currentObject = ObjectIdentifier(ensemble)
            build(ensemble, drawn: drawnEnsembles[ObjectIdentifier(ensemble)]!)
        }
        for node in network.nodes {
            currentObject = ObjectIdentifier(node)
            build(node)
        }
        for child in network.networks { buildObjects(of: child) }
    }

    private mutating func buildConnectionsAndProbes(of network: Network) throws(BrainKitError) {
        for child in network.networks { try buildConnectionsAndProbes(of: child) }
        for connection in network.connections {
            currentObject = ObjectIdentifier(connection)
            try build(connection)
        }
        for probe in network.probes {
            currentObject = ObjectIdentifier(probe)
            try build(probe)
        }
        currentObject = nil
    }

    // MARK: - Shared helpers

    func seed(of object: AnyObject) -> Int {
        seeds.seeds[ObjectIdentifier(object)] ?? 0
    }

    mutating func addSignal(_ name: String, count: Int, initial: [Float] = []) -> SignalSlice {
        let id = model.addSignal(Signal(name: name, count: count, initial: initial))
        return SignalSlice(id, count: count)
    }

    mutating func addConstant(_ name: String, matrix: Matrix) -> SignalID {
        model.addSignal(Signal(name: name, matrix: matrix))
    }

    /// A constant matrix signal whose values are set later (by ``setConstant(_:to:)``).
    mutating func addConstant(_ name: String, rows: Int, columns: Int) -> SignalID {
        model.addSignal(Signal(name: name, matrix: Matrix(rows: rows, columns: columns)))
    }

    mutating func setConstant(_ signal: SignalID, to matrix: Matrix) {
        precondition(model.signals[signal.index].count == matrix.values.count, "Builder: constant size changed")
        model.signals[signal.index].initial = matrix.values.map { Float($0) }
    }

    mutating func add(_ operation: Operation, owner: String) {
        model.add(operation, owner: owner, object: currentObject)
    }

    /// A contiguous view of `indices` of `signal` when they are consecutive, else a new signal
    /// filled by a gather each step.
    mutating func selection(of signal: SignalID, indices: [Int]?, owner: String) -> SignalSlice {
        let full = model.signals[signal.index].count
        guard let indices else { return SignalSlice(signal, count: full) }
        if let first = indices.first, indices == Array(first..<(first + indices.count)) {
            return SignalSlice(signal, offset: first, count: indices.count)
        }
        let gathered = addSignal("\(owner).selection", count: indices.count)
        add(.gather(from: signal, indices: indices, to: gathered, accumulate: false), owner: owner)
        return gathered
    }

    /// Adds `value` into `indices` of `target` (all of it when nil) every step.
    mutating func addInto(_ value: SignalSlice, target: SignalID, indices: [Int]?, owner: String) {
        if let indices {
            if let first = indices.first, indices == Array(first..<(first + indices.count)) {
                add(.copy(from: value, to: SignalSlice(target, offset: first, count: indices.count), accumulate: true),
                    owner: owner)
            } else {
                add(.scatterAdd(from: value, to: target, indices: indices), owner: owner)
            }
        } else {
            add(.copy(from: value, to: model.slice(target), accumulate: true), owner: owner)
        }
    }

    /// Filters `input` through `synapse` and returns the filtered signal: in update mode (one
    /// step of delay) unless `delayed` is false.
    mutating func addFilter(_ synapse: any Synapse, input: SignalSlice, owner: String, delayed: Bool = true)
        throws(BrainKitError) -> SignalSlice
    {
        let filter = try synapse.discretized(dt: model.dt)
        let output = addSignal("\(owner).\(synapse)", count: input.count)
        let separateState =
            filter.stateCount > 0
            && !FilterKernel.keepsStateInOutput(order: filter.stateCount, advanced: filter.isAdvancedForm)
        let state: SignalID? =
            separateState ? addSignal("\(owner).\(synapse).state", count: filter.stateCount * input.count).signal : nil
        add(.filter(filter, input: input, output: output, state: state, delayed: delayed), owner: owner)
        return output
    }
}

/// The signals of a built node: its output and, when it has inputs, its summed input
/// (the same signal for a passthrough node).
struct NodeSignals {
    let input: SignalID?
    let output: SignalID
}
