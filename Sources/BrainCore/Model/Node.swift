/// A non-neural part of a model: a constant, a function of time (and optionally of its
/// input), a process such as white noise, or a passthrough that sums its inputs.
///
/// Functions are called once per step with `t = k·dt` (seconds) at step k and must return
/// finite values; a non-finite value stops the run with a simulation error. Functions that
/// return arrays allocate on every call; for allocation-free models use the scalar form or
/// ``Network/node(label:sizeIn:sizeOut:inPlace:)``.
public final class Node {
    /// A name for errors and probes.
    public let label: String?
    /// The number of input values (0 for a source).
    public let sizeIn: Int
    /// The number of output values (0 for a sink).
    public let sizeOut: Int
    /// What the node computes.
    public let output: NodeOutput

    init(label: String?, sizeIn: Int, sizeOut: Int, output: NodeOutput) {
        self.label = label
        self.sizeIn = sizeIn
        self.sizeOut = sizeOut
        self.output = output
    }

    /// How errors name this node: `Node 'stimulus'`.
    public var name: String { Node.describe(label) }

    static func describe(_ label: String?) -> String {
        label.map { "Node '\($0)'" } ?? "Node (unlabeled)"
    }

    /// True for a passthrough node, whose output is its summed input.
    public var isPassthrough: Bool {
        if case .passthrough = output { return true }
        return false
    }
}

/// What a ``Node`` outputs.
public enum NodeOutput {
    /// Fixed values.
    case constant([Double])
    /// A function called every step: `(t, input, output)` in the simulator's Float storage.
    case function(NodeFunction)
    /// A process (noise, white signal, presented inputs, ...).
    case process(any SignalProcess)
    /// The sum of the inputs, passed on unchanged.
    case passthrough
}

