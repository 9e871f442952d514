/// Learning rules, wired as Nengo wires them: each rule updates a `delta` signal the shape of
/// what it learns, and `target += delta` runs at the start of the next step, before the target
/// is read; so the first step applies a zero delta. The filters inside a rule are built
/// without delay (set mode).
extension Builder {
    /// The signal connections into `connection`'s learning rule add into (made on first use,
    /// by whichever is built first): PES's error, cleared every step, or Voja's learning
    /// signal, reset to 1 every step.
    mutating func learningError(of connection: Connection) -> SignalID {
        if let existing = learningErrors[ObjectIdentifier(connection)] { return existing }
        let rule = connection.learningRuleType
        let size = rule?.errorSize(for: connection) ?? 0
        let isLearningSignal = rule is Voja
        let signal = addSignal(
            "learning rule of \(connection.name).\(isLearningSignal ? "learning" : "error")", count: size)
        add(.reset(signal, value: isLearningSignal ? 1 : 0), owner: connection.name)
        learningErrors[ObjectIdentifier(connection)] = signal.signal
        return signal.signal
    }

    /// Builds `connection`'s learning rule, if it has one. `weights` is the connection's
    /// row-major `rows x activities.count` weight signal acting on the pre `activities` (nil
    /// when the connection has no weight matrix).
    mutating func buildLearningRule(
        on connection: Connection, weights: SignalID?, rows: Int, activities: SignalSlice
    ) throws(BrainKitError) {
        guard let rule = connection.learningRuleType else { return }
        let owner = connection.name
        if let voja = rule as? Voja {
            try buildVoja(voja, on: connection, owner: owner)
            return
        }
        guard let weights else {
            throw .build(owner, "transform", "must be a dense (2-D) matrix for learning rule \(rule)")
        }
        switch rule {
        case let pes as PES:
            try buildPES(pes, on: connection, weights: weights, rows: rows, activities: activities, owner: owner)
        case let bcm as BCM:
            try buildBCM(bcm, on: connection, weights: weights, activities: activities, owner: owner)
        case let oja as Oja:
            try buildOja(oja, on: connection, weights: weights, activities: activities, owner: owner)
        default:
            throw .build(owner, "learningRule", "\(rule) is not a learning rule BrainKit can build")
        }
    }

    /// PES: the pre activities filtered without delay, the local error (the error, or the
    /// post encoders times the error for weights into neurons), and
    /// `delta = −(κ·dt/n) · e_local ⊗ a`.
    private mutating func buildPES(
        _ rule: PES, on connection: Connection, weights: SignalID, rows: Int, activities: SignalSlice, owner: String
    ) throws(BrainKitError) {
        let label = "\(owner).PES"
        let n = activities.count
        let filtered = try filter(activities, through: rule.preSynapse, label: label)
        let errorSignal = learningError(of: connection)
        var error = model.slice(errorSignal)
        if connection.isToNeurons, let post = connection.postEnsemble {
            guard let encoders = model.ensembleSignals[ObjectIdentifier(post)]?.encoders else {
                throw notInNetwork(post.name, owner)
            }
            // Post `.neurons`: the selected neurons' encoders, all dimensions. Weight solver:
            // every neuron, the post slice's dimensions.
            let toNeurons = connection.post.neuronsEnsemble != nil
            let neurons = toNeurons ? connection.post.resolvedIndices(input: true) : Array(0..<post.neuronCount)
            let dimensions = toNeurons ? Array(0..<post.dimensions) : connection.post.resolvedIndices(input: true)
            let local = addSignal("\(label).localError", count: neurons.count)
            add(.encodeError(encoders: encoders, encoderColumns: post.dimensions, rows: neurons, columns: dimensions,
                             error: error, output: local),
                owner: owner)
            error = local
        }
        precondition(error.count == rows, "PES: local error of \(error.count) for \(rows) weight rows")
        let delta = addDelta(to: weights, label: label, owner: owner)
        add(.pes(factor: Float(rule.learningRate * model.dt / Double(n)), error: error, activities: filtered,
                 delta: delta),
            owner: owner)
    }

