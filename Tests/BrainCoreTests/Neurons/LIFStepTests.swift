import Testing
import BrainTestSupport
@testable import BrainCore

/// The Float LIF step against Nengo's float64 `LIF.step` (fixture d), and its vector path
/// against its scalar path.
@Suite("LIF step")
struct LIFStepTests {
    /// Fixture d's five neurons, each repeated `copies` times (neuron `i` of the fixture is
    /// at `c * 5 + i`), from v = 0, ref = 0, for 1000 steps of 1 ms.
    static func runFixtureD(copies: Int) throws -> (Fixture, NeuronSimulation) {
        let d = try Fixture("d_lif_spikes")
        let j = d.doubles("J").map(Float.init)
        let currents = (0..<copies).flatMap { _ in j }
        let zeros = [Float](repeating: 0, count: currents.count)
        let run = NeuronSimulation(
            LIF(), dt: d.double("dt"), currents: currents, initialState: [zeros, zeros],
            steps: Int(d.double("n_steps")))
        return (d, run)
    }

    @Test(arguments: [1, 5])
    func spikeStepsAreIdenticalToNengo(copies: Int) throws {
        let (d, run) = try Self.runFixtureD(copies: copies)
        let expected = d.intLists("spike_steps")
        #expect(expected.map(\.count) == d.ints("spike_counts"))
        for c in 0..<copies {
            for i in 0..<5 {
                #expect(run.spikeSteps(neuron: c * 5 + i) == expected[i], "neuron \(i), copy \(c)")
            }
        }
    }

    /// States at fixture d's sampled steps. Voltages agree within 1e-5 up to step 250 and
    /// within 5e-5 to step 1000: with constant input every firing cycle repeats the same Float
    /// roundings (mainly `refractoryTime` near 0.002 s, whose ulp is 2.3e-10 s), so the spike
    /// phase drifts from float64 by about 1e-10 s per spike, 1e-8 to 3e-8 s after 330 spikes
    /// (J = 20), and `dv/dt` is up to 1000 per second right after the refractory period. The
    /// refractory time of the silent neuron (J = 0.5) is a running sum of -dt, which Float
    /// accumulates to within 1e-5 s over 1000 steps.
    @Test func stateAtSampledStepsMatchesNengo() throws {
        let (d, run) = try Self.runFixtureD(copies: 1)
        let voltages = d.matrix("voltage_at_sampled_steps")
        let refractoryTimes = d.matrix("refractory_time_at_sampled_steps")
        for (row, step) in d.ints("sampled_steps").enumerated() {
            let v = run.states[0][step - 1].map(Double.init)
            let ref = run.states[1][step - 1].map(Double.init)
            let voltageTolerance = step <= 250 ? 1e-5 : 5e-5
            #expect(maxAbsoluteDifference(v, voltages[row]) <= voltageTolerance, "voltage at step \(step)")
            #expect(maxAbsoluteDifference(ref, refractoryTimes[row]) <= 1e-5, "refractory time at step \(step)")
        }
    }

    /// A spike is `amplitude / dt`, formed in Double: exactly Nengo's 1000 at dt = 0.001.
    @Test func spikeOutputIsAmplitudeOverDt() throws {
        let (d, run) = try Self.runFixtureD(copies: 1)
        let spikes = run.outputs.joined().filter { $0 != 0 }
        #expect(!spikes.isEmpty)
        #expect(spikes.allSatisfy { Double($0) == d.double("output_value_when_spiking") })
    }

    /// The reference check of step 7 in the fixture's description: J = 20 from v = 0.
    @Test func firstStepsFromRestMatchTheSpec() {
        let run = NeuronSimulation(LIF(), dt: 0.001, currents: [20], initialState: [[0], [0]], steps: 2)
        #expect(abs(run.states[0][0][0] - 0.97541) < 1e-5)
        #expect(run.outputs[1][0] != 0)
        #expect(abs(run.states[1][1][0] - 0.0020259) < 1e-7)
    }

