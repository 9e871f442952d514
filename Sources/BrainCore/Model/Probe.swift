/// Records a signal of the model every step (or every `sampleEvery` seconds), optionally
/// filtered by a synapse (which, as on connections, delays it by one step).
///
/// Read the data with `Simulator.data(_:)` and the matching times with
/// `Simulator.trange(sampleEvery:)`.
public final class Probe {
    /// What a probe records from.
    public enum Target {
        /// An ensemble, its neurons or a node (or a slice of one).
        case endpoint(Endpoint)
        /// A connection: its output, input or weights.
        case connection(Connection)
    }

    /// What this probe records from.
    public let target: Target
    /// Which quantity it records (decoded output, spikes, voltage, ...).
    public let attribute: ProbeAttribute
    /// The filter applied to the recorded signal, or nil for none.
    public let synapse: (any Synapse)?
    /// The sampling period in seconds, or nil to record every step.
    public let sampleEvery: Double?
    /// The solver for a decoded-output probe's own decoders.
    public let solver: any Solver
    /// A name for errors and saved data.
    public let label: String?
    /// The probe's seed (decoded probes solve decoders of their own), or nil to draw it.
    public let seed: Int?
    /// The number of values recorded per sample.
    public let size: Int

    init(
        target: Target, attribute: ProbeAttribute?, synapse: (any Synapse)?, sampleEvery: Double?,
        solver: any Solver, label: String?, seed: Int?
    ) throws(BrainKitError) {
        let name = Probe.describe(label: label, target: target)
        if let sampleEvery {
            try Check.atLeast(sampleEvery, 1e-10, name, "sampleEvery")
            try Check.finite([sampleEvery], name, "sampleEvery")
        }
        if let seed { try Network.checkSeed(seed, object: name, parameter: "seed") }
        let attribute = attribute ?? Probe.defaultAttribute(of: target)
        self.size = try Probe.validate(attribute, on: target, name: name)
        self.target = target
        self.attribute = attribute
        self.synapse = synapse
        self.sampleEvery = sampleEvery
        self.solver = solver
        self.label = label
        self.seed = seed
    }

    /// How errors name this probe.
    public var name: String { Probe.describe(label: label, target: target) }

    static func describe(label: String?, target: Target) -> String {
        if let label { return "Probe '\(label)'" }
        switch target {
        case .endpoint(let e): return "Probe of \(e.name)"
        case .connection(let c): return "Probe of \(c.name)"
        }
    }

    static func defaultAttribute(of target: Target) -> ProbeAttribute {
        switch target {
        case .endpoint(let e):
            if case .ensemble = e.object { return .decodedOutput }
            return .output
        case .connection: return .output
        }
    }

    /// Checks that `attribute` can be probed on `target` and returns the recorded size.
    private static func validate(_ attribute: ProbeAttribute, on target: Target, name: String) throws(BrainKitError)
        -> Int
    {
        func notProbeable(_ on: String, _ allowed: [ProbeAttribute]) -> BrainKitError {
            .validation(
                name, "attribute",
                "'\(attribute)' is not probeable on \(on); probeable: \(allowed.map(\.description).joined(separator: ", "))"
            )
        }
        switch target {
        case .connection(let c):
            switch attribute {
            case .output:
                if c.solver.weights, let post = c.post.ensemble { return post.neuronCount }
                return c.sizeOut
            case .input:
                // A decoded connection's input is its pre ensemble's neuron activity.
                if c.isDecoded, let ensemble = c.pre.ensemble { return ensemble.neuronCount }
                return c.sizeIn
            case .weights:
                // The weight matrix, row-major: decoded weights (transform · decodersᵀ, or full
                // weights with a weight solver) or a dense transform.
                if c.isDecoded, let ensemble = c.pre.ensemble {
                    let rows = c.solver.weights ? (c.post.ensemble?.neuronCount ?? c.sizeOut) : c.sizeOut
                    return rows * ensemble.neuronCount
                }
                guard case .dense(let matrix) = c.transform else {
                    throw .validation(
                        name, "attribute",
                        "'weights' needs a weight matrix: a decoded connection or a dense transform (\(c.name) has none)")
                }
                return matrix.rows * matrix.columns
            default: throw notProbeable(c.name, [.output, .input, .weights])
            }
        case .endpoint(let e):
            switch e.object {
            case .ensemble(let ensemble):
                if attribute == .scaledEncoders {
                    guard !ensemble.neuronType.isDirect, e.indices == nil else {
                        throw .validation(
                            name, "attribute", "'scaledEncoders' needs a whole neural ensemble (got \(e.name))")
                    }
                    return ensemble.neuronCount * ensemble.dimensions
                }
                guard attribute == .decodedOutput || attribute == .input else {
                    throw notProbeable(ensemble.name, [.decodedOutput, .input, .scaledEncoders])
                }
                return e.size(input: false)
            case .neurons(let ensemble):
                let states = ensemble.neuronType.stateVariables.map { ProbeAttribute.state($0.name) }
                let allowed: [ProbeAttribute] = [.output, .input] + states
                guard !ensemble.neuronType.isDirect else {
                    throw .validation(name, "target", "a Direct ensemble has no neurons to probe")
                }
                guard allowed.contains(attribute) else { throw notProbeable(e.name, allowed) }
                return e.size(input: false)
            case .node(let node):
                let isInput: Bool
                switch attribute {
                case .output: isInput = false
                case .input: isInput = true
                default: throw notProbeable(node.name, [.output, .input])
                }
                let size = e.fullSize(input: isInput)
                guard size > 0 else {
                    throw .validation(
                        name, "target", "\(node.name) must have size\(isInput ? "In" : "Out") > 0 to probe its \(attribute)")
                }
                if let bad = e.indices?.first(where: { $0 >= size }) {
                    throw .validation(name, "target", "slice index \(bad) is out of range for size \(size)")
                }
                return e.indices?.count ?? size
            case .learningRule:
                throw .validation(name, "target", "\(e.name) cannot be probed; probe its error signal's source")
            }
        }
    }
}

