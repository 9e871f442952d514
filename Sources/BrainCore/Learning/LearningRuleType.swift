/// A rule that changes a connection while the simulation runs (Nengo's
/// `learning_rule_type`). Give it when connecting (`learningRule: PES()`), then connect an
/// error or learning signal into `connection.learningRule`.
///
/// Like Nengo, a rule's change computed in one step is applied at the start of the next.
public protocol LearningRuleType: Sendable, CustomStringConvertible {
    /// The size of the signal connections into the rule carry, for `connection`.
    func errorSize(for connection: Connection) -> Int

    /// Checks that the rule can learn on `connection`.
    /// - Throws: ``BrainKitError`` naming the connection and `learningRule`.
    func validate(_ connection: Connection) throws(BrainKitError)
}

/// The learning rule of a connection, as a connection endpoint: connect the error signal here
/// (Nengo's `conn.learning_rule`).
public struct LearningRule: EndpointConvertible {
    /// The connection whose learning rule this is.
    public let connection: Connection

    /// The learning rule as an endpoint, to connect an error signal into.
    public var endpoint: Endpoint { Endpoint(.learningRule(connection)) }
}
