import BrainCore

/// A neuron type defined by equations in Brian2's notation, parsed (no evaluation of code),
/// unit-checked and compiled at construction.
///
/// ```swift
/// let adex = try EquationNeuron(
///     """
///     dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
///     dw/dt = (a*(vm - EL) - w)/tauw : amp
///     I : amp
///     """,
///     parameters: ["C": "281*pF", "gL": "30*nS", "EL": "-70.6*mV", "VT": "-50.4*mV", "DeltaT": "2*mV",
///                  "Vcut": "VT + 5*DeltaT", "tauw": "144*ms", "a": "4*nS", "b": "0.0805*nA",
///                  "Vr": "-70.6*mV", "I": "1.5*nA"],
///     threshold: "vm > Vcut", reset: "vm = Vr; w += b",
///     initialValues: ["vm": "EL"], input: "I", inputUnit: "nA")
/// ```
///
/// **Equations** (one per line, `#` comments): `dX/dt = expression : unit` defines a state
/// variable `X` (flag `(unless refractory)` holds it during the refractory period);
/// `name = expression : unit` a subexpression; `name : unit` a parameter. Units after `:` are
/// base units (`volt`, `amp`, `siemens/metre**2`, `1`), as in Brian. Expressions use
/// `+ - * / **`, comparisons, `and`/`or`/`not`, numbers with units (`2*mV`; every unit name
/// Brian knows, e.g. `mV nA pA pF nS ms Hz Mohm um2 volt amp siemens farad second metre`), and
/// `exp log log10 sqrt sin cos tan sinh cosh tanh arcsin arccos arctan abs sign floor ceil clip
/// exprel int`.
///
/// **Units** are checked on every expression (seven SI base dimensions): `EL + I` with `EL`
/// in volt and `I` in amp is rejected, naming the term; the right-hand side of `dX/dt` must be
/// in X's unit per second; `exp`/`log` take dimensionless arguments; the threshold must be a
/// condition. Every problem is a `BrainKitError` (validation) naming the argument
/// (`equations`, `parameters`, `threshold`, ...) and, in equations, the line.
///
/// **Values** are expressions too (`"281*pF"`, `"VT + 5*DeltaT"`), in SI internally. A
/// parameter declared in the equations without a value is 0 (Brian's default); names only in
/// `parameters` are constants.
///
/// **As an ensemble's neuron type**: the ensemble's current `J` (dimensionless) drives the
/// parameter named by `input`: `input = value + J × inputUnit` (e.g. `I = 0 + J nA`). The
/// state variables are the differential variables (SI units) and, with a refractory period,
/// `refractoryTime` (seconds left). The step integrates in `Double` from the `Float` state
/// and emits `1/dt` on a spike. Rates come from simulation (see ``RateMeasurement``), gain and
/// bias from BrainCore's generic numeric search.
public struct EquationNeuron: NeuronType {
    /// How the equations are integrated over a step.
    public enum Method: String, Sendable, CaseIterable {
        /// Brian's default choice: `exact` when the equations are linear, else `euler`.
        case automatic
        /// The exact solution of linear equations with constant coefficients over a step,
        /// `X ← exp(A dt) X + ∫₀^dt exp(A s) ds · b` for `dX/dt = A X + b` (matrix exponential);
        /// nonlinear equations are rejected.
        case exact
        /// Forward Euler, `X ← X + dt f(X)` (Brian's `euler`).
        case euler
        /// The classical fourth-order Runge–Kutta method (Brian's `rk4`).
        case rk4
        /// Heun's second-order method (explicit trapezoid):
        /// `X̃ = X + dt f(X)`, `X ← X + dt/2 (f(X) + f(X̃))`. Brian's `heun` differs: it is a
        /// scheme for stochastic equations whose deterministic part is forward Euler, so for
        /// noise-free equations Brian's `heun` equals `euler`.
        case heun
    }

