import BrainCore

/// Evaluates the `parameters` dictionary: each value is an expression over units, constants
/// and other parameters (`"Vcut": "VT + 5*DeltaT"`), evaluated once in SI units, in
/// dependency order, with cycles reported.
final class ParameterEvaluator {
    /// The parameters' texts, parsed.
    private let syntax: [String: (ExpressionSyntax, EquationSource)]
    /// Declared parameters (`name : unit` lines) and their dimensions.
    private let declared: [String: PhysicalDimension]
    /// Names that are state variables or subexpressions, which parameter values cannot use.
    private let variables: Set<String>
    private var values: [String: (Double, PhysicalDimension)] = [:]
    private var evaluating: [String] = []
    /// An error from a parameter evaluated while resolving another, passed on unchanged.
    private var nestedError: BrainKitError?

    init(
        syntax: [String: (ExpressionSyntax, EquationSource)], declared: [String: PhysicalDimension],
        variables: Set<String>
    ) {
        self.syntax = syntax
        self.declared = declared
        self.variables = variables
    }

    /// The value (SI) and dimension of parameter `name`: its given value, or 0 in its declared
    /// unit when a declared parameter has none (Brian's default), or nil when `name` is no
    /// parameter.
    func value(_ name: String) throws(BrainKitError) -> (Double, PhysicalDimension)? {
        if let known = values[name] { return known }
        guard let (expression, source) = syntax[name] else {
            if let dimension = declared[name] { return (0, dimension) }
            return nil
        }
        if let start = evaluating.firstIndex(of: name) {
            let cycle = (evaluating[start...] + [name]).joined(separator: " -> ")
            throw .validation("EquationNeuron", "parameters", "refer to each other in a cycle: \(cycle)")
        }
        evaluating.append(name)
        defer { evaluating.removeLast() }
        let resolver = ExpressionResolver(source: source) {
            [self] (other: String) throws(EquationDiagnostic) -> EquationSymbol? in
            if variables.contains(other) {
                throw EquationDiagnostic("a parameter cannot depend on the variable '\(other)'")
            }
            let found: (Double, PhysicalDimension)?
            do throws(BrainKitError) {
                found = try value(other)
            } catch {
                nestedError = error
                throw EquationDiagnostic(error.message)
            }
            guard let (value, dimension) = found else { return nil }
            return .constant(value, dimension)
        }
        let resolved: ResolvedExpression
        let type: ValueType
        do throws(EquationDiagnostic) {
            (resolved, type) = try resolver.resolve(expression)
        } catch {
            if let nested = nestedError { throw nested }
            throw .validation("EquationNeuron", "parameters", "'\(name)' = '\(source.text)': \(error.message)")
        }
        guard case .quantity(let dimension) = type, let value = resolved.constantValue else {
            throw .validation(
                "EquationNeuron", "parameters", "'\(name)' = '\(source.text)' is a condition, not a value")
        }
        if let expected = declared[name], expected != dimension {
            throw .validation(
                "EquationNeuron", "parameters",
                "'\(name)' = '\(source.text)' is in \(dimension), but \(name) is declared in \(expected)")
        }
        guard value.isFinite else {
            throw .validation(
                "EquationNeuron", "parameters", "'\(name)' = '\(source.text)' is not finite (\(value))")
        }
        values[name] = (value, dimension)
        return (value, dimension)
    }
}
