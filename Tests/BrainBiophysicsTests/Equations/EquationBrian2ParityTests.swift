import BrainBiophysics
import BrainTestSupport
import Foundation
import Testing

/// Models written as equations reproduce Brian2 2.9 on the same cells at the same dt
/// (Fixtures/equations_brian2.json): equal spike counts, the first five spike times within
/// 0.5 ms, and voltage traces within 2 mV RMS outside spike peaks. "Outside spike peaks"
/// excludes the samples from 1 ms before to 1 ms after every spike of either simulator (the
/// upstroke and the reset, where a shift of one step changes the voltage by tens of mV).
@Suite("EquationNeuron against Brian2")
struct EquationBrian2ParityTests {
    static let adexEquations = """
        dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
        dw/dt = (a*(vm - EL) - w)/tauw : amp
        I : amp
        """

    static let adexParameters: [String: String] = [
        "C": "281*pF", "gL": "30*nS", "EL": "-70.6*mV", "VT": "-50.4*mV", "DeltaT": "2*mV",
        "Vcut": "VT + 5*DeltaT", "tauw": "144*ms", "a": "4*nS", "b": "0.0805*nA", "Vr": "-70.6*mV",
        "I": "1.5*nA",
    ]

    static func adex(_ method: EquationNeuron.Method) throws -> EquationNeuron {
        try EquationNeuron(
            adexEquations, parameters: adexParameters, threshold: "vm > Vcut", reset: "vm = Vr; w += b",
            initialValues: ["vm": "EL", "w": "0*amp"], method: method, input: "I", inputUnit: "nA")
    }

    static let lifEquations = """
        dv/dt = (EL - v + R*I)/tau : volt (unless refractory)
        I : amp
        """

    static let lifParameters: [String: String] = [
        "tau": "10*ms", "EL": "-70*mV", "R": "100*Mohm", "Vt": "-50*mV", "Vr": "-65*mV", "I": "0.3*nA",
    ]

    static func lif(_ method: EquationNeuron.Method) throws -> EquationNeuron {
        try EquationNeuron(
            lifEquations, parameters: lifParameters, threshold: "v > Vt", reset: "v = Vr", refractory: "2*ms",
            initialValues: ["v": "EL"], method: method)
    }

    static func adaptiveLIF() throws -> EquationNeuron {
        try EquationNeuron(
            """
            dv/dt = (EL - v + R*(I - w))/tau : volt (unless refractory)
            dw/dt = (a*(v - EL) - w)/tauw : amp
            I : amp
            """,
            parameters: lifParameters.merging(["a": "2*nS", "tauw": "100*ms", "b": "0.05*nA", "I": "0.5*nA"]) { $1 },
            threshold: "v > Vt", reset: "v = Vr; w += b", refractory: "2*ms", initialValues: ["v": "EL"],
            method: .exact)
    }

    /// The measured differences of one comparison.
    struct Comparison: CustomStringConvertible {
        let spikeCounts: (ours: Int, brian: Int)
        let firstFiveMaxDifference: Double  // ms
        let voltageRMS: Double  // mV
        let samplesCompared: Int

        var description: String {
            "spikes \(spikeCounts.ours) vs \(spikeCounts.brian), first five max |Δt| = \(firstFiveMaxDifference) ms, "
                + "V RMS = \(voltageRMS) mV over \(samplesCompared) samples"
        }
    }

    static func compare(
        _ neuron: EquationNeuron, with run: Brian2EquationRuns.Run, voltage: String
    ) throws -> Comparison {
        let dt = run.dt_ms * 1e-3
        let simulation = try neuron.simulate(duration: run.duration_ms * 1e-3, dt: dt)
        let ours = simulation.spikeTimes.map { $0 * 1e3 }
        let theirs = run.spike_times_ms
        let firstFive = zip(ours.prefix(5), theirs.prefix(5)).map { abs($0 - $1) }.max() ?? .infinity
        let spikes = ours + theirs
        let trace = (simulation.traces[voltage] ?? []).map { $0 * 1e3 }
        let reference = run.traces[voltage] ?? []
        var a: [Double] = []
        var b: [Double] = []
        for (k, t) in simulation.times.enumerated() where k < reference.count {
            let ms = t * 1e3
            if spikes.contains(where: { ms >= $0 - 1 && ms <= $0 + 1 }) { continue }
            a.append(trace[k])
            b.append(reference[k])
        }
        return Comparison(
            spikeCounts: (ours.count, theirs.count), firstFiveMaxDifference: firstFive,
            voltageRMS: a.isEmpty ? .infinity : rmse(a, b), samplesCompared: a.count)
    }

