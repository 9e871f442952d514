import Foundation
import Testing

@testable import BrainCore

/// `ProbeStorage.latestOnly` keeps nothing, and `Simulator.latest(_:into:)` reads what a probe
/// would record now, allocation-free.
struct ProbeLatestTests {
    private func model() throws -> (Network, Node, Ensemble, Probe, Probe, Probe) {
        let net = try Network(label: "latest", seed: 3)
        let input = try net.node(label: "input", output: [0.5, -0.25])
        let ensemble = try net.ensemble(label: "a", neurons: 60, dimensions: 2)
        try net.connect(input, to: ensemble)
        let decoded = try net.probe(ensemble, synapse: 0.01)
        let spikes = try net.probe(try ensemble.neurons[[3, 1, 4]])
        let node = try net.probe(input)
        return (net, input, ensemble, decoded, spikes, node)
    }

    @Test func latestEqualsTheLastRecordedRow() throws {
        let (net, _, _, decoded, spikes, _) = try model()
        let sim = try Simulator(net, threads: 1)
        try sim.run(steps: 120)
        for probe in [decoded, spikes] {
            var values = [Float](repeating: .nan, count: probe.size)
            try values.withUnsafeMutableBufferPointer { try sim.latest(probe, into: $0) }
            let data = try sim.data(probe)
            #expect(values.map(Double.init) == (0..<probe.size).map { data[data.rows - 1, $0] })
        }
    }

    @Test func latestOnlyKeepsNoRowsAndGivesTheSameValues() throws {
        let (net, _, _, decoded, _, _) = try model()
        let recorded = try Simulator(net, threads: 1)
        let live = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        try recorded.run(steps: 200)
        try live.run(steps: 200)
        #expect(try live.data(decoded).rows == 0)
        var a = [Float](repeating: 0, count: 2), b = [Float](repeating: 0, count: 2)
        try a.withUnsafeMutableBufferPointer { try recorded.latest(decoded, into: $0) }
        try b.withUnsafeMutableBufferPointer { try live.latest(decoded, into: $0) }
        #expect(a == b)
        #expect(abs(a[0] - 0.5) < 0.15 && abs(a[1] + 0.25) < 0.15)
    }

    @Test func latestRefusesAWrongBufferOrAForeignProbe() throws {
        let (net, _, _, decoded, _, _) = try model()
        let other = try Network(label: "other")
        let foreign = try other.probe(try other.node(label: "x", output: 1))
        let sim = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        var three = [Float](repeating: 0, count: 3)
        #expect(throws: BrainKitError.self) { try three.withUnsafeMutableBufferPointer { try sim.latest(decoded, into: $0) } }
        var one = [Float](repeating: 0, count: 1)
        #expect(throws: BrainKitError.self) { try one.withUnsafeMutableBufferPointer { try sim.latest(foreign, into: $0) } }
    }

    @Test func setOutputChangesAConstantNodeUntilReset() throws {
        let (net, input, _, decoded, _, node) = try model()
        let sim = try Simulator(net, threads: 1)
        try sim.run(steps: 100)
        try sim.setOutput(of: input, to: [-0.5, 0.5])
        try sim.run(steps: 200)
        let values = try sim.data(decoded), outputs = try sim.data(node)
        #expect(outputs[99, 0] == 0.5 && outputs[100, 0] == -0.5 && outputs[100, 1] == 0.5)
        #expect(abs(values[299, 0] + 0.5) < 0.15 && abs(values[299, 1] - 0.5) < 0.15)
        try sim.reset()
        try sim.run(steps: 1)
        #expect(try sim.data(node)[0, 0] == 0.5)
    }

    @Test func setOutputRefusesBadValuesAndOtherNodes() throws {
        let (net, input, _, _, _, _) = try model()
        let clock = try net.node(label: "clock", function: { t in t })
        let sim = try Simulator(net, threads: 1)
        #expect(throws: BrainKitError.self) { try sim.setOutput(of: input, to: [1]) }
        #expect(throws: BrainKitError.self) { try sim.setOutput(of: input, to: [1, .nan]) }
        #expect(throws: BrainKitError.self) { try sim.setOutput(of: input, to: [1, 1e40]) }
        #expect(throws: BrainKitError.self) { try sim.setOutput(of: clock, to: [1]) }
        do {
            try sim.setOutput(of: input, to: [1, 1e40])
        } catch {
            #expect(error.object == "Node 'input'" && error.parameter == "output")
        }
    }
}
