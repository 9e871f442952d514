import Foundation
import Testing
@testable import BrainCore

/// A gate inhibiting a population (`−3 · ones` from a 1-D value onto every neuron) fans one
/// value out to many: the optimizer runs its product and synapse on one element
/// (``Optimizer``, uniform fan-outs), and the population computes exactly what it did.
@Suite("Uniform fan-outs")
struct UniformFanOutTests {
    /// A 1-D gate driven by a slow sine, inhibiting a 600-neuron ensemble through its neurons,
    /// once directly and once through a pass-through node; `probeGate` probes the direct gate
    /// connection's output (a probed signal is left alone), otherwise its input.
    static func gated(probeGate: Bool) throws -> (Network, Probe, Connection) {
        let net = try Network(label: "gated", seed: 5)
        let drive = try net.node(sizeOut: 1) { t in [sin(3 * t)] }
        let gate = try net.ensemble(label: "gate", neurons: 40, dimensions: 1)
        let target = try net.ensemble(neurons: 600, dimensions: 1)
        let relay = try net.node(sizeIn: 600)
        try net.connect(drive, to: gate)
        try net.connect(drive, to: target)
        let inhibition = Transform.dense(Matrix(rows: 600, columns: 1, repeating: -3))
        let direct = try net.connect(gate, to: target.neurons, synapse: 0.005, transform: inhibition)
        try net.connect(gate, to: relay, synapse: 0.005, transform: inhibition)
        try net.connect(relay, to: target.neurons, synapse: nil)
        try net.probe(direct, probeGate ? .output : .input)
        return (net, try net.probe(target.neurons), direct)
    }

    @Test func theGateRunsOnOneElementAndComputesTheSame() throws {
        let (net, spikes, direct) = try UniformFanOutTests.gated(probeGate: false)
        let model = try Builder.build(net, dt: 0.001, seeds: SeedAssignment(network: net, networkSeed: 5))
        let operators = Optimizer.optimize(model.operators, protecting: [], signals: model.signals)
        let gateFilters = operators.compactMap { op -> Int? in
            guard case .filter(_, _, let output, _, _) = op.operation, op.owner.contains("Ensemble 'gate'") else {
                return nil
            }
            return output.count
        }
        // The drive into the gate, the gate onto the neurons and the gate into the relay.
        #expect(gateFilters == [1, 1, 1], "\(direct.name): filters of \(gateFilters) elements")

        let (reference, referenceSpikes, _) = try UniformFanOutTests.gated(probeGate: true)
        let expected = try Simulator(reference, threads: 1)
        try expected.run(steps: 300)
        for threads in [1, 2] {
            let sim = try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always)
            try sim.run(steps: 300)
            #expect(try sim.data(spikes).values == expected.data(referenceSpikes).values)
        }
        #expect(try expected.data(referenceSpikes).values.contains { $0 > 0 })
    }
}
