import BrainBiophysics
import BrainTestSupport
import Foundation
import Testing

/// The compartmental cells against NEURON 9 on the same cells at the same dt
/// (Fixtures/neuron_cell.json from make_neuron_cell.py).
@Suite("Compartmental cells match NEURON")
struct NeuronParityTests {
    /// Runs the fixture's variant and returns (soma trace every 0.1 ms, dendrite-end trace every
    /// 0.1 ms, all soma spike times).
    static func simulate(_ name: String, _ reference: NeuronCellFixture.Variant) throws
        -> (soma: [Double], dendrite: [Double], spikes: [Double], vMin: Double, vMax: Double)
    {
        let cell = try NeuronCellFixture.cell(name)
        let soma = SectionLocation(section: "soma", position: 0.5)
        let dendriteEnd = SectionLocation(section: "dend", position: 1)
        let clamp = try CurrentClamp(
            at: soma, delay: reference.delay, duration: reference.dur, amplitude: reference.amp)
        var sim = try CellSimulation(cell: cell, clamps: [clamp], timeStep: reference.dt)
        let recording = try sim.run(
            duration: reference.duration, initialVoltage: reference.vInit, recording: [soma, dendriteEnd])
        let every = Int((reference.sampleIntervalMs / reference.dt).rounded())
        let somaTrace = recording.voltages[0]
        let sampled = stride(from: 0, to: somaTrace.count, by: every).map { somaTrace[$0] }
        let dendrite = stride(from: 0, to: somaTrace.count, by: every).map { recording.voltages[1][$0] }
        return (sampled, dendrite, recording.spikeTimes(at: soma), somaTrace.min() ?? .nan, somaTrace.max() ?? .nan)
    }

    /// Root-mean-square difference over samples away from spikes: a sample is excluded when
    /// either trace is above −40 mV there or it lies within 1 ms of a spike of either run.
    static func rmsOutsideSpikes(
        _ ours: [Double], _ theirs: [Double], interval: Double, spikes: [Double]
    ) -> (rms: Double, kept: Int) {
        var sum = 0.0
        var kept = 0
        for k in 0..<min(ours.count, theirs.count) {
            let t = Double(k) * interval
            if ours[k] > -40 || theirs[k] > -40 { continue }
            if spikes.contains(where: { abs($0 - t) <= 1 }) { continue }
            sum += (ours[k] - theirs[k]) * (ours[k] - theirs[k])
            kept += 1
        }
        return (kept > 0 ? (sum / Double(kept)).squareRoot() : .nan, kept)
    }

    @Test(arguments: ["talk", "branched", "fine"])
    func tracesAndSpikesMatchNeuron(variant name: String) throws {
        let fixture = try NeuronCellFixture.load()
        let reference = try #require(fixture.variants[name])
        let ours = try Self.simulate(name, reference)

        #expect(
            ours.spikes.count == reference.spikeCount,
            "\(name): \(ours.spikes.count) spikes, NEURON \(reference.spikeCount)")
        let firstFive = zip(ours.spikes.prefix(5), reference.spikeTimesMs.prefix(5)).map { abs($0 - $1) }
        #expect(firstFive.count == 5)
        #expect(firstFive.allSatisfy { $0 <= 0.5 }, "\(name): first five spike time differences \(firstFive) ms")

        let spikes = ours.spikes + reference.spikeTimesMs
        let soma = Self.rmsOutsideSpikes(
            ours.soma, reference.somaVMV, interval: reference.sampleIntervalMs, spikes: spikes)
        let dendrite = Self.rmsOutsideSpikes(
            ours.dendrite, reference.dendriteEndVMV, interval: reference.sampleIntervalMs, spikes: spikes)
        #expect(soma.kept > ours.soma.count / 2, "\(name): only \(soma.kept) samples compared")
        #expect(soma.rms <= 2, "\(name): soma RMS \(soma.rms) mV outside spikes")
        #expect(dendrite.rms <= 2, "\(name): dendrite-end RMS \(dendrite.rms) mV outside spikes")

        // The scheme is NEURON's, so the traces agree far more closely than the issue asks:
        // everywhere, spikes included, to rounding (the fixture keeps 1e-6 mV).
        #expect(ours.soma.count == reference.somaVMV.count)
        let worst = max(
            maxAbsoluteDifference(ours.soma, reference.somaVMV),
            maxAbsoluteDifference(ours.dendrite, reference.dendriteEndVMV))
        #expect(worst <= 1e-3, "\(name): largest voltage difference \(worst) mV")
        let spikeWorst = zip(ours.spikes, reference.spikeTimesMs).map { abs($0 - $1) }.max() ?? .nan
        #expect(spikeWorst <= 1e-4, "\(name): largest spike time difference \(spikeWorst) ms")
        #expect(abs(ours.vMin - reference.vMinMV) <= 1e-4 && abs(ours.vMax - reference.vMaxMV) <= 1e-4)
        print(
            "\(name): \(ours.spikes.count) spikes (NEURON \(reference.spikeCount)); soma RMS \(soma.rms) mV over "
                + "\(soma.kept) samples, dendrite RMS \(dendrite.rms) mV; max |dv| \(worst) mV; "
                + "max |dt_spike| \(spikeWorst) ms")
    }
}
