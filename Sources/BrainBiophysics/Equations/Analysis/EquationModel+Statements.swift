import BrainCore

extension EquationModel {
    /// Resolves the threshold, reset, refractory period, initial values and input unit.
    mutating func resolveStatements(
        _ texts: EquationTexts, lookup: @escaping ExpressionResolver.Lookup, evaluator: ParameterEvaluator,
        inputDimension: PhysicalDimension?
    ) throws(BrainKitError) {
        let object = EquationModel.object
        if let text = texts.threshold {
            let source = EquationSource(text)
            let (expression, type) = try EquationModel.resolve(
                text, source: source, parameter: "threshold", lookup: lookup)
            guard type == .boolean else {
                throw .validation(
                    object, "threshold",
                    "must be a condition such as 'vm > Vcut', but '\(text)' is a quantity in \(type)")
            }
            threshold = expression
        }

        if let text = texts.reset {
            let source = EquationSource(text)
            let statements: [ResetStatementSyntax]
            do {
                statements = try ResetParser.parse(source)
            } catch {
                throw EquationModel.syntaxError("reset", source, error)
            }
            let resolver = ExpressionResolver(source: source, lookup: lookup)
            for statement in statements {
                let label = "'\(source.text(statement.range))'"
                guard let target = stateNames.firstIndex(of: statement.target) else {
                    let reason: String
                    if subexpressionNames.contains(statement.target) {
                        reason = "'\(statement.target)' is a subexpression and cannot be assigned"
                    } else if (try? evaluator.value(statement.target)).flatMap({ $0 }) != nil {
                        reason = "'\(statement.target)' is a parameter (constant) and cannot be assigned"
                    } else {
                        reason = "unknown variable '\(statement.target)'"
                    }
                    throw .validation(
                        object, "reset", "\(label): \(reason); state variables: \(stateNames.joined(separator: ", "))")
                }
                let resolved: (ResolvedExpression, ValueType)
                do {
                    resolved = try resolver.resolve(statement.expression)
                } catch {
                    throw .validation(object, "reset", "\(label): \(EquationModel.located(source, error))")
                }
                let expected: PhysicalDimension
                switch statement.operation {
                case .assign, .add, .subtract: expected = stateDimensions[target]
                case .multiply, .divide: expected = .dimensionless
                }
                guard resolved.1 == .quantity(expected) else {
                    throw .validation(
                        object, "reset",
                        "\(label): the value must be in \(expected) "
                            + "(for \(statement.target) \(statement.operation.rawValue)), "
                            + "got \(resolved.1)")
                }
                if let value = resolved.0.constantValue, !value.isFinite {
                    throw .validation(object, "reset", "\(label): the value is not finite (\(value))")
                }
                reset.append(ResetStatement(target: target, operation: statement.operation, expression: resolved.0))
            }
        }

        if let text = texts.refractory {
            let value = try EquationModel.constant(text, parameter: "refractory", dimension: .time, lookup: lookup)
            guard value >= 0, value.isFinite else {
                throw .validation(object, "refractory", "must be a duration >= 0, got '\(text)' = \(value) s")
            }
            refractory = value
        }

        for name in texts.initialValues.keys.sorted() where !stateNames.contains(name) {
            throw .validation(
                object, "initialValues",
                "'\(name)' is not a state variable; state variables: \(stateNames.joined(separator: ", "))")
        }
        initialValues = []
        for (index, name) in stateNames.enumerated() {
            guard let text = texts.initialValues[name] else {
                initialValues.append(0)
                continue
            }
            let value = try EquationModel.constant(
                text, parameter: "initialValues", dimension: stateDimensions[index], lookup: lookup, label: name)
            initialValues.append(value)
        }

        if let input = texts.input, let inputDimension {
            let scale = try EquationModel.constant(
                texts.inputUnit, parameter: "inputUnit", dimension: inputDimension, lookup: lookup)
            guard scale != 0, scale.isFinite else {
                throw .validation(object, "inputUnit", "must be a non-zero finite quantity, got '\(texts.inputUnit)'")
            }
            inputScale = scale
            inputBase = (try? evaluator.value(input)).flatMap { $0 }?.0 ?? 0
        }
    }

    /// Parses and resolves a one-expression text.
    private static func resolve(
        _ text: String, source: EquationSource, parameter: String, lookup: @escaping ExpressionResolver.Lookup
    ) throws(BrainKitError) -> (ResolvedExpression, ValueType) {
        let syntax: ExpressionSyntax
        do {
            syntax = try SingleExpressionParser.parse(source)
        } catch {
            throw syntaxError(parameter, source, error)
        }
        do {
            return try ExpressionResolver(source: source, lookup: lookup).resolve(syntax)
        } catch {
            throw .validation(object, parameter, "'\(text)': \(located(source, error))")
        }
    }

    /// A text that must be a constant quantity of `dimension` (SI value).
    private static func constant(
        _ text: String, parameter: String, dimension: PhysicalDimension, lookup: @escaping ExpressionResolver.Lookup,
        label: String? = nil
    ) throws(BrainKitError) -> Double {
        let name = label.map { "'\($0)' = " } ?? ""
        let (expression, type) = try resolve(text, source: EquationSource(text), parameter: parameter, lookup: lookup)
        guard type == .quantity(dimension) else {
            throw .validation(object, parameter, "\(name)'\(text)' must be in \(dimension), got \(type)")
        }
        guard let value = expression.constantValue else {
            throw .validation(
                object, parameter, "\(name)'\(text)' must be a constant (it depends on the state or the input)")
        }
        guard value.isFinite else {
            throw .validation(object, parameter, "\(name)'\(text)' is not finite (\(value))")
        }
        return value
    }
}