/// What a probe records.
public enum ProbeAttribute: Hashable, Sendable, CustomStringConvertible {
    /// An ensemble's decoded value (the default for ensembles), through the probe's own
    /// decoders.
    case decodedOutput
    /// An ensemble's summed decoded input; the input current of neurons; a node's input; a
    /// connection's (sliced) pre value.
    case input
    /// Neurons' output (spikes of height 1/dt, or rates in Hz); a node's output; a
    /// connection's filtered, transformed output.
    case output
    /// A neuron state variable by name, e.g. `voltage`, `refractoryTime`, `adaptation`.
    case state(String)
    /// A connection's weight matrix, flattened row-major (post side x pre side): decoded
    /// weights or a dense transform, as learning changes them.
    case weights
    /// An ensemble's scaled encoders (encoders ⊙ gain / radius), flattened row-major
    /// (neurons x dimensions), as Voja changes them.
    case scaledEncoders

    /// Membrane voltages.
    public static let voltage = ProbeAttribute.state("voltage")
    /// Remaining refractory time (seconds).
    public static let refractoryTime = ProbeAttribute.state("refractoryTime")

    public var description: String {
        switch self {
        case .decodedOutput: return "decodedOutput"
        case .input: return "input"
        case .output: return "output"
        case .state(let name): return name
        case .weights: return "weights"
        case .scaledEncoders: return "scaledEncoders"
        }
    }
}

extension Network {
    /// Probes `target` (an ensemble's decoded output by default; neurons' and nodes' output).
    ///
    /// - Parameters:
    ///   - synapse: filters the recorded signal (one step of delay), nil for none.
    ///   - sampleEvery: record every this many seconds (>= 1e-10), nil for every step.
    ///   - solver: solver for a decoded-output probe's decoders.
    ///   - label: a name for errors.
    ///   - seed: the probe's seed (for decoded probes); nil draws it from the network's.
    ///   - target: what to record: an ensemble, node, neurons or a slice of one.
    ///   - attribute: what to record of it; nil: the decoded value of an ensemble, the output of
    ///     neurons (spikes), a node or a connection.
    @discardableResult
    public func probe(
        _ target: some EndpointConvertible,
        _ attribute: ProbeAttribute? = nil,
        synapse: (any Synapse)? = nil,
        sampleEvery: Double? = nil,
        solver: (any Solver)? = nil,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Probe {
        let probe = try Probe(
            target: .endpoint(target.endpoint), attribute: attribute, synapse: synapse, sampleEvery: sampleEvery,
            solver: solver ?? resolved(\.solver) ?? LstsqL2(), label: label, seed: seed)
        add(probe)
        return probe
    }

    /// Probes `target` through a `Lowpass(tau)` synapse (tau in seconds, Nengo's
    /// `synapse=0.01`); every other parameter as with a synapse value.
    @discardableResult
    public func probe(
        _ target: some EndpointConvertible,
        _ attribute: ProbeAttribute? = nil,
        synapse tau: Double,
        sampleEvery: Double? = nil,
        solver: (any Solver)? = nil,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Probe {
        try probe(
            target, attribute, synapse: try Lowpass(tau), sampleEvery: sampleEvery, solver: solver, label: label,
            seed: seed)
    }

    /// Probes a connection through a `Lowpass(tau)` synapse (tau in seconds).
    @discardableResult
    public func probe(
        _ connection: Connection,
        _ attribute: ProbeAttribute? = nil,
        synapse tau: Double,
        sampleEvery: Double? = nil,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Probe {
        try probe(connection, attribute, synapse: try Lowpass(tau), sampleEvery: sampleEvery, label: label, seed: seed)
    }

    /// Probes a connection's output (after synapse and transform), its input, or its weights.
    @discardableResult
    public func probe(
        _ connection: Connection,
        _ attribute: ProbeAttribute? = nil,
        synapse: (any Synapse)? = nil,
        sampleEvery: Double? = nil,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Probe {
        let probe = try Probe(
            target: .connection(connection), attribute: attribute, synapse: synapse, sampleEvery: sampleEvery,
            solver: LstsqL2(), label: label, seed: seed)
        add(probe)
        return probe
    }
}
