import BrainCore

/// Where a module takes semantic pointers of one vocabulary: a passthrough node of the
/// vocabulary's dimensions. Routes (`expression --> input`) end here.
public struct PointerInput: CustomStringConvertible {
    /// The node that receives the routed values.
    public let node: Node
    /// The pointers' vocabulary.
    public let vocabulary: Vocabulary
    /// The module and port, for messages (`State 'cortex' input`).
    public let name: String

    /// A port on `node` for pointers of `vocabulary`, named `name` in messages.
    public init(_ node: Node, vocabulary: Vocabulary, name: String) {
        self.node = node
        self.vocabulary = vocabulary
        self.name = name
    }

    public var description: String { "\(name) (\(vocabulary.reference))" }
}

/// Where a module gives semantic pointers of one vocabulary; usable in expressions.
public struct PointerOutput: CustomStringConvertible {
    /// The node (or other endpoint) whose value is the pointer.
    public let node: Node
    /// The pointers' vocabulary.
    public let vocabulary: Vocabulary
    /// The module and port, for messages (`State 'cortex' output`).
    public let name: String

    /// A port on `node` for pointers of `vocabulary`, named `name` in messages.
    public init(_ node: Node, vocabulary: Vocabulary, name: String) {
        self.node = node
        self.vocabulary = vocabulary
        self.name = name
    }

    public var description: String { "\(name) (\(vocabulary.reference))" }
}

/// Where a module takes one number.
public struct ScalarInput: CustomStringConvertible {
    /// The 1-D node that receives the routed value.
    public let node: Node
    /// The module and port, for messages.
    public let name: String

    /// A port on the 1-D `node`, named `name` in messages.
    public init(_ node: Node, name: String) {
        self.node = node
        self.name = name
    }

    public var description: String { "\(name) (scalar)" }
}

/// Where a module gives one number; usable in expressions.
public struct ScalarOutput: CustomStringConvertible {
    /// The 1-D node whose value is the number.
    public let node: Node
    /// The module and port, for messages.
    public let name: String

    /// A port on the 1-D `node`, named `name` in messages.
    public init(_ node: Node, name: String) {
        self.node = node
        self.name = name
    }

    public var description: String { "\(name) (scalar)" }
}
