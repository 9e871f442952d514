import Foundation
import Testing

@testable import BrainCore

/// `Simulator.setComputing(_:for:)`: a probe's own operators stop and start again; the model
/// and the other probes never notice.
struct ProbeComputingTests {
    private func model() throws -> (net: Network, stopped: Probe, watched: Probe, spikes: Probe) {
        let net = try Network(label: "computing", seed: 5)
        let input = try net.node(label: "input", function: { t in sin(8 * t) })
        let a = try net.ensemble(label: "a", neurons: 80, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 80, dimensions: 1)
        try net.connect(input, to: a)
        try net.connect(a, to: b, synapse: 0.01)
        let stopped = try net.probe(a, synapse: 0.01, label: "a value")
        let watched = try net.probe(b, synapse: 0.01, label: "b value")
        let spikes = try net.probe(b.neurons[0..<20], label: "b spikes")
        return (net, stopped, watched, spikes)
    }

    private func latest(_ probe: Probe, of simulator: Simulator) throws -> [Float] {
        var values = [Float](repeating: .nan, count: probe.size)
        try values.withUnsafeMutableBufferPointer { try simulator.latest(probe, into: $0) }
        return values
    }

    @Test(arguments: [1, 2])
    func aStoppedProbeKeepsItsValueAndNothingElseChanges(threads: Int) throws {
        let (net, stopped, watched, spikes) = try model()
        let reference = try Simulator(net, threads: 1)
        let simulator = try Simulator(
            net, dt: 0.001, seed: nil, threads: threads, sharing: .always, probeStorage: .latestOnly)
        try reference.run(steps: 100)
        try simulator.run(steps: 100)
        let kept = try latest(stopped, of: simulator)
        try simulator.setComputing(false, for: stopped)
        try reference.run(steps: 200)
        try simulator.run(steps: 200)
        #expect(try latest(stopped, of: simulator) == kept)
        #expect(try latest(stopped, of: reference) != kept)
        // The model and the probes still computing: bit for bit as in a simulator that never stopped one.
        #expect(try latest(watched, of: simulator) == latest(watched, of: reference))
        #expect(try latest(spikes, of: simulator) == latest(spikes, of: reference))
    }

    @Test func aRestartedProbeMeetsOneThatNeverStoppedWithinItsFilter() throws {
        let (net, stopped, _, _) = try model()
        let always = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        let restarted = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        try restarted.setComputing(false, for: stopped)
        try always.run(steps: 300)
        try restarted.run(steps: 300)
        let missed = abs(try latest(stopped, of: always)[0] - latest(stopped, of: restarted)[0])
        #expect(missed > 0.05)
        try restarted.setComputing(true, for: stopped)
        // 10 time constants of the probe's Lowpass(0.01): about e^-10 of what it missed is left.
        try always.run(steps: 100)
        try restarted.run(steps: 100)
        let left = abs(try latest(stopped, of: always)[0] - latest(stopped, of: restarted)[0])
        #expect(left <= missed * 1e-4 + 1e-6)
    }

    @Test func onlyLatestOnlyStorageAndTheNetworksProbes() throws {
        let (net, stopped, _, _) = try model()
        let recording = try Simulator(net, threads: 1)
        do throws(BrainKitError) {
            try recording.setComputing(false, for: stopped)
            Issue.record("a recording simulator stopped a probe")
        } catch {
            #expect(error.object == stopped.name && error.parameter == "computing")
        }
        let other = try Network(label: "other")
        let foreign = try other.probe(try other.node(label: "x", output: 1))
        let live = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        do throws(BrainKitError) {
            try live.setComputing(false, for: foreign)
            Issue.record("a foreign probe was accepted")
        } catch {
            #expect(error.object == "Simulator" && error.parameter == "probe")
        }
    }
}