    /// The equations text as given.
    public let equations: String
    /// Parameter values as given (expressions with units).
    public let parameters: [String: String]
    /// The spike condition, or nil (a model that never spikes).
    public let threshold: String?
    /// The reset statements, or nil.
    public let reset: String?
    /// The refractory period (an expression in time units), or nil.
    public let refractory: String?
    /// Initial values of state variables (expressions), 0 when not given.
    public let initialValues: [String: String]
    /// The method asked for.
    public let method: Method
    /// The method used: `method`, or for `.automatic` the one chosen (`exact` or `euler`).
    public let resolvedMethod: Method
    /// The parameter driven by the ensemble current J, or nil.
    public let input: String?
    /// The size of one unit of J (an expression in the input's unit).
    public let inputUnit: String
    /// How ``rates(currents:)`` measures firing rates by simulation.
    public let rateMeasurement: RateMeasurement
    public let stateVariables: [NeuronStateVariable]
    /// The differential variables, in definition order.
    public let variableNames: [String]

    let compiled: CompiledEquations
    let scheme: IntegrationScheme
    let rateCache: RateCurveCache

    /// Parses, checks and compiles a model.
    ///
    /// - Parameters:
    ///   - equations: the equations (see the type's documentation).
    ///   - parameters: values of parameters and constants, as expressions (`"281*pF"`).
    ///   - threshold: the spike condition (`"vm > Vcut"`), evaluated after each step.
    ///   - reset: statements run on a spike, `;`- or line-separated (`"vm = Vr; w += b"`);
    ///     operators `=`, `+=`, `-=`, `*=`, `/=`.
    ///   - refractory: the refractory period (`"2*ms"`): no spike, and `(unless refractory)`
    ///     variables held, until it has elapsed (Brian's semantics, in whole steps).
    ///   - initialValues: start values of state variables (`["vm": "EL"]`), default 0.
    ///   - method: the integration method (default: Brian's automatic choice).
    ///   - input: the declared parameter that receives the ensemble's current.
    ///   - inputUnit: the quantity one unit of J stands for (`"nA"`), in the input's unit.
    ///   - initialState: distributions (SI units) replacing the constant initial values of
    ///     state variables in an ensemble, by name.
    ///   - rateMeasurement: how rates are measured for gain and bias.
    /// - Throws: `BrainKitError` (validation) for a syntax error (with line and column), a
    ///   unit error naming the term, an unknown identifier, a threshold that is not a
    ///   condition, nonlinear equations with `.exact`, or a bad option.
    public init(
        _ equations: String,
        parameters: [String: String] = [:],
        threshold: String? = nil,
        reset: String? = nil,
        refractory: String? = nil,
        initialValues: [String: String] = [:],
        method: Method = .automatic,
        input: String? = nil,
        inputUnit: String = "1",
        initialState: [String: any Distribution] = [:],
        rateMeasurement: RateMeasurement = RateMeasurement()
    ) throws(BrainKitError) {
        let texts = EquationTexts(
            equations: equations, parameters: parameters, threshold: threshold, reset: reset, refractory: refractory,
            initialValues: initialValues, input: input, inputUnit: inputUnit)
        let model = try EquationModel.build(texts)
        let (scheme, linearForms) = try EquationNeuron.chooseScheme(method, model: model)
        try EquationNeuron.check(rateMeasurement)

        self.equations = equations
        self.parameters = parameters
        self.threshold = threshold
        self.reset = reset
        self.refractory = refractory
        self.initialValues = initialValues
        self.method = method
        self.resolvedMethod = Method(rawValue: scheme.rawValue) ?? method
        self.input = input
        self.inputUnit = inputUnit
        self.rateMeasurement = rateMeasurement
        self.variableNames = model.stateNames
        self.scheme = scheme
        self.compiled = CompiledEquations(model: model, linearForms: linearForms)
        self.rateCache = RateCurveCache()
        self.stateVariables = try EquationNeuron.stateVariables(model, overrides: initialState)
    }

