import BrainCore

/// The texts an ``EquationNeuron`` is made from (see its initialiser).
struct EquationTexts: Sendable, Equatable {
    var equations: String
    var parameters: [String: String]
    var threshold: String?
    var reset: String?
    var refractory: String?
    var initialValues: [String: String]
    var input: String?
    var inputUnit: String
}

extension EquationModel {
    static let object = "EquationNeuron"

    /// Names that cannot be variables or parameters.
    static let reservedNames: Set<String> = [
        "t", "dt", "xi", "lastspike", "not_refractory", "and", "or", "not", "True", "False",
    ]

    /// Parses and checks every text, giving a model in SI units.
    /// - Throws: `BrainKitError` (validation) naming the text (`equations`, `parameters`,
    ///   `threshold`, `reset`, `refractory`, `initialValues`, `input`, `inputUnit`) and the
    ///   problem.
    static func build(_ texts: EquationTexts) throws(BrainKitError) -> EquationModel {
        let source = EquationSource(texts.equations, showsLines: true)
        let definitions: [EquationDefinition]
        do {
            definitions = try EquationsParser.parse(source)
        } catch {
            throw syntaxError("equations", source, error)
        }
        try checkNames(definitions)
        let states = definitions.filter { $0.kind == .differential }
        let subexpressionDefinitions = definitions.filter { $0.kind == .subexpression }
        let parameterDefinitions = definitions.filter { $0.kind == .parameter }
        guard !states.isEmpty else {
            throw .validation(object, "equations", "define no differential equation ('dX/dt = expression : unit')")
        }

        // Parameters: declared ones (`I : amp`) and constants given only by value.
        let declared = Dictionary(parameterDefinitions.map { ($0.name, $0.dimension) }, uniquingKeysWith: { a, _ in a })
        let variableNames = Set(states.map(\.name) + subexpressionDefinitions.map(\.name))
        var parameterSyntax: [String: (ExpressionSyntax, EquationSource)] = [:]
        for name in texts.parameters.keys.sorted() {
            let text = texts.parameters[name] ?? ""
            try checkParameterName(name, isVariable: variableNames.contains(name))
            let valueSource = EquationSource(text)
            do {
                parameterSyntax[name] = (try SingleExpressionParser.parse(valueSource), valueSource)
            } catch {
                throw .validation(
                    object, "parameters", "'\(name)' = '\(text)': \(located(valueSource, error))")
            }
        }
        let evaluator = ParameterEvaluator(syntax: parameterSyntax, declared: declared, variables: variableNames)
        for name in texts.parameters.keys.sorted() {
            _ = try evaluator.value(name)
        }

        // The input parameter.
        var inputDimension: PhysicalDimension?
        if let input = texts.input {
            guard let dimension = declared[input] else {
                let known = parameterDefinitions.map { "'\($0.name)'" }.joined(separator: ", ")
                throw .validation(
                    object, "input",
                    "'\(input)' is not a parameter declared in the equations ('\(input) : unit'); declared: "
                        + (known.isEmpty ? "none" : known))
            }
            inputDimension = dimension
        }

        // Symbols of the equations.
        let stateIndex = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1.name, $0) })
        let subexpressionIndex = Dictionary(
            uniqueKeysWithValues: subexpressionDefinitions.enumerated().map { ($1.name, $0) })
        let order = try subexpressionOrder(subexpressionDefinitions, source: source)
        var subexpressions = [ResolvedExpression](repeating: .constant(0), count: subexpressionDefinitions.count)
        var resolvedSubexpressions = Set<Int>()
        var subexpressionDepths = [Int](repeating: 1, count: subexpressionDefinitions.count)
        let lookup = { (name: String) throws(EquationDiagnostic) -> EquationSymbol? in
            if let index = stateIndex[name] { return .state(index, states[index].dimension) }
            if let index = subexpressionIndex[name] {
                if resolvedSubexpressions.contains(index), let value = subexpressions[index].constantValue {
                    return .constant(value, subexpressionDefinitions[index].dimension)
                }
                return .subexpression(index, subexpressionDefinitions[index].dimension)
            }
            if name == texts.input, let inputDimension { return .input(inputDimension) }
            if name == "t" {
                throw EquationDiagnostic("time 't' is not available: EquationNeuron equations must not depend on time")
            }
            let value: (Double, PhysicalDimension)?
            do throws(BrainKitError) {
                value = try evaluator.value(name)
            } catch {
                throw EquationDiagnostic(error.message)
            }
            return value.map { EquationSymbol.constant($0.0, $0.1) }
        }
        let resolver = ExpressionResolver(source: source, lookup: lookup)

        for index in order {
            let definition = subexpressionDefinitions[index]
            guard let expression = definition.expression else { continue }
            let resolved = try resolveQuantity(resolver, expression, definition: definition, source: source)
            guard resolved.dimension == definition.dimension else {
                throw .validation(
                    object, "equations",
                    "line \(definition.line) (\(definition.name)): the expression is in \(resolved.dimension), but "
                        + "\(definition.name) is declared in \(definition.dimension): "
                        + "'\(source.term(expression.range))'"
                )
            }
            subexpressions[index] = resolved.expression
            resolvedSubexpressions.insert(index)
            subexpressionDepths[index] = resolved.expression.expandedDepth(subexpressionDepths)
            guard subexpressionDepths[index] <= ResolvedExpression.maximumExpandedDepth else {
                throw .validation(
                    object, "equations",
                    "line \(definition.line) (\(definition.name)): with the subexpressions it uses expanded, the "
                        + "expression is nested more than \(ResolvedExpression.maximumExpandedDepth) levels deep")
            }
        }

        var derivatives: [ResolvedExpression] = []
        for definition in states {
            guard let expression = definition.expression else { continue }
            let resolved = try resolveQuantity(resolver, expression, definition: definition, source: source)
            let expected = definition.dimension / .time
            guard resolved.dimension == expected else {
                throw .validation(
                    object, "equations",
                    "line \(definition.line) (\(definition.label)): the right-hand side must be in \(expected) "
                        + "(the unit of \(definition.name) per second), got \(resolved.dimension) in "
                        + "'\(source.term(expression.range))'")
            }
            guard resolved.expression.expandedDepth(subexpressionDepths) <= ResolvedExpression.maximumExpandedDepth else {
                throw .validation(
                    object, "equations",
                    "line \(definition.line) (\(definition.label)): with its subexpressions expanded, the expression "
                        + "is nested more than \(ResolvedExpression.maximumExpandedDepth) levels deep")
            }
            derivatives.append(resolved.expression)
        }

        var model = EquationModel(
            stateNames: states.map(\.name), stateDimensions: states.map(\.dimension), derivatives: derivatives,
            clampedWhenRefractory: states.map(\.isClampedWhenRefractory),
            subexpressionNames: subexpressionDefinitions.map(\.name), subexpressions: subexpressions,
            threshold: nil, reset: [], refractory: nil, initialValues: [], inputName: texts.input, inputBase: 0,
            inputScale: 0, source: source, derivativeLines: states.map(\.line))
        try model.resolveStatements(texts, lookup: lookup, evaluator: evaluator, inputDimension: inputDimension)
        return model
    }

    // MARK: - Helpers

    /// A syntax error with its position: `line 2, column 14: expected ')'`.
    static func syntaxError(_ parameter: String, _ source: EquationSource, _ diagnostic: EquationDiagnostic)
        -> BrainKitError
    {
        .validation(object, parameter, located(source, diagnostic))
    }

    static func located(_ source: EquationSource, _ diagnostic: EquationDiagnostic) -> String {
        guard let offset = diagnostic.offset else { return diagnostic.message }
        return "\(source.location(offset)): \(diagnostic.message)"
    }

    private static func resolveQuantity(
        _ resolver: ExpressionResolver, _ expression: ExpressionSyntax, definition: EquationDefinition,
        source: EquationSource
    ) throws(BrainKitError) -> (expression: ResolvedExpression, dimension: PhysicalDimension) {
        let resolved: (ResolvedExpression, ValueType)
        do {
            resolved = try resolver.resolve(expression)
        } catch {
            throw .validation(
                object, "equations", "line \(definition.line) (\(definition.label)): \(located(source, error))")
        }
        guard case .quantity(let dimension) = resolved.1 else {
            throw .validation(
                object, "equations",
                "line \(definition.line) (\(definition.label)): is a condition, not a quantity: "
                    + "'\(source.term(expression.range))'")
        }
        return (resolved.0, dimension)
    }

    /// Unique names that are neither units, functions nor reserved; supported flags only.
    private static func checkNames(_ definitions: [EquationDefinition]) throws(BrainKitError) {
        guard definitions.count <= 1000 else {
            throw .validation(object, "equations", "define \(definitions.count) names; at most 1000 are supported")
        }
        var seen: [String: Int] = [:]
        for definition in definitions {
            let where_ = "line \(definition.line) (\(definition.label))"
            if let line = seen[definition.name] {
                throw .validation(
                    object, "equations", "\(where_): '\(definition.name)' is already defined on line \(line)")
            }
            seen[definition.name] = definition.line
            if let problem = nameProblem(definition.name) {
                throw .validation(object, "equations", "\(where_): \(problem)")
            }
            let supported: [String]
            switch definition.kind {
            case .differential: supported = ["unless refractory"]
            case .parameter: supported = ["constant", "shared"]
            case .subexpression: supported = []
            }
            for flag in definition.flags where !supported.contains(flag) {
                let list = supported.isEmpty ? "none" : supported.map { "'\($0)'" }.joined(separator: ", ")
                throw .validation(
                    object, "equations", "\(where_): unsupported flag '\(flag)' (supported here: \(list))")
            }
        }
    }

    /// Why `name` cannot name a variable or parameter, or nil.
    static func nameProblem(_ name: String) -> String? {
        if UnitTable.unit(named: name) != nil {
            return "'\(name)' is the name of a unit and cannot be used as a variable name"
        }
        if MathFunction(rawValue: name) != nil {
            return "'\(name)' is the name of a function and cannot be used as a variable name"
        }
        if reservedNames.contains(name) {
            return "'\(name)' is a reserved name"
        }
        return nil
    }

    private static func checkParameterName(_ name: String, isVariable: Bool) throws(BrainKitError) {
        let bytes = Array(name.utf8)
        let valid =
            !bytes.isEmpty
            && bytes.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95
            }
            && !(bytes[0] >= 48 && bytes[0] <= 57)
        guard valid else {
            throw .validation(object, "parameters", "'\(name)' is not a valid name")
        }
        if let problem = nameProblem(name) {
            throw .validation(object, "parameters", problem)
        }
        if isVariable {
            throw .validation(
                object, "parameters",
                "'\(name)' is a variable of the equations, not a parameter "
                    + "(give a state variable's start in initialValues)"
            )
        }
    }

    /// The subexpressions in an order where each comes after those it uses.
    private static func subexpressionOrder(
        _ definitions: [EquationDefinition], source: EquationSource
    ) throws(BrainKitError) -> [Int] {
        let index = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.name, $0) })
        let uses = definitions.map { definition in
            Set((definition.expression.map(identifiers) ?? []).compactMap { index[$0] })
        }
        var order: [Int] = []
        var state = [Int](repeating: 0, count: definitions.count)  // 0 new, 1 visiting, 2 done
        var path: [Int] = []
        func visit(_ node: Int) throws(BrainKitError) {
            if state[node] == 2 { return }
            if state[node] == 1 {
                let start = path.firstIndex(of: node) ?? 0
                let cycle = (path[start...] + [node]).map { definitions[$0].name }.joined(separator: " -> ")
                throw .validation(
                    object, "equations", "line \(definitions[node].line): subexpressions depend on each other: \(cycle)"
                )
            }
            state[node] = 1
            path.append(node)
            for used in uses[node].sorted() { try visit(used) }
            path.removeLast()
            state[node] = 2
            order.append(node)
        }
        for node in definitions.indices { try visit(node) }
        return order
    }

    /// Every identifier an expression mentions.
    static func identifiers(_ syntax: ExpressionSyntax) -> [String] {
        switch syntax.kind {
        case .number, .boolean: return []
        case .identifier(let name): return [name]
        case .unary(_, let operand): return identifiers(operand)
        case .binary(_, let left, let right): return identifiers(left) + identifiers(right)
        case .call(_, let arguments): return arguments.flatMap(identifiers)
        }
    }
}
