import BrainBiophysics
import BrainCore
import BrainTestSupport
import Testing

/// Every mistake in an equation-defined model is a typed ``BrainKitError`` (validation) that
/// names the argument and the problem; none traps.
@Suite("EquationNeuron errors")
struct EquationErrorTests {
    static let lif = """
        dv/dt = (EL - v + R*I)/tau : volt
        I : amp
        """
    static let lifParameters = ["EL": "-70*mV", "R": "100*Mohm", "tau": "10*ms", "Vt": "-50*mV", "Vr": "-65*mV"]

    /// Builds a model and returns its error (nil when it built).
    static func error(
        _ equations: String = lif, parameters: [String: String] = lifParameters, threshold: String? = "v > Vt",
        reset: String? = "v = Vr", refractory: String? = nil, initialValues: [String: String] = [:],
        method: EquationNeuron.Method = .automatic, input: String? = nil, inputUnit: String = "1",
        rateMeasurement: EquationNeuron.RateMeasurement = .init()
    ) -> BrainKitError? {
        do {
            _ = try EquationNeuron(
                equations, parameters: parameters, threshold: threshold, reset: reset, refractory: refractory,
                initialValues: initialValues, method: method, input: input, inputUnit: inputUnit,
                rateMeasurement: rateMeasurement)
            return nil
        } catch {
            return error
        }
    }

    /// Expects a validation error about `parameter` whose description contains every fragment.
    static func expect(
        _ error: BrainKitError?, parameter: String?, _ fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error else {
            Issue.record("expected an error about \(parameter ?? "the model")", sourceLocation: sourceLocation)
            return
        }
        #expect(error.kind == .validation, sourceLocation: sourceLocation)
        #expect(error.object == "EquationNeuron", sourceLocation: sourceLocation)
        #expect(error.parameter == parameter, "\(error)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                error.description.contains(fragment), "'\(fragment)' not in: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func theValidModelBuilds() {
        #expect(EquationErrorTests.error() == nil)
    }

    // MARK: - Units

