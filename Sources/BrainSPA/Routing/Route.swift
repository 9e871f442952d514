import BrainCore

precedencegroup RoutingPrecedence {
    associativity: left
    lowerThan: TernaryPrecedence
    higherThan: AssignmentPrecedence
}

/// `source --> sink`: routes an expression into a module's input (nengo_spa's `>>`, which
/// Swift cannot reuse: its `>>` binds tighter than `*`). It makes a ``Route`` value; nothing
/// is connected until the route is added to a network (`Network/add(_:settings:)`) or used
/// as an action's effect.
infix operator --> : RoutingPrecedence

/// An expression and the input it goes to.
public struct Route {
    enum Kind {
        case pointer(PointerExpression, PointerInput)
        case scalar(ScalarExpression, ScalarInput)
    }

    let kind: Kind

    /// What messages call the route: `"… --> State 'cortex' input"`.
    public var description: String {
        switch kind {
        case .pointer(_, let sink): return "route to \(sink.name)"
        case .scalar(_, let sink): return "route to \(sink.name)"
        }
    }
}

/// Routes a pointer expression into a pointer sink (a module or its input).
public func --> (source: some PointerExpressible, sink: some PointerSink) -> Route {
    Route(kind: .pointer(source.pointerExpression, sink.pointerInput))
}

/// Routes a scalar expression into a scalar sink.
public func --> (source: some ScalarExpressible, sink: some ScalarSink) -> Route {
    Route(kind: .scalar(source.scalarExpression, sink.scalarInput))
}

/// Routes a constant into a scalar sink.
public func --> (source: Double, sink: some ScalarSink) -> Route {
    Route(kind: .scalar(ScalarExpression(source), sink.scalarInput))
}

/// Collects routes: `try net.add { a --> b; sym.C --> c }`.
@resultBuilder
public enum RouteBuilder {
    /// One route.
    public static func buildExpression(_ route: Route) -> [Route] { [route] }
    /// The routes in order.
    public static func buildBlock(_ routes: [Route]...) -> [Route] { routes.flatMap { $0 } }
    /// Routes under `if`, or none.
    public static func buildOptional(_ routes: [Route]?) -> [Route] { routes ?? [] }
    /// The routes of an `if` branch.
    public static func buildEither(first routes: [Route]) -> [Route] { routes }
    /// The routes of an `else` branch.
    public static func buildEither(second routes: [Route]) -> [Route] { routes }
    /// The routes of a `for` loop, in order.
    public static func buildArray(_ routes: [[Route]]) -> [Route] { routes.flatMap { $0 } }
}

/// Routes compiled into a network.
extension Network {
    /// Compiles `route` into this network: connections (with `settings.synapse`, nengo_spa's
    /// `Lowpass(0.005)` by default) from every module output in the expression to the input,
    /// a constant node for its fixed part, and modules for dynamic × dynamic operations.
    /// - Throws: `BrainKitError` (kind `.build`) naming the route when the expression's
    ///   vocabulary does not fit the input's, a symbol is not in a strict vocabulary, or a
    ///   part cannot be built.
    public func add(_ route: Route, settings: ExpressionSettings = ExpressionSettings()) throws(BrainKitError) {
        let lowering = Lowering(network: self, context: route.description, settings: settings)
        switch route.kind {
        case .pointer(let expression, let sink):
            let taps = try lowering.lower(expression.term, in: try lowering.target(of: expression, into: sink))
            try lowering.connect(taps, to: sink.node, synapse: settings.synapse)
        case .scalar(let expression, let sink):
            try lowering.connect(try lowering.lower(expression.term), to: sink.node, synapse: settings.synapse)
        }
    }

    /// Adds every route of the block (see ``add(_:settings:)``); the block may throw.
    public func add(
        settings: ExpressionSettings = ExpressionSettings(), @RouteBuilder _ routes: () throws(BrainKitError) -> [Route]
    ) throws(BrainKitError) {
        for route in try routes() { try add(route, settings: settings) }
    }
}

extension Lowering {
    /// The vocabulary a pointer expression routed into `sink` is compiled in: the sink's,
    /// which the expression's own (if it has one) must be.
    func target(of expression: PointerExpression, into sink: PointerInput) throws(BrainKitError) -> Vocabulary {
        if let own = try vocabulary(of: expression.term), own !== sink.vocabulary {
            throw fail(
                "routes a pointer of \(own.reference) (\(own.dimensions)-D) into \(sink.name) of "
                    + "\(sink.vocabulary.reference) (\(sink.vocabulary.dimensions)-D); translate or reinterpret it")
        }
        return sink.vocabulary
    }
}
