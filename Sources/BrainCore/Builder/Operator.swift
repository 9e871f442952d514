/// An ``Operation`` with the model object it was built for (named in errors) and its
/// declared signal access (``Operation/roles``).
struct Operator {
    let operation: Operation
    /// The model object this operator belongs to, e.g. `Connection from ... to ...`.
    let owner: String
    /// The identity of the model object (ensemble, node, connection or probe) whose build made
    /// this operator, or nil for an operator made by a later stage (the optimizer); a
    /// partition of the model across processes places operators by it.
    var object: ObjectIdentifier? = nil
    /// The probe whose value this operator computes (a decoded output's product, a probe
    /// synapse's filter and its copy), which writes only that probe's own signals; nil for the
    /// model's operators.
    var probe: ObjectIdentifier? = nil

    /// The operation's access, declared by ``Operation/roles``.
    var roles: SignalRoles { operation.roles }
    /// Signals written from scratch each step.
    var sets: [SignalID] { roles.signals(.sets) }
    /// Signals added to.
    var increments: [SignalID] { roles.signals(.increments) }
    /// Signals read.
    var reads: [SignalID] { roles.reads }
    /// Signals written for the next step, after everything that reads them this step.
    var updates: [SignalID] { roles.signals(.updates) }
    /// What the operator writes (sets, increments or updates), as precisely as it is known:
    /// a slice's elements, or a whole signal.
    var writtenRegions: [WrittenRegion] { roles.writes.map(\.region) }
    /// Every signal written (set, incremented or updated), as often as it is written.
    var writtenSignals: [SignalID] { roles.writes.map(\.region.signal) }
}
