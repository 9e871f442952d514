/// The result of building a network: signals, operators and built parameters. This is the
/// backend-neutral description a simulator engine executes.
struct BuiltModel {
    let dt: Double
    var signals: [Signal] = []
    var operators: [Operator] = []
    var ensembles: [ObjectIdentifier: BuiltEnsemble] = [:]
    var connections: [ObjectIdentifier: BuiltConnection] = [:]
    var probes: [ObjectIdentifier: ProbeSource] = [:]
    /// Decoders of decoded-output probes, by probe.
    var probeConnections: [ObjectIdentifier: BuiltConnection] = [:]
    /// The output signal of each node with a constant output, by node (overridden live by
    /// `Simulator.setOutput(of:to:)`).
    var constantNodeOutputs: [ObjectIdentifier: SignalID] = [:]
    /// The seed each object was built with.
    var seeds: [ObjectIdentifier: Int] = [:]
    /// The ensemble's signals, for analysis and learning.
    var ensembleSignals: [ObjectIdentifier: EnsembleSignals] = [:]

    init(dt: Double) {
        self.dt = dt
    }

    mutating func addSignal(_ signal: Signal) -> SignalID {
        signals.append(signal)
        return SignalID(index: signals.count - 1)
    }

    mutating func add(_ operation: Operation, owner: String, object: ObjectIdentifier? = nil) {
        operators.append(Operator(operation: operation, owner: owner, object: object))
    }

    func slice(_ id: SignalID) -> SignalSlice {
        SignalSlice(id, count: signals[id.index].count)
    }
}

/// Where a probe reads its data after each step: `indices` of `signal`, or all of it.
struct ProbeSource {
    let signal: SignalID
    let indices: [Int]?
    let size: Int
    /// Record when `step mod period < 1` (period = sampleEvery / dt; 1 for every step).
    let period: Double
}

/// The signals of a built ensemble.
struct EnsembleSignals {
    /// Summed decoded input (d); for a Direct ensemble also its output.
    let input: SignalID
    /// Neuron input currents, output and state (nil for Direct).
    let current: SignalID?
    let output: SignalID?
    /// The scaled encoders (n x d, row-major; nil for Direct), which Voja learns.
    let encoders: SignalID?
    /// One signal per neuron state variable, in the neuron type's order.
    let state: [SignalID]
}
