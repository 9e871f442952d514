/// A checked model: the equations, threshold, reset and constants of an ``EquationNeuron``
/// resolved to SI units, before compilation.
struct EquationModel: Sendable {
    /// The differential variables, in definition order (the state).
    var stateNames: [String]
    var stateDimensions: [PhysicalDimension]
    /// `dX/dt` for each state variable (SI units per second).
    var derivatives: [ResolvedExpression]
    /// Whether each state variable is held during refractoriness (`(unless refractory)`).
    var clampedWhenRefractory: [Bool]
    var subexpressionNames: [String]
    /// Each subexpression's definition (indexed like ``subexpressionNames``).
    var subexpressions: [ResolvedExpression]
    /// The spike condition, or nil for a model without one.
    var threshold: ResolvedExpression?
    /// The reset statements in order.
    var reset: [ResetStatement]
    /// The refractory period (seconds), or nil.
    var refractory: Double?
    /// Initial state (SI units).
    var initialValues: [Double]
    /// The input parameter's name, its value without input (SI), and the SI size of one unit of
    /// ensemble current J.
    var inputName: String?
    var inputBase: Double
    var inputScale: Double
    /// Source of the equations (for messages that name terms).
    var source: EquationSource
    /// The line of each state variable's equation.
    var derivativeLines: [Int]

    var stateCount: Int { stateNames.count }
}

/// A resolved reset statement: `state[target] op= expression`.
struct ResetStatement: Sendable {
    let target: Int
    let operation: ResetStatementSyntax.Operation
    let expression: ResolvedExpression
}