    /// BCM: pre, post and θ filters without delay, and
    /// `delta = κ·dt · (b ⊙ (b − θ)) ⊗ a`.
    private mutating func buildBCM(
        _ rule: BCM, on connection: Connection, weights: SignalID, activities: SignalSlice, owner: String
    ) throws(BrainKitError) {
        let label = "\(owner).BCM"
        let pre = try filter(activities, through: rule.preSynapse, label: "\(label).pre")
        let postActivities = try self.postActivities(of: connection, owner: owner)
        let post = try filter(postActivities, through: rule.postSynapse, label: "\(label).post")
        let theta = try filter(postActivities, through: rule.thetaSynapse, label: "\(label).theta")
        let delta = addDelta(to: weights, label: label, owner: owner)
        add(.bcm(factor: Float(rule.learningRate * model.dt), pre: pre, post: post, theta: theta, delta: delta),
            owner: owner)
    }

    /// Oja: pre and post filters without delay, and
    /// `delta = κ·dt · (b ⊗ a − β · W ⊙ (b²)[:, None])`.
    private mutating func buildOja(
        _ rule: Oja, on connection: Connection, weights: SignalID, activities: SignalSlice, owner: String
    ) throws(BrainKitError) {
        let label = "\(owner).Oja"
        let pre = try filter(activities, through: rule.preSynapse, label: "\(label).pre")
        let post = try filter(
            try postActivities(of: connection, owner: owner), through: rule.postSynapse, label: "\(label).post")
        let delta = addDelta(to: weights, label: label, owner: owner)
        add(.oja(factor: Float(rule.learningRate * model.dt), beta: Float(rule.beta), pre: pre, post: post,
                 weights: weights, delta: delta),
            owner: owner)
    }

    /// Voja: the post activities filtered without delay, the per-neuron scale gain/radius, the
    /// learning signal, and `delta = κ·dt·L · (s ⊙ b ⊗ x − b[:, None] ⊙ E)` on the post's
    /// scaled encoders E, with x the post's decoded input.
    private mutating func buildVoja(_ rule: Voja, on connection: Connection, owner: String) throws(BrainKitError) {
        let label = "\(owner).Voja"
        guard let post = connection.post.ensemble, let signals = model.ensembleSignals[ObjectIdentifier(post)],
            let output = signals.output, let encoders = signals.encoders,
            let built = model.ensembles[ObjectIdentifier(post)]
        else { throw notInNetwork(connection.post.name, owner) }
        let activities = try filter(model.slice(output), through: rule.postSynapse, label: label)
        let scale = addConstant("\(label).scale", matrix: Matrix(column: built.gain.map { $0 / post.radius }))
        let learning = learningError(of: connection)
        let delta = addDelta(to: encoders, label: label, owner: owner)
        add(.voja(factor: Float(rule.learningRate * model.dt), scale: scale, post: activities,
                  x: model.slice(signals.input), learning: model.slice(learning), encoders: encoders, delta: delta),
            owner: owner)
    }

    // MARK: - Shared pieces

    /// A `delta` signal the size of `target`, added into the target every step (before the
    /// target is read; the rule updates delta after it is read). The addition is compensated:
    /// a delta far below the target's Float32 resolution still accumulates as it would in
    /// Float64.
    private mutating func addDelta(to target: SignalID, label: String, owner: String) -> SignalID {
        let count = model.signals[target.index].count
        let delta = addSignal("\(label).delta", count: count).signal
        let compensation = addSignal("\(label).compensation", count: count).signal
        add(.compensatedAdd(from: model.slice(delta), to: model.slice(target), compensation: compensation),
            owner: owner)
        return delta
    }

    /// `signal` through `synapse` without delay, or `signal` itself for no synapse.
    private mutating func filter(_ signal: SignalSlice, through synapse: (any Synapse)?, label: String)
        throws(BrainKitError) -> SignalSlice
    {
        guard let synapse else { return signal }
        return try addFilter(synapse, input: signal, owner: label, delayed: false)
    }

    /// The post neuron activities a weight rule reads, one per weight row: the selected
    /// neurons of a `.neurons` post, or every post neuron for a weight solver.
    private mutating func postActivities(of connection: Connection, owner: String) throws(BrainKitError)
        -> SignalSlice
    {
        guard let post = connection.postEnsemble, let output = model.ensembleSignals[ObjectIdentifier(post)]?.output
        else { throw notInNetwork(connection.post.name, owner) }
        let indices = connection.post.neuronsEnsemble != nil ? connection.post.indices : nil
        return selection(of: output, indices: indices, owner: owner)
    }
}