    /// The integration scheme for `method`, and the linear forms when it is exact.
    private static func chooseScheme(
        _ method: Method, model: EquationModel
    ) throws(BrainKitError) -> (IntegrationScheme, [AffineForm]?) {
        let analysis = LinearityAnalysis(stateCount: model.stateCount, subexpressions: model.subexpressions)
        var forms: [AffineForm] = []
        var nonlinear: (Int, NonlinearTerm)?
        for (index, derivative) in model.derivatives.enumerated() {
            do {
                forms.append(try analysis.decompose(derivative))
            } catch {
                nonlinear = (index, error)
                break
            }
        }
        switch method {
        case .automatic:
            return nonlinear == nil ? (.exact, forms) : (.euler, nil)
        case .exact:
            if let (index, term) = nonlinear {
                let text = model.source.term(term.range)
                throw .validation(
                    EquationModel.object, "method",
                    "exact needs equations linear in the state variables, but d\(model.stateNames[index])/dt "
                        + "(line \(model.derivativeLines[index])) is not: '\(text)'; use .rk4, .euler or .heun")
            }
            return (.exact, forms)
        case .euler: return (.euler, nil)
        case .rk4: return (.rk4, nil)
        case .heun: return (.heun, nil)
        }
    }

    private static func check(_ measurement: RateMeasurement) throws(BrainKitError) {
        try Check.greaterThan(measurement.dt, 0, EquationModel.object, "rateMeasurement.dt")
        try Check.atLeast(measurement.settle, 0, EquationModel.object, "rateMeasurement.settle")
        try Check.greaterThan(measurement.duration, 0, EquationModel.object, "rateMeasurement.duration")
        try Check.greaterThan(measurement.currentStep, 0, EquationModel.object, "rateMeasurement.currentStep")
        try Check.greaterThan(measurement.relativeStep, 0, EquationModel.object, "rateMeasurement.relativeStep")
        try Check.atMost(measurement.relativeStep, 0.5, EquationModel.object, "rateMeasurement.relativeStep")
        try Check.finite(
            [
                measurement.dt, measurement.settle, measurement.duration, measurement.currentStep,
                measurement.relativeStep,
            ],
            EquationModel.object, "rateMeasurement")
        let steps = (measurement.settle + measurement.duration) / measurement.dt
        guard steps <= 10_000_000 else {
            throw .validation(
                EquationModel.object, "rateMeasurement",
                "needs \(steps) steps per measured current; at most 10000000 are allowed")
        }
    }

    /// The name of the refractory timer state variable.
    public static let refractoryTimeName = "refractoryTime"

    private static func stateVariables(
        _ model: EquationModel, overrides: [String: any Distribution]
    ) throws(BrainKitError) -> [NeuronStateVariable] {
        var names = model.stateNames
        var values = model.initialValues
        if model.refractory != nil {
            names.append(refractoryTimeName)
            values.append(0)
        }
        if let unknown = overrides.keys.sorted().first(where: { !names.contains($0) }) {
            throw .validation(
                EquationModel.object, "initialState",
                "variable '\(unknown)' not recognized; should be one of "
                    + names.map { "'\($0)'" }.joined(separator: ", ")
            )
        }
        var variables: [NeuronStateVariable] = []
        for (name, value) in zip(names, values) {
            if let distribution = overrides[name] {
                variables.append(NeuronStateVariable(name: name, initial: distribution))
            } else {
                variables.append(NeuronStateVariable(name: name, initial: try Choice([value])))
            }
        }
        return variables
    }

    public var isSpiking: Bool { true }

    /// Every text and option, so that populations fuse only when their steps are identical.
    public var description: String {
        func quoted(_ text: String?) -> String {
            text.map { "\"\($0)\"" } ?? "nil"
        }
        func dictionary(_ values: [String: String]) -> String {
            values.isEmpty
                ? "[:]" : "[" + values.keys.sorted().map { "\($0): \(values[$0] ?? "")" }.joined(separator: ", ") + "]"
        }
        return "EquationNeuron(equations: \"\"\"\n\(equations)\n\"\"\", parameters: \(dictionary(parameters)), "
            + "threshold: \(quoted(threshold)), reset: \(quoted(reset)), refractory: \(quoted(refractory)), "
            + "initialValues: \(dictionary(initialValues)), method: \(resolvedMethod.rawValue), "
            + "input: \(quoted(input)), inputUnit: \(quoted(inputUnit)), rateMeasurement: \(rateMeasurement))"
    }
}
