/// One end of a connection or the target of a probe: an ensemble's decoded value, its
/// neurons, or a node, optionally sliced (Nengo's `ens[0]`, `ens[1:3]`, `ens[[0, 2]]`,
/// `ens.neurons[:5]`).
public struct Endpoint {
    /// What an endpoint refers to.
    public enum Object {
        /// The ensemble's represented (decoded) value.
        case ensemble(Ensemble)
        /// The ensemble's neurons.
        case neurons(Ensemble)
        /// A node's output (or input, as a connection's target).
        case node(Node)
        /// A connection's learning rule, as the target of an error signal.
        case learningRule(Connection)
    }

    /// The object this endpoint refers to.
    public let object: Object
    /// The selected elements, or nil for all of them.
    public let indices: [Int]?

    init(_ object: Object, indices: [Int]? = nil) {
        self.object = object
        self.indices = indices
    }

    /// The size of the whole object on this side: dimensions, neurons, or node size.
    /// `input` picks a node's input size rather than its output size.
    func fullSize(input: Bool) -> Int {
        switch object {
        case .ensemble(let e): return e.dimensions
        case .neurons(let e): return e.neuronType.isDirect ? 0 : e.neuronCount
        case .node(let n): return input ? n.sizeIn : n.sizeOut
        case .learningRule(let c): return input ? (c.learningRuleType?.errorSize(for: c) ?? 0) : 0
        }
    }

    /// The size after slicing.
    func size(input: Bool) -> Int {
        indices?.count ?? fullSize(input: input)
    }

    /// The selected indices, all of them when not sliced.
    func resolvedIndices(input: Bool) -> [Int] {
        indices ?? Array(0..<fullSize(input: input))
    }

    /// True when the slice selects the same index more than once.
    var hasRepeatedIndices: Bool {
        guard let indices else { return false }
        return Set(indices).count != indices.count
    }

    /// How errors name this endpoint, e.g. `Ensemble 'a'[0]`.
    public var name: String {
        let base: String
        switch object {
        case .ensemble(let e): base = e.name
        case .neurons(let e): base = "Neurons of \(e.name)"
        case .node(let n): base = n.name
        case .learningRule(let c): base = "learning rule of \(c.name)"
        }
        guard let indices else { return base }
        return base + "\(indices)"
    }

    var ensemble: Ensemble? {
        if case .ensemble(let e) = object { return e }
        return nil
    }

    var neuronsEnsemble: Ensemble? {
        if case .neurons(let e) = object { return e }
        return nil
    }

    var node: Node? {
        if case .node(let n) = object { return n }
        return nil
    }
}

/// Anything that can be connected or probed: `Ensemble`, `Neurons`, `Node` and slices of
/// them.
public protocol EndpointConvertible {
    /// The endpoint: the whole object, unsliced unless this is already a slice.
    var endpoint: Endpoint { get }
}

extension Endpoint: EndpointConvertible {
    /// This endpoint itself.
    public var endpoint: Endpoint { self }
}

extension Ensemble: EndpointConvertible {
    /// The ensemble's decoded value, all dimensions.
    public var endpoint: Endpoint { Endpoint(.ensemble(self)) }
}

extension Neurons: EndpointConvertible {
    /// The ensemble's neurons, all of them.
    public var endpoint: Endpoint { Endpoint(.neurons(ensemble)) }
}

extension Node: EndpointConvertible {
    /// The node's values, all of them.
    public var endpoint: Endpoint { Endpoint(.node(self)) }
}

// MARK: - Slicing

extension EndpointConvertible {
    /// The element at `index`.
    /// - Throws: ``BrainKitError`` when the index is out of range.
    public subscript(_ index: Int) -> Endpoint {
        get throws(BrainKitError) { try sliced([index], text: "\(index)") }
    }

    /// The elements in `range`.
    /// - Throws: ``BrainKitError`` when the range is empty or out of range.
    public subscript(_ range: Range<Int>) -> Endpoint {
        get throws(BrainKitError) { try sliced(Array(range), text: "\(range)") }
    }

    /// The elements at `indices`, in that order (repeats allowed).
    /// - Throws: ``BrainKitError`` when an index is out of range or the list is empty.
    public subscript(_ indices: [Int]) -> Endpoint {
        get throws(BrainKitError) { try sliced(indices, text: "\(indices)") }
    }

    private func sliced(_ selection: [Int], text: String) throws(BrainKitError) -> Endpoint {
        let base = endpoint
        // Slices index the output side for nodes with outputs, else the input side.
        let size = max(base.size(input: false), base.size(input: true))
        let current = base.indices ?? Array(0..<size)
        guard !selection.isEmpty, selection.allSatisfy({ $0 >= 0 && $0 < current.count }) else {
            throw .validation(base.name, "slice", "\(text) is out of range for size \(current.count)")
        }
        return Endpoint(base.object, indices: selection.map { current[$0] })
    }
}