    /// One step from many random states (whole, partial and refractory steps, spikes, the
    /// minVoltage clamp): the group step agrees with the scalar reference (C library
    /// `expm1f` / `log1pf`) on every spike and to a few ulp on the state.
    @Test(arguments: [0.02, 0.005])
    func groupStepAgreesWithScalarReference(tauRC: Double) throws {
        var rng = RandomState(seed: 7)
        let n = 4003
        let lif = try LIF(tauRC: tauRC, tauRef: 0.0015, minVoltage: -0.4, amplitude: 0.8)
        let currents = (0..<n).map { _ in Float(rng.uniform(-3, 30)) }
        let voltage = (0..<n).map { _ in Float(rng.uniform(-0.6, 1)) }
        let refractoryTime = (0..<n).map { _ in Float(rng.uniform(-0.002, 0.003)) }
        let run = NeuronSimulation(
            lif, dt: 0.001, currents: currents, initialState: [voltage, refractoryTime], steps: 1)
        let step = LIFStep(dt: 0.001, tauRC: tauRC, tauRef: 0.0015, minVoltage: -0.4, amplitude: 0.8)
        #expect(step.polynomials == (tauRC == 0.02 ? .short : .long))
        var v = voltage
        var ref = refractoryTime
        let outputs = (0..<n).map { i in step.step(voltage: &v[i], refractoryTime: &ref[i], current: currents[i]) }
        #expect(outputs == run.outputs[0])
        #expect(outputs.filter { $0 != 0 }.count > 300)
        #expect(refractoryTime.filter { $0 > 0 && $0 < 0.001 }.count > 300)
        #expect(maxAbsoluteDifference(run.states[0][0].map(Double.init), v.map(Double.init)) <= 3e-7)
        #expect(maxAbsoluteDifference(run.states[1][0].map(Double.init), ref.map(Double.init)) <= 1e-9)
        #expect(v.contains(-0.4))
    }

    /// Where the polynomials do not apply the scalar reference runs, so results are identical:
    /// `dt / tauRC > 0.5` (every neuron), and neurons starting above threshold.
    @Test func scalarReferenceTakesOverOutsideThePolynomials() throws {
        var rng = RandomState(seed: 11)
        let n = 37
        let currents = (0..<n).map { _ in Float(rng.uniform(-3, 30)) }
        let refractoryTime = (0..<n).map { _ in Float(rng.uniform(-0.002, 0.003)) }
        for (tauRC, voltageRange) in [(0.001, 0.0...1.0), (0.02, 0.5...1.5)] {
            let voltage = (0..<n).map { _ in Float(rng.uniform(voltageRange.lowerBound, voltageRange.upperBound)) }
            let run = NeuronSimulation(
                try LIF(tauRC: tauRC), dt: 0.001, currents: currents, initialState: [voltage, refractoryTime], steps: 1)
            let step = LIFStep(dt: 0.001, tauRC: tauRC, tauRef: 0.002, minVoltage: 0, amplitude: 1)
            var v = voltage
            var ref = refractoryTime
            var outputs = [Float](repeating: 0, count: n)
            for i in 0..<n where tauRC == 0.001 || voltage[i] > 1 {
                outputs[i] = step.step(voltage: &v[i], refractoryTime: &ref[i], current: currents[i])
            }
            let scalar = (0..<n).filter { tauRC == 0.001 || voltage[$0] > 1 }
            #expect(scalar.count >= 10)
            #expect(scalar.map { run.outputs[0][$0] } == scalar.map { outputs[$0] })
            #expect(scalar.map { run.states[0][0][$0] } == scalar.map { v[$0] })
            #expect(scalar.map { run.states[1][0][$0] } == scalar.map { ref[$0] })
        }
    }

    /// A neuron's result does not depend on whether it sits in a full group or in the padded
    /// tail: fixture d's five neurons repeated five times (positions 0–15 in a group, 16–24 in
    /// the tail) follow identical trajectories.
    @Test func positionInThePopulationDoesNotMatter() throws {
        let (_, run) = try Self.runFixtureD(copies: 5)
        for step in [0, 99, 500, 999] {
            for c in 1..<5 {
                #expect(Array(run.states[0][step][(c * 5)..<(c * 5 + 5)]) == Array(run.states[0][step][0..<5]))
                #expect(Array(run.states[1][step][(c * 5)..<(c * 5 + 5)]) == Array(run.states[1][step][0..<5]))
            }
        }
    }
}
