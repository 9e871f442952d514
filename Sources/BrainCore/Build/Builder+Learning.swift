extension Builder {
    /// The error signal of `connection`'s learning rule, cleared every step and summed into by
    /// the connections targeting the rule (made on first use, by whichever is built first).
    mutating func learningError(of connection: Connection) -> SignalID {
        if let existing = learningErrors[ObjectIdentifier(connection)] { return existing }
        let size = connection.learningRuleType?.errorSize(for: connection) ?? 0
        let error = addSignal("learning rule of \(connection.name).error", count: size)
        add(.reset(error, value: 0), owner: connection.name)
        learningErrors[ObjectIdentifier(connection)] = error.signal
        return error.signal
    }

    /// PES on a decoded connection: the pre activities filtered without delay, a delta
    /// `−(κ·dt/n) · e ⊗ a` updated each step, and the delta added to the weights at the start
    /// of the next step (before the weights are read), as Nengo does.
    mutating func buildPES(
        _ rule: PES, on connection: Connection, weights: SignalID, rows: Int, activities: SignalID, owner: String
    ) throws(BrainKitError) {
        let n = model.signals[activities.index].count
        let error = learningError(of: connection)
        var filtered = model.slice(activities)
        if let synapse = rule.preSynapse {
            filtered = try addFilter(synapse, input: filtered, owner: "\(owner).PES", delayed: false)
        }
        let delta = addSignal("\(owner).PES.delta", count: rows * n).signal
        add(.copy(from: model.slice(delta), to: model.slice(weights), accumulate: true), owner: owner)
        add(.pes(factor: Float(rule.learningRate * model.dt / Double(n)), error: model.slice(error),
                 activities: filtered, delta: delta),
            owner: owner)
    }
}