    static func expectMatch(_ comparison: Comparison, _ name: String) {
        #expect(comparison.spikeCounts.ours == comparison.spikeCounts.brian, "\(name): \(comparison)")
        #expect(comparison.firstFiveMaxDifference <= 0.5, "\(name): \(comparison)")
        #expect(comparison.voltageRMS <= 2, "\(name): \(comparison)")
        #expect(comparison.samplesCompared > 2500, "\(name): \(comparison)")
    }

    @Test func automaticMethodForAdExIsEulerLikeBrian() throws {
        let runs = try Brian2EquationRuns.load()
        #expect(try runs.run("adex_default").brian2_method == "euler")
        #expect(try EquationBrian2ParityTests.adex(.automatic).resolvedMethod == .euler)
        #expect(try EquationBrian2ParityTests.lif(.automatic).resolvedMethod == .exact)
    }

    @Test func adexWithBrianDefaultMethodMatches() throws {
        let run = try Brian2EquationRuns.load().run("adex_default")
        let neuron = try EquationBrian2ParityTests.adex(.automatic)
        let comparison = try EquationBrian2ParityTests.compare(neuron, with: run, voltage: "vm")
        EquationBrian2ParityTests.expectMatch(comparison, "AdEx euler")
        // Same scheme, same dt: the traces agree to rounding, spike times to the step.
        #expect(comparison.firstFiveMaxDifference < 1e-6, "\(comparison)")
        #expect(comparison.voltageRMS < 1e-6, "\(comparison)")
        let simulation = try neuron.simulate(duration: 0.5, dt: 1e-4)
        let w = (simulation.traces["w"] ?? []).map { $0 * 1e9 }
        #expect(maxAbsoluteDifference(w, run.traces["w"] ?? []) < 1e-6)
    }

    @Test func adexWithRK4Matches() throws {
        let run = try Brian2EquationRuns.load().run("adex_rk4")
        let comparison = try EquationBrian2ParityTests.compare(
            try EquationBrian2ParityTests.adex(.rk4), with: run, voltage: "vm")
        EquationBrian2ParityTests.expectMatch(comparison, "AdEx rk4")
        #expect(comparison.firstFiveMaxDifference < 1e-6, "\(comparison)")
    }

    @Test func lifWithExactMethodMatches() throws {
        let run = try Brian2EquationRuns.load().run("lif_exact")
        let comparison = try EquationBrian2ParityTests.compare(
            try EquationBrian2ParityTests.lif(.exact), with: run, voltage: "v")
        EquationBrian2ParityTests.expectMatch(comparison, "LIF exact")
        #expect(comparison.voltageRMS < 1e-6, "\(comparison)")
    }

    @Test func lifWithRK4Matches() throws {
        let run = try Brian2EquationRuns.load().run("lif_rk4")
        let comparison = try EquationBrian2ParityTests.compare(
            try EquationBrian2ParityTests.lif(.rk4), with: run, voltage: "v")
        EquationBrian2ParityTests.expectMatch(comparison, "LIF rk4")
        #expect(comparison.voltageRMS < 1e-6, "\(comparison)")
    }

    /// A coupled linear system (exact by matrix exponential), with `w` integrating during the
    /// refractory period while `v` is held.
    @Test func adaptiveLIFWithExactMethodMatches() throws {
        let run = try Brian2EquationRuns.load().run("adaptive_lif_exact")
        let neuron = try EquationBrian2ParityTests.adaptiveLIF()
        let comparison = try EquationBrian2ParityTests.compare(neuron, with: run, voltage: "v")
        EquationBrian2ParityTests.expectMatch(comparison, "adaptive LIF exact")
        // To the fixture's rounding (1e-9 mV): the matrix exponential balances the SI-scaled
        // matrix (entries from 2e-9 to 1e10), without which the error was 6e-7 mV.
        #expect(comparison.voltageRMS < 1e-8, "\(comparison)")
        let w = (try neuron.simulate(duration: 0.5, dt: 1e-4).traces["w"] ?? []).map { $0 * 1e9 }
        #expect(maxAbsoluteDifference(w, run.traces["w"] ?? []) < 1e-8)
    }
}
