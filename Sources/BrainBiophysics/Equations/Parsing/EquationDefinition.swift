/// One line of an equations text:
/// - `dX/dt = expression : unit (flags)` — a differential equation for the state variable `X`
///   (`expression` must be in `unit` per second);
/// - `name = expression : unit` — a subexpression, recomputed wherever it is used;
/// - `name : unit` — a parameter, constant per neuron (value given separately).
struct EquationDefinition: Sendable {
    enum Kind: Sendable, Equatable {
        case differential
        case subexpression
        case parameter
    }

    let kind: Kind
    let name: String
    /// The right-hand side (nil for parameters).
    let expression: ExpressionSyntax?
    /// The declared dimension (the unit after `:`, which must be a base unit as in Brian).
    let dimension: PhysicalDimension
    /// Flags in parentheses after the unit, e.g. `unless refractory`.
    let flags: [String]
    /// 1-based line number in the equations text.
    let line: Int

    /// How the definition is named in messages: `dvm/dt`, `I`, `x`.
    var label: String {
        kind == .differential ? "d\(name)/dt" : name
    }

    var isClampedWhenRefractory: Bool { flags.contains("unless refractory") }
}
