/// A connection carries a value from `pre` to `post`, applying, in order: the pre slice, the
/// function (through decoders when `pre` is an ensemble), the transform, the synapse, the
/// post gain (when `post` is neurons) and the post slice; the result is added to the post's
/// input.
///
/// A synapse delays the signal by one step (Nengo's semantics); `synapse: nil` means no
/// filter and no delay, so a loop made only of such connections cannot be built.
public final class Connection {
    /// Where the connection starts.
    public let pre: Endpoint
    /// Where the connection ends.
    public let post: Endpoint
    /// The filter on the connection, or nil for none (and no delay).
    public let synapse: (any Synapse)?
    /// The function computed across the connection, of the (sliced) pre value.
    public let function: (([Double]) -> [Double])?
    /// Target values of the function at each of `evalPoints` (an alternative to `function`).
    public let functionValues: Matrix?
    /// The transform applied after the function (folded into the decoders: `W = T·Dᵀ`).
    public let transform: Transform
    /// The rule that changes this connection while running, if any.
    public let learningRuleType: (any LearningRuleType)?
    /// How decoders are found (Nengo: `LstsqL2()`).
    public let solver: any Solver
    /// Points where decoders are fit; nil means the pre ensemble's own.
    public let evalPoints: (any Distribution)?
    /// Whether given eval points are multiplied by the pre ensemble's radius.
    public let scaleEvalPoints: Bool
    /// A name for errors and probes.
    public let label: String?
    /// The connection's seed, or nil to draw it from the network's.
    public let seed: Int?

    /// The size of the (sliced) pre value.
    public let sizeIn: Int
    /// The size of the function's output (sizeIn without a function).
    public let sizeMid: Int
    /// The size of the (sliced) post input.
    public let sizeOut: Int

    init(
        pre: Endpoint, post: Endpoint, synapse: (any Synapse)?, function: (([Double]) -> [Double])?,
        functionValues: Matrix?, transform: Transform, solver: any Solver, learningRuleType: (any LearningRuleType)?,
        evalPoints: (any Distribution)?, scaleEvalPoints: Bool, label: String?, seed: Int?
    ) throws(BrainKitError) {
        let name = Connection.describe(label: label, pre: pre, post: post)
        if let seed { try Network.checkSeed(seed, object: name, parameter: "seed") }

        // Sizes and slices.
        let sizeIn = pre.size(input: false)
        let sizeOut = post.size(input: true)
        guard pre.fullSize(input: false) > 0 else {
            throw .validation(name, "pre", "\(pre.name) must have an output size > 0")
        }
        guard post.fullSize(input: true) > 0 else {
            throw .validation(name, "post", "\(post.name) must have an input size > 0")
        }
        for (end, isInput, parameter) in [(pre, false, "pre"), (post, true, "post")] {
            if let indices = end.indices, let bad = indices.first(where: { $0 >= end.fullSize(input: isInput) }) {
                throw .validation(name, parameter, "slice index \(bad) is out of range for size \(end.fullSize(input: isInput))")
            }
        }

        // Function.
        if function != nil || functionValues != nil {
            if function != nil && functionValues != nil {
                throw .validation(name, "function", "give a function or function values, not both")
            }
            switch pre.object {
            case .neurons:
                throw .validation(name, "function", "cannot be applied to a connection from neurons")
            case .node(let node) where node.isPassthrough:
                throw .validation(name, "function", "cannot be applied to a connection from a passthrough node")
            default: break
            }
        }
        var sizeMid = sizeIn
        if let function {
            sizeMid = function([Double](repeating: 0, count: sizeIn)).count
            guard sizeMid > 0 else {
                throw .validation(name, "function", "returned no values")
            }
        }
        if let functionValues {
            guard let given = evalPoints as? Samples, given.samples.rows == functionValues.rows else {
                throw .validation(
                    name, "functionValues", "need explicit evalPoints (Samples) with one row per function value")
            }
            sizeMid = functionValues.columns
            try Check.floatFinite(functionValues.values, name, "functionValues")
        }

        // Eval points.
        if let evalPoints {
            guard pre.ensemble != nil else {
                throw .validation(name, "evalPoints", "are only valid on connections from ensembles")
            }
            if let fixed = evalPoints as? Samples { try Check.floatFinite(fixed.samples.values, name, "evalPoints") }
            if let fixed = evalPoints as? Samples, fixed.samples.columns != pre.fullSize(input: false) {
                throw .validation(
                    name, "evalPoints",
                    "must have \(pre.fullSize(input: false)) columns, got \(fixed.samples.columns)")
            }
        }

        // Transform.
        try transform.validate(sizeMid: sizeMid, sizeOut: sizeOut, object: name)
        if transform.isSparse && pre.ensemble.map({ !$0.neuronType.isDirect }) == true {
            throw .validation(
                name, "transform", "cannot be sparse on a decoded connection (sparse transforms suit neurons to neurons)")
        }
        if transform.isDense && (pre.hasRepeatedIndices || post.hasRepeatedIndices) {
            throw .validation(name, "transform", "cannot be dense when a slice selects repeated indices")
        }

        // Solver.
        if solver.weights {
            guard let preEnsemble = pre.ensemble, let postEnsemble = post.ensemble,
                !preEnsemble.neuronType.isDirect, !postEnsemble.neuronType.isDirect
            else {
                throw .validation(name, "solver", "weight solvers only work between two neural ensembles")
            }
        }

        self.pre = pre
        self.post = post
        self.synapse = synapse
        self.function = function
        self.functionValues = functionValues
        self.transform = transform
        self.learningRuleType = learningRuleType
        self.solver = solver
        self.evalPoints = evalPoints
        self.scaleEvalPoints = scaleEvalPoints
        self.label = label
        self.seed = seed
        self.sizeIn = sizeIn
        self.sizeMid = sizeMid
        self.sizeOut = sizeOut
        try learningRuleType?.validate(self)
    }