/// A node function in its in-place form: `(t, input, output)`, with `t` in seconds.
public typealias NodeFunction = (Double, UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Void

extension Network {
    /// A node with a constant scalar output.
    @discardableResult
    public func node(label: String? = nil, output: Double) throws(BrainKitError) -> Node {
        try node(label: label, output: [output])
    }

    /// A node with a constant vector output.
    /// - Throws: ``BrainKitError`` when a value is not finite.
    @discardableResult
    public func node(label: String? = nil, output: [Double]) throws(BrainKitError) -> Node {
        try Check.floatFinite(output, Node.describe(label), "output")
        return try register(Node(label: label, sizeIn: 0, sizeOut: output.count, output: .constant(output)))
    }

    /// Nengo's `Node(output=f)` with a function of time is ``node(label:function:)`` here; this
    /// spelling only points there.
    @available(
        *, unavailable, renamed: "node(label:function:)",
        message: "a node whose output is a function of time is node(function:), e.g. net.node(function: { t in sin(t) })")
    @discardableResult
    public func node(label: String? = nil, output: @escaping (Double) -> Double) throws(BrainKitError) -> Node {
        try node(label: label, function: output)
    }

    /// A node whose scalar output is `function(t)` (t in seconds). Allocation-free.
    @discardableResult
    public func node(label: String? = nil, function: @escaping (Double) -> Double) throws(BrainKitError) -> Node {
        try checkFiniteAtZero([function(0)], label: label)
        return try register(
            Node(
                label: label, sizeIn: 0, sizeOut: 1,
                output: .function({ t, _, out in out[0] = Float(function(t)) })))
    }

    /// A node whose output is `function(t)` (t in seconds). Its size is `sizeOut`, or the
    /// length of `function(0)` when not given.
    @discardableResult
    public func node(
        label: String? = nil, sizeOut: Int? = nil, function: @escaping (Double) -> [Double]
    ) throws(BrainKitError) -> Node {
        let size = try inferredSize(sizeOut, from: function(0), label: label)
        return try register(
            Node(
                label: label, sizeIn: 0, sizeOut: size,
                output: .function({ t, _, out in Node.write(function(t), to: out) })))
    }

    /// A node whose output is `function(t, x)` for its summed input `x` (`sizeIn` values).
    /// Its output size is `sizeOut`, or the length of `function(0, zeros)`; a function that
    /// returns no values makes a sink.
    @discardableResult
    public func node(
        label: String? = nil, sizeIn: Int, sizeOut: Int? = nil, function: @escaping (Double, [Double]) -> [Double]
    ) throws(BrainKitError) -> Node {
        try Check.atLeast(sizeIn, 1, Node.describe(label), "sizeIn")
        let size = try inferredSize(
            sizeOut, from: function(0, [Double](repeating: 0, count: sizeIn)), label: label)
        return try register(
            Node(
                label: label, sizeIn: sizeIn, sizeOut: size,
                output: .function({ t, input, out in
                    Node.write(function(t, input.map { Double($0) }), to: out)
                })))
    }

    /// A node computing in place on the simulator's storage: `inPlace(t, input, output)`
    /// must write all `sizeOut` outputs. This form never allocates.
    @discardableResult
    public func node(
        label: String? = nil, sizeIn: Int, sizeOut: Int, inPlace: @escaping NodeFunction
    ) throws(BrainKitError) -> Node {
        try Check.atLeast(sizeIn, 0, Node.describe(label), "sizeIn")
        try Check.atLeast(sizeOut, 0, Node.describe(label), "sizeOut")
        return try register(Node(label: label, sizeIn: sizeIn, sizeOut: sizeOut, output: .function(inPlace)))
    }

    /// A passthrough node: its output is the sum of its `sizeIn` inputs.
    @discardableResult
    public func node(label: String? = nil, sizeIn: Int) throws(BrainKitError) -> Node {
        try Check.atLeast(sizeIn, 1, Node.describe(label), "sizeIn")
        return try register(Node(label: label, sizeIn: sizeIn, sizeOut: sizeIn, output: .passthrough))
    }

    /// A node that outputs a process (white noise, a white signal, presented inputs...).
    @discardableResult
    public func node(
        label: String? = nil, process: any SignalProcess, sizeIn: Int? = nil, sizeOut: Int? = nil
    ) throws(BrainKitError) -> Node {
        let sizeIn = sizeIn ?? process.defaultSizeIn
        let sizeOut = sizeOut ?? process.defaultSizeOut
        try Check.atLeast(sizeIn, 0, Node.describe(label), "sizeIn")
        try Check.atLeast(sizeOut, 1, Node.describe(label), "sizeOut")
        try process.checkSeed()
        return try register(Node(label: label, sizeIn: sizeIn, sizeOut: sizeOut, output: .process(process)))
    }

    /// Adds `node` once its sizes are known to fit in memory: 4 bytes per input and output
    /// value (the simulator's `Float` storage), computed without overflow.
    private func register(_ node: Node) throws(BrainKitError) -> Node {
        let limit = MemoryBudget.available
        try Check.fits(
            bytes: Size.product(node.sizeIn, 4), limit: limit, "\(node.sizeIn) input values", node.name, "sizeIn")
        try Check.fits(
            bytes: Size.product(node.sizeOut, 4), limit: limit, "\(node.sizeOut) output values", node.name, "sizeOut")
        add(node)
        return node
    }

    private func inferredSize(_ given: Int?, from first: [Double], label: String?) throws(BrainKitError) -> Int {
        let name = Node.describe(label)
        if let given {
            try Check.atLeast(given, 0, name, "sizeOut")
            guard given == first.count else {
                throw .validation(name, "sizeOut", "is \(given) but the function returned \(first.count) values")
            }
        }
        try checkFiniteAtZero(first, label: label)
        return first.count
    }

    private func checkFiniteAtZero(_ values: [Double], label: String?) throws(BrainKitError) {
        guard values.allSatisfy({ Float($0).isFinite }) else {
            throw .validation(
                Node.describe(label), "output",
                "function returned a non-finite value (NaN or beyond Float's range) at t = 0")
        }
    }
}

extension Node {
    /// Copies a function's result into the node's output storage. A result of the wrong
    /// length writes a NaN whose payload carries the length (see ``wrongLength(_:)``), which
    /// the simulator reports as a simulation error saying how many values came back.
    static func write(_ values: [Double], to out: UnsafeMutableBufferPointer<Float>) {
        guard values.count == out.count else {
            let marker = Float(bitPattern: wrongLengthFlag | UInt32(min(values.count, Int(wrongLengthFlag) - 1)))
            for i in 0..<out.count { out[i] = marker }
            return
        }
        for i in 0..<out.count { out[i] = Float(values[i]) }
    }

    /// A quiet NaN with payload bit 21 set: the mark of a result of the wrong length (the low
    /// 21 bits hold the length). Arithmetic makes NaNs with an empty payload.
    private static let wrongLengthFlag: UInt32 = 0x7FC0_0000 | 0x0020_0000

    /// The length a node function returned, when `value` is the mark ``write(_:to:)`` leaves
    /// for a result of the wrong length; nil for any other value.
    static func wrongLength(_ value: Float) -> Int? {
        let bits = value.bitPattern
        guard bits & wrongLengthFlag == wrongLengthFlag else { return nil }
        return Int(bits & 0x001F_FFFF)
    }
}
