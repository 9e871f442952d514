import BrainCore

/// One action of an ``ActionSelection``: when its utility is the largest, its effects are
/// routed (nengo_spa's `ifmax`).
///
///     IfMax("A to B", dot(cortex, sym.A)) { sym.B --> cortex }
///     IfMax(0.5) { sym.C --> motor }              // a constant utility
///     IfMax("by hand", .manual) { sym.D --> motor } // drive ActionSelection's utility node
///
/// The effects block may throw (then so does the `IfMax`).
public struct IfMax {
    /// How the utility is given.
    public enum Utility {
        /// A scalar expression connected to the utility node.
        case expression(ScalarExpression)
        /// Nothing connected: drive ``ActionSelection/utilities`` yourself.
        case manual
    }

    /// The action's name (for messages and probes), or nil.
    public let name: String?
    /// How the action's utility is given.
    public let utility: Utility
    /// The routes opened while the action is selected.
    public let effects: [Route]

    /// A named action whose utility is a scalar expression (e.g. `dot(state, sym.A)`).
    public init<E: Error>(_ name: String, _ utility: some ScalarExpressible, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: name, utility: .expression(utility.scalarExpression), effects: try effects())
    }

    /// An unnamed action whose utility is a scalar expression.
    public init<E: Error>(_ utility: some ScalarExpressible, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: nil, utility: .expression(utility.scalarExpression), effects: try effects())
    }

    /// A constant utility; 0 leaves the utility to be driven by hand (as in nengo_spa).
    public init<E: Error>(_ name: String, _ utility: Double, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: name, utility: utility == 0 ? .manual : .expression(ScalarExpression(utility)), effects: try effects())
    }

    /// A constant utility; 0 leaves the utility to be driven by hand (as in nengo_spa).
    public init<E: Error>(_ utility: Double, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: nil, utility: utility == 0 ? .manual : .expression(ScalarExpression(utility)), effects: try effects())
    }

    /// A named action with the utility given as ``Utility``.
    public init<E: Error>(_ name: String, _ utility: Utility, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: name, utility: utility, effects: try effects())
    }

    /// An unnamed action with the utility given as ``Utility``.
    public init<E: Error>(_ utility: Utility, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: nil, utility: utility, effects: try effects())
    }

    private init(name: String?, utility: Utility, effects: [Route]) {
        self.name = name
        self.utility = utility
        self.effects = effects
    }
}

/// Collects the actions of an ``ActionSelection``.
@resultBuilder
public enum ActionBuilder {
    /// One action.
    public static func buildExpression(_ action: IfMax) -> [IfMax] { [action] }
    /// The actions in order.
    public static func buildBlock(_ actions: [IfMax]...) -> [IfMax] { actions.flatMap { $0 } }
    /// Actions under `if`, or none.
    public static func buildOptional(_ actions: [IfMax]?) -> [IfMax] { actions ?? [] }
    /// The actions of an `if` branch.
    public static func buildEither(first actions: [IfMax]) -> [IfMax] { actions }
    /// The actions of an `else` branch.
    public static func buildEither(second actions: [IfMax]) -> [IfMax] { actions }
    /// The actions of a `for` loop, in order.
    public static func buildArray(_ actions: [[IfMax]]) -> [IfMax] { actions.flatMap { $0 } }
}