    /// This connection's learning rule, to connect an error signal into (nil without a rule).
    public var learningRule: LearningRule? {
        learningRuleType == nil ? nil : LearningRule(connection: self)
    }

    /// How errors name this connection: `Connection from Ensemble 'a' to Ensemble 'b'`.
    public var name: String { Connection.describe(label: label, pre: pre, post: post) }

    static func describe(label: String?, pre: Endpoint, post: Endpoint) -> String {
        label.map { "Connection '\($0)'" } ?? "Connection from \(pre.name) to \(post.name)"
    }

    /// True when the pre is a neural ensemble's decoded value: the connection gets decoders.
    var isDecoded: Bool {
        guard let ensemble = pre.ensemble else { return false }
        return !ensemble.neuronType.isDirect
    }
}

extension Network {
    /// Nengo's default connection synapse: `Lowpass(0.005)`.
    public static let defaultSynapse: any Synapse = Lowpass.nengoDefault

    /// Connects `pre` to `post`.
    ///
    /// - Parameters:
    ///   - synapse: the filter (default `Lowpass(0.005)`); nil for none and no delay.
    ///   - function: computed across the connection from the (sliced) pre value; from an
    ///     ensemble it is approximated by decoders, from a node it is called every step.
    ///   - functionValues: target values at explicit `evalPoints`, instead of `function`.
    ///   - transform: applied after the function: `.identity`, a number, `.diagonal`, `.dense`.
    ///   - solver: how decoders are found; default is the network's, else `LstsqL2()`.
    ///   - learningRule: a rule that changes the connection while running, e.g. `PES()`;
    ///     connect its error signal into ``Connection/learningRule``.
    ///   - evalPoints: where decoders are fit (ensembles only); default the pre's own.
    ///   - scaleEvalPoints: multiply given eval points by the pre's radius.
    ///   - seed: the connection's seed; nil draws it from the network's.
    ///   - label: a name for errors and probes.
    ///   - pre: where the connection starts: an ensemble, node, neurons or a slice of one.
    ///   - post: where it ends: an ensemble, node, neurons or a slice of one.
    /// - Throws: ``BrainKitError`` naming the connection and the parameter at fault.
    @discardableResult
    public func connect(
        _ pre: some EndpointConvertible,
        to post: some EndpointConvertible,
        synapse: (any Synapse)? = Network.defaultSynapse,
        function: (([Double]) -> [Double])? = nil,
        functionValues: Matrix? = nil,
        transform: Transform = .identity,
        solver: (any Solver)? = nil,
        learningRule: (any LearningRuleType)? = nil,
        evalPoints: (any Distribution)? = nil,
        scaleEvalPoints: Bool = true,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Connection {
        let connection = try Connection(
            pre: pre.endpoint, post: post.endpoint, synapse: synapse, function: function,
            functionValues: functionValues, transform: transform, solver: solver ?? resolved(\.solver) ?? LstsqL2(),
            learningRuleType: learningRule, evalPoints: evalPoints, scaleEvalPoints: scaleEvalPoints, label: label,
            seed: seed)
        add(connection)
        return connection
    }

    /// Connects `pre` to `post` through a `Lowpass(tau)` synapse (tau in seconds, Nengo's
    /// `synapse=0.01`); every other parameter as in the form taking a `Synapse`.
    /// - Throws: ``BrainKitError`` naming `Lowpass` and `tau` for a bad time constant, else
    ///   the connection's errors.
    @discardableResult
    public func connect(
        _ pre: some EndpointConvertible,
        to post: some EndpointConvertible,
        synapse tau: Double,
        function: (([Double]) -> [Double])? = nil,
        functionValues: Matrix? = nil,
        transform: Transform = .identity,
        solver: (any Solver)? = nil,
        learningRule: (any LearningRuleType)? = nil,
        evalPoints: (any Distribution)? = nil,
        scaleEvalPoints: Bool = true,
        label: String? = nil,
        seed: Int? = nil
    ) throws(BrainKitError) -> Connection {
        try connect(
            pre, to: post, synapse: try Lowpass(tau), function: function, functionValues: functionValues,
            transform: transform, solver: solver, learningRule: learningRule, evalPoints: evalPoints,
            scaleEvalPoints: scaleEvalPoints, label: label, seed: seed)
    }
}
