import BrainBiophysics
import Foundation
import Testing

/// The integration methods against closed-form solutions and their orders of accuracy.
@Suite("Equation integration methods")
struct EquationIntegrationTests {
    /// `dv/dt = (v_inf - v)/tau` has `v(t) = v_inf + (v0 - v_inf) exp(-t/tau)`.
    @Test func exactMatchesTheClosedFormOfALeak() throws {
        let neuron = try EquationNeuron(
            "dv/dt = (Vinf - v)/tau : volt", parameters: ["Vinf": "-40*mV", "tau": "10*ms"],
            initialValues: ["v": "-70*mV"], method: .exact)
        let dt = 1e-3
        let simulation = try neuron.simulate(duration: 0.1, dt: dt)
        let v = simulation.traces["v"] ?? []
        let worst =
            simulation.times.indices.map { k in
                abs(v[k] - (-0.040 + (-0.030) * exp(-simulation.times[k] / 0.010)))
            }.max() ?? .infinity
        #expect(worst < 1e-15, "max error \(worst) V")
    }

    /// A rotation `dx/dt = y/tau, dy/dt = -x/tau` (complex eigenvalues) through the matrix
    /// exponential: `x = cos(t/tau)`, `y = -sin(t/tau)`.
    @Test func exactSolvesACoupledOscillator() throws {
        let neuron = try EquationNeuron(
            """
            dx/dt = y/tau : 1
            dy/dt = -x/tau : 1
            """, parameters: ["tau": "20*ms"], initialValues: ["x": "1"], method: .exact)
        let simulation = try neuron.simulate(duration: 0.5, dt: 5e-3)
        let x = simulation.traces["x"] ?? []
        let y = simulation.traces["y"] ?? []
        var worst = 0.0
        for (k, t) in simulation.times.enumerated() {
            worst = max(worst, abs(x[k] - cos(t / 0.02)), abs(y[k] + sin(t / 0.02)))
        }
        #expect(worst < 1e-12, "max error \(worst)")
    }

    /// A conductance input enters the matrix (`dv/dt = -(1/tau + g/C) v + ...`), so the
    /// propagator is computed per neuron and per step; it still matches the closed form, in the
    /// Double simulation and in the Float step with a different input per neuron.
    @Test func exactHandlesAnInputInTheMatrix() throws {
        let neuron = try EquationNeuron(
            """
            dv/dt = (EL - v)/tau + g*(E - v)/C : volt
            g : siemens
            """, parameters: ["EL": "-70*mV", "E": "0*mV", "tau": "20*ms", "C": "200*pF"],
            initialValues: ["v": "EL"], method: .exact, input: "g", inputUnit: "nS")
        func closedForm(_ gNano: Double, _ t: Double) -> Double {
            let a = -(1 / 0.02 + gNano * 1e-9 / 200e-12)
            let b = -0.070 / 0.02
            let vInf = -b / a
            return vInf + (-0.070 - vInf) * exp(a * t)
        }
        let simulation = try neuron.simulate(duration: 0.05, dt: 1e-3, input: 5)
        let v = simulation.traces["v"] ?? []
        let worst = simulation.times.indices.map { abs(v[$0] - closedForm(5, simulation.times[$0])) }.max() ?? 1
        #expect(worst < 1e-15, "max error \(worst) V")

        let (_, state) = try EquationNeuronTypeTests.stepPopulation(neuron, currents: [2, 5], dt: 1e-3, steps: 30)
        #expect(abs(Double(state[0]) - closedForm(2, 0.03)) < 1e-8)
        #expect(abs(Double(state[1]) - closedForm(5, 0.03)) < 1e-8)
    }

    /// `A = 0` (a pure integrator, singular matrix) is exact too.
    @Test func exactHandlesASingularMatrix() throws {
        let neuron = try EquationNeuron(
            "dv/dt = rate : volt\nrate : volt/second", parameters: ["rate": "3*mV/ms"], method: .exact)
        let v = try neuron.simulate(duration: 0.01, dt: 1e-3).traces["v"] ?? []
        #expect(abs(v[9] - 0.027) < 1e-15)
    }

    /// The logistic equation `dx/dt = x (1 - x)/tau` against `x = 1/(1 + (1/x0 - 1) exp(-t/tau))`:
    /// halving dt divides the error by about 2 (euler), 4 (heun) and 16 (rk4).
    @Test(arguments: [(EquationNeuron.Method.euler, 2.0), (.heun, 4.0), (.rk4, 16.0)])
    func methodsConvergeAtTheirOrder(method: EquationNeuron.Method, ratio: Double) throws {
        let neuron = try EquationNeuron(
            "dx/dt = x*(1 - x)/tau : 1", parameters: ["tau": "10*ms"], initialValues: ["x": "0.1"], method: method)
        func error(dt: Double) throws -> Double {
            let x = try neuron.simulate(duration: 0.03 + dt, dt: dt).traces["x"] ?? []
            let exact = 1 / (1 + 9 * exp(-3.0))
            return abs((x.last ?? .nan) - exact)
        }
        let coarse = try error(dt: 1e-3)
        let fine = try error(dt: 5e-4)
        #expect(abs(coarse / fine - ratio) < 0.25 * ratio, "error ratio \(coarse / fine)")
    }

    /// With a refractory period, only `(unless refractory)` variables are held, the threshold
    /// is not checked, and the hold lasts floor(refractory/dt) steps after the spike step.
    @Test func refractorinessHoldsOnlyFlaggedVariables() throws {
        let neuron = try EquationNeuron(
            """
            dv/dt = 1*volt/second : volt (unless refractory)
            dc/dt = 1*volt/second : volt
            """, threshold: "v > 0.25*volt", reset: "v = 0*volt", refractory: "0.3*second", method: .euler)
        let simulation = try neuron.simulate(duration: 1.2, dt: 0.1)
        let v = simulation.traces["v"] ?? []
        let c = simulation.traces["c"] ?? []
        // Spike in the step from t = 0.2 (v reaches 0.3) and reset; held in the steps from 0.3
        // and 0.4 (less than 0.3 s after the spike step), integrating again from 0.5; the next
        // spike in the step from 0.7.
        #expect(simulation.spikeTimes.map { ($0 * 10).rounded() / 10 } == [0.2, 0.7])
        #expect(v.map { ($0 * 10).rounded() / 10 } == [0, 0.1, 0.2, 0, 0, 0, 0.1, 0.2, 0, 0, 0, 0.1])
        #expect(abs((c.last ?? 0) - 1.1) < 1e-12)
    }
}
