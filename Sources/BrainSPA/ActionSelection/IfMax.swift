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

    public let name: String?
    public let utility: Utility
    public let effects: [Route]

    public init<E: Error>(_ name: String, _ utility: some ScalarExpressible, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: name, utility: .expression(utility.scalarExpression), effects: try effects())
    }

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

    public init<E: Error>(_ name: String, _ utility: Utility, @RouteBuilder effects: () throws(E) -> [Route]) throws(E) {
        self.init(name: name, utility: utility, effects: try effects())
    }

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
    public static func buildExpression(_ action: IfMax) -> [IfMax] { [action] }
    public static func buildBlock(_ actions: [IfMax]...) -> [IfMax] { actions.flatMap { $0 } }
    public static func buildOptional(_ actions: [IfMax]?) -> [IfMax] { actions ?? [] }
    public static func buildEither(first actions: [IfMax]) -> [IfMax] { actions }
    public static func buildEither(second actions: [IfMax]) -> [IfMax] { actions }
    public static func buildArray(_ actions: [[IfMax]]) -> [IfMax] { actions.flatMap { $0 } }
}
