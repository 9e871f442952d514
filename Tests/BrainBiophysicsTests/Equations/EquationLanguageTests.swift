import BrainBiophysics
import Foundation
import Testing

/// The expression language evaluates like Python/Brian: precedence, functions, units,
/// subexpressions, comments and continuation lines.
@Suite("Equation language")
struct EquationLanguageTests {
    /// The value of a dimensionless expression: one Euler step of 1 s of `dx/dt = (e)/second`
    /// from `x = 0`.
    static func evaluate(_ expression: String, parameters: [String: String] = [:]) throws -> Double {
        let neuron = try EquationNeuron(
            "dx/dt = (\(expression))/second : 1", parameters: parameters, method: .euler)
        return try neuron.simulate(duration: 2, dt: 1).traces["x"]?[1] ?? .nan
    }

    @Test func arithmeticFollowsPythonPrecedence() throws {
        let cases: [(String, Double)] = [
            ("-2**2", -4), ("2**-1", 0.5), ("2*3**2", 18), ("2**3**2", 512), ("(1 + 2)*3", 9), ("7 - 2 - 1", 4),
            ("8/4/2", 1), ("1.5e3/1e3", 1.5), (".5 + 1.", 1.5), ("+3 - -2", 5), ("int(1 < 2)", 1),
            ("int(not 1 < 2 or 2 > 1 and 1 == 1)", 1), ("int(not (1 < 2 or 2 > 1))", 0), ("int(2 != 2)", 0),
            ("int(True) + int(False)", 1),
        ]
        for (expression, expected) in cases {
            #expect(try EquationLanguageTests.evaluate(expression) == expected, "\(expression)")
        }
    }

    @Test func functionsEvaluate() throws {
        let cases: [(String, Double)] = [
            ("exp(1)", M_E), ("log(e)", 1), ("log10(1000)", 3), ("sqrt(16)", 4), ("abs(-3)", 3), ("sign(-2)", -1),
            ("floor(-1.5)", -2), ("ceil(1.2)", 2), ("clip(5, 0, 2)", 2), ("clip(-5, 0, 2)", 0), ("exprel(0)", 1),
            ("exprel(1)", M_E - 1), ("int(-2.7)", -2), ("sin(pi/2)", 1), ("cos(0)", 1), ("tanh(0)", 0),
            ("arctan(1)*4", Double.pi), ("sqrt(4*metre**2)/metre", 2), ("(9*mV**2)**0.5/mV", 3),
        ]
        for (expression, expected) in cases {
            let value = try EquationLanguageTests.evaluate(expression)
            #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "\(expression) = \(value)")
        }
        #expect(abs(try EquationLanguageTests.evaluate("exprel(1e-12)") - 1) < 1e-11)
    }

    @Test func unitsConvertToSI() throws {
        let cases: [(String, Double)] = [
            ("1*mV/volt", 1e-3), ("281*pF/farad", 281e-12), ("30*nS/siemens", 30e-9), ("2*ms/second", 2e-3),
            ("5*Hz*second", 5), ("100*Mohm*nA/mV", 100), ("1*um2/metre2", 1e-12), ("3*mM/molar", 3e-3),
            ("1*cm/um", 1e4), ("1*kohm/ohm", 1e3), ("1*amp*second/coulomb", 1),
        ]
        for (expression, expected) in cases {
            let value = try EquationLanguageTests.evaluate(expression)
            #expect(abs(value - expected) <= 1e-12 * abs(expected), "\(expression) = \(value)")
        }
    }

    @Test func parametersAreExpressionsOverEachOther() throws {
        let value = try EquationLanguageTests.evaluate(
            "Vcut/mV", parameters: ["VT": "-50.4*mV", "DeltaT": "2*mV", "Vcut": "VT + 5*DeltaT"])
        #expect(abs(value - (-40.4)) < 1e-12)
    }

    @Test func commentsContinuationsAndSubexpressions() throws {
        let neuron = try EquationNeuron(
            """
            # a leaky variable driven by a subexpression
            dv/dt = (drive -
                     v)/tau : volt   # continues inside parentheses
            drive = gain*level : volt
            level : 1 (constant)

            """, parameters: ["tau": "10*ms", "gain": "20*mV", "level": "2"], method: .euler)
        let v = try neuron.simulate(duration: 2e-3, dt: 1e-3).traces["v"] ?? []
        #expect(abs(v[1] - 0.1 * 0.04) < 1e-15)
    }

    @Test func resetStatementsRunInOrder() throws {
        let neuron = try EquationNeuron(
            """
            dv/dt = 1*volt/second : volt
            dw/dt = 0*volt/second : volt
            """, threshold: "v > 0.5*volt", reset: "w = v\nv = 0*volt; w *= 2; w -= 0.1*volt; w /= 2",
            method: .euler)
        let simulation = try neuron.simulate(duration: 0.8, dt: 0.1)
        // v passes 0.5 V in the step starting at t = 0.5 (v = 0.6 after it); w = (2·0.6 - 0.1)/2.
        #expect(simulation.spikeTimes.count == 1)
        #expect(abs((simulation.spikeTimes.first ?? 0) - 0.5) < 1e-12)
        let w = simulation.traces["w"] ?? []
        #expect(abs(w[7] - 0.55) < 1e-12)
        #expect(abs((simulation.traces["v"] ?? [])[7] - 0.1) < 1e-12)
    }
}