    @Test func addingVoltsAndAmpsNamesTheTerm() {
        let error = EquationErrorTests.error(
            """
            dvm/dt = (EL + I)/C : volt
            I : amp
            """, parameters: ["EL": "-70*mV", "C": "281*pF", "Vt": "0*mV", "Vr": "0*mV"], threshold: nil, reset: nil)
        EquationErrorTests.expect(
            error, parameter: "equations", ["line 1 (dvm/dt)", "cannot add volt and amp in 'EL + I'"])
        #expect(
            error?.description == "EquationNeuron: equations line 1 (dvm/dt): cannot add volt and amp in 'EL + I'")
    }

    @Test func addingLiteralMillivoltsAndNanoampsIsRejected() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (1*mV + 2*nA)/ms : volt", threshold: nil, reset: nil),
            parameter: "equations", ["cannot add volt and amp in '1*mV + 2*nA'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (1*mV - v*nS)/ms : volt", threshold: nil, reset: nil),
            parameter: "equations", ["cannot subtract", "from volt in '1*mV - v*nS'"])
    }

    @Test func rightHandSideMustBeTheUnitPerSecond() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)*tau : volt", threshold: nil, reset: nil), parameter: "equations",
            ["dv/dt", "must be in volt/second", "got volt*second"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = EL - v : volt", threshold: nil, reset: nil), parameter: "equations",
            ["must be in volt/second", "got volt in 'EL - v'"])
    }

    @Test func functionArgumentsMustBeDimensionless() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = exp(v - EL)/tau*mV : volt", threshold: nil, reset: nil),
            parameter: "equations", ["the argument of exp must be dimensionless, got volt in 'exp(v - EL)'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = log(tau)*mV/ms : volt", threshold: nil, reset: nil),
            parameter: "equations", ["the argument of log must be dimensionless, got second"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = sqrt(v)/ms : volt", threshold: nil, reset: nil),
            parameter: "equations", ["the square root of volt has no valid unit"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = v**(v/mV)/ms : volt", threshold: nil, reset: nil),
            parameter: "equations", ["can only be raised to a constant power"])
    }

    @Test func subexpressionAndParameterUnitsAreChecked() {
        EquationErrorTests.expect(
            EquationErrorTests.error(
                """
                dv/dt = (EL - v)/tau + Isyn/C : volt
                Isyn = g*(E - v) : volt
                """, parameters: ["EL": "-70*mV", "tau": "10*ms", "C": "200*pF", "g": "1*nS", "E": "0*mV"],
                threshold: nil, reset: nil),
            parameter: "equations", ["line 2 (Isyn)", "the expression is in amp, but Isyn is declared in volt"])
        EquationErrorTests.expect(
            EquationErrorTests.error(
                """
                dv/dt = (EL - v)/tau + I/C : volt
                C : farad
                I : amp
                """, parameters: ["EL": "-70*mV", "tau": "10*ms", "C": "281*pA"], threshold: nil, reset: nil),
            parameter: "parameters", ["'C' = '281*pA' is in amp, but C is declared in farad"])
    }

    @Test func thresholdResetRefractoryAndInputUnitsAreChecked() {
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v > 1*nA"), parameter: "threshold", ["cannot compare volt and amp"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "v = 5*nA"), parameter: "reset",
            ["'v = 5*nA'", "must be in volt", "got amp"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "v *= 2*mV"), parameter: "reset", ["must be in 1"])
        EquationErrorTests.expect(
            EquationErrorTests.error(refractory: "2*mV"), parameter: "refractory", ["must be in second, got volt"])
        EquationErrorTests.expect(
            EquationErrorTests.error(refractory: "-1*ms"), parameter: "refractory", ["must be a duration >= 0"])
        EquationErrorTests.expect(
            EquationErrorTests.error(input: "I", inputUnit: "mV"), parameter: "inputUnit", ["must be in amp, got volt"])
        EquationErrorTests.expect(
            EquationErrorTests.error(input: "I"), parameter: "inputUnit", ["'1' must be in amp, got 1"])
        EquationErrorTests.expect(
            EquationErrorTests.error(initialValues: ["v": "3*nA"]), parameter: "initialValues",
            ["'v' = '3*nA' must be in volt, got amp"])
    }

    // MARK: - Unknown identifiers

    @Test func unknownIdentifiersAreNamed() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/taum : volt"), parameter: "equations",
            ["line 1 (dv/dt)", "unknown identifier 'taum'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v > Vthr"), parameter: "threshold", ["unknown identifier 'Vthr'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "v = Vr; u += 1*mV"), parameter: "reset", ["unknown variable 'u'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "tau = 5*ms"), parameter: "reset", ["'tau' is a parameter (constant)"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = foo(v)/tau : volt"), parameter: "equations", ["unknown function 'foo'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: EquationErrorTests.lifParameters.merging(["Vt": "VT0 + 2*mV"]) { $1 }),
            parameter: "parameters", ["'Vt' = 'VT0 + 2*mV'", "unknown identifier 'VT0'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(initialValues: ["u": "0*mV"]), parameter: "initialValues",
            ["'u' is not a state variable"])
        EquationErrorTests.expect(
            EquationErrorTests.error(input: "J"), parameter: "input", ["'J' is not a parameter declared"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau + t*mV/ms**2 : volt"), parameter: "equations",
            ["time 't' is not available"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau*exp : volt"), parameter: "equations",
            ["'exp' is a function"])
    }

    // MARK: - Conditions

    @Test func thresholdMustBeACondition() {
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v - Vt"), parameter: "threshold",
            ["must be a condition such as 'vm > Vcut', but 'v - Vt' is a quantity in volt"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v"), parameter: "threshold", ["must be a condition"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v > Vt and v"), parameter: "threshold",
            ["'and' needs conditions on both sides, got volt in 'v'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "not v"), parameter: "threshold", ["'not' needs a condition"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (v > EL)*mV/ms : volt"), parameter: "equations",
            ["the condition 'v > EL' is used as a number", "int(...)"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau : volt", threshold: "v > Vt > EL"), parameter: "threshold",
            ["chained comparisons"])
    }

    // MARK: - Malformed text

    @Test func unbalancedParenthesesGiveTheirPosition() {
        EquationErrorTests.expect(
            EquationErrorTests.error(
                """
                I : amp
                dv/dt = ((EL - v)/tau : volt
                """), parameter: "equations", ["line 2, column 9", "unbalanced parentheses: '(' is never closed"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v))/tau : volt"), parameter: "equations",
            ["column 17", "')' has no matching '('"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "(v > Vt"), parameter: "threshold", ["column 1", "never closed"])
    }

    @Test func missingUnitsAreReported() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau"), parameter: "equations",
            ["line 1", "expected ':' and a unit after the expression of 'dv/dt'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau :"), parameter: "equations", ["missing unit after ':'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau : mV"), parameter: "equations",
            ["refers to 'mV', which is not a base unit; use 'volt' instead"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau : volts"), parameter: "equations", ["unknown unit 'volts'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("I amp\ndv/dt = (EL - v)/tau : volt"), parameter: "equations",
            ["line 1, column 3", "expected '=' or ':' after 'I', found 'amp'"])
    }

    @Test func garbageIsASyntaxError() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau : volt $"), parameter: "equations",
            ["column 29", "unexpected character '$'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau : volt\n@@@"), parameter: "equations",
            ["line 2, column 1", "unexpected character '@'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau + 2mV/ms : volt"), parameter: "equations",
            ["'2mV'", "write '2*mV'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = : volt"), parameter: "equations", ["expected a value, found ':'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = (EL - v)/tau * : volt"), parameter: "equations",
            ["expected a value, found ':'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = 1e/ms : volt"), parameter: "equations", ["malformed number '1e'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dx = -v/tau : volt"), parameter: "equations",
            ["expected 'dt' after 'dv/'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("= -v/tau : volt"), parameter: "equations", ["expected a definition"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "v == Vr"), parameter: "reset",
            ["expected '=', '+=', '-=', '*=' or '/=' after 'v'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(reset: "v = Vr v = Vr"), parameter: "reset",
            ["unexpected 'v' after the statement 'v = Vr'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: "v > Vt)"), parameter: "threshold", ["')' has no matching '('"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: ""), parameter: "threshold", ["incomplete"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: ["tau": "10*"]), parameter: "parameters",
            ["'tau' = '10*'", "incomplete"])
    }

    @Test func badDefinitionsAreRejected() {
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = -v/tau : volt\ndv/dt = -v/tau : volt"), parameter: "equations",
            ["line 2", "'v' is already defined on line 1"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dms/dt = -ms/tau : second"), parameter: "equations",
            ["'ms' is the name of a unit and cannot be used as a variable name"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = -v/tau : volt (unless refactory)"), parameter: "equations",
            ["unsupported flag 'unless refactory'"])
        EquationErrorTests.expect(
            EquationErrorTests.error("I : amp"), parameter: "equations", ["no differential equation"])
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = -v/tau : boolean"), parameter: "equations", ["type 'boolean'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(
                """
                dv/dt = (x - v)/tau : volt
                x = y : volt
                y = x + 1*mV : volt
                """, parameters: ["tau": "10*ms"], threshold: nil, reset: nil),
            parameter: "equations", ["subexpressions depend on each other", "x -> y -> x"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: ["a": "b", "b": "2*a", "tau": "1*ms", "EL": "0*mV", "R": "1*ohm"]),
            parameter: "parameters", ["cycle", "a -> b -> a"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: EquationErrorTests.lifParameters.merging(["v": "0*mV"]) { $1 }),
            parameter: "parameters", ["'v' is a variable of the equations"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: EquationErrorTests.lifParameters.merging(["mV": "2"]) { $1 }),
            parameter: "parameters", ["'mV' is the name of a unit"])
        EquationErrorTests.expect(
            EquationErrorTests.error(parameters: EquationErrorTests.lifParameters.merging(["Vt": "v + 1*mV"]) { $1 }),
            parameter: "parameters", ["cannot depend on the variable 'v'"])
    }

    // MARK: - Methods and options

    @Test func exactRejectsNonlinearEquationsNamingTheTerm() {
        let error = EquationErrorTests.error(
            EquationBrian2ParityTests.adexEquations, parameters: EquationBrian2ParityTests.adexParameters,
            threshold: "vm > Vcut", reset: "vm = Vr; w += b", method: .exact)
        EquationErrorTests.expect(
            error, parameter: "method", ["exact needs equations linear", "dvm/dt (line 1)", "'exp((vm - VT)/DeltaT)'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(
                "dv/dt = -v*w/(mV*ms) : volt\ndw/dt = -w/tau : volt",
                parameters: ["tau": "1*ms", "Vt": "0*mV", "Vr": "0*mV"],
                method: .exact),
            parameter: "method", ["'-v*w'"])
        EquationErrorTests.expect(
            EquationErrorTests.error(
                """
                dv/dt = (EL - v)/tau + s/ms : volt
                s = v**2/mV : volt
                """, method: .exact),
            parameter: "method", ["'v**2'"])
    }

    @Test func badRateMeasurementIsRejected() {
        EquationErrorTests.expect(
            EquationErrorTests.error(rateMeasurement: .init(dt: 0)), parameter: "rateMeasurement.dt", ["must be > 0"])
        EquationErrorTests.expect(
            EquationErrorTests.error(rateMeasurement: .init(currentStep: -1)), parameter: "rateMeasurement.currentStep",
            ["must be > 0"])
        EquationErrorTests.expect(
            EquationErrorTests.error(rateMeasurement: .init(dt: 1e-300)), parameter: "rateMeasurement",
            ["steps per measured current"])
    }

    @Test func simulateRejectsBadSteps() throws {
        let neuron = try EquationNeuron(
            EquationErrorTests.lif, parameters: EquationErrorTests.lifParameters, threshold: "v > Vt")
        #expect(throws: BrainKitError.self) { try neuron.simulate(duration: 0.1, dt: 0) }
        #expect(throws: BrainKitError.self) { try neuron.simulate(duration: -1, dt: 1e-4) }
        #expect(throws: BrainKitError.self) { try neuron.simulate(duration: .nan, dt: 1e-4) }
        #expect(throws: BrainKitError.self) { try neuron.simulate(duration: 1e300, dt: 1e-300) }
    }

    /// Pathological nesting is refused with an error instead of exhausting the stack.
    @Test func pathologicalNestingIsRejected() {
        let parentheses = String(repeating: "(", count: 10_000) + "v" + String(repeating: ")", count: 10_000)
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = -\(parentheses)/tau : volt"), parameter: "equations",
            ["nested too deeply"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: String(repeating: "-", count: 10_000) + "v > Vt"),
            parameter: "threshold", ["nested too deeply"])
        EquationErrorTests.expect(
            EquationErrorTests.error(threshold: String(repeating: "not ", count: 10_000) + "v > Vt"),
            parameter: "threshold", ["nested too deeply"])
        let longSum = Array(repeating: "v", count: 2000).joined(separator: " + ")
        EquationErrorTests.expect(
            EquationErrorTests.error("dv/dt = -(\(longSum))/tau : volt"), parameter: "equations",
            ["nested too deeply"])
        var chain = ["dv/dt = -x599/tau : volt", "x0 = v : volt"]
        for k in 1..<600 { chain.append("x\(k) = x\(k - 1) + v : volt") }
        EquationErrorTests.expect(
            EquationErrorTests.error(chain.joined(separator: "\n")), parameter: "equations",
            ["more than 512 levels deep"])
    }

    /// Thousands of corrupted variants of a valid model (characters deleted, duplicated or
    /// replaced, from a fixed seed) each build or throw a ``BrainKitError``: nothing traps.
    @Test func corruptedTextNeverTraps() {
        let original = Array(EquationBrian2ParityTests.adexEquations.utf8)
        let alphabet = Array("()+-*/:=<>!#;,.e0123456789 \nabvmwIdtexp_µ".utf8)
        var generator = SplitMix64(seed: 7)
        var built = 0
        var rejected = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(bytes[position], at: position)
                default: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try EquationNeuron(
                    text, parameters: EquationBrian2ParityTests.adexParameters, threshold: "vm > Vcut",
                    reset: "vm = Vr; w += b")
                built += 1
            } catch {
                #expect(error.kind == .validation)
                #expect(!error.message.isEmpty)
                rejected += 1
            }
        }
        #expect(built + rejected == 3000)
        #expect(rejected > 2000, "\(rejected) rejected")
    }
}
