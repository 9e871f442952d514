import BrainTestSupport
import Foundation
import Testing

@testable import BrainNetworks

/// Nengo's input-gated memory test (networks spec §C1) with its tolerances, run on to 1 s so
/// the memory must also hold while the input is 0 and then clear on reset; the same in rate
/// mode; exact behaviour of the Direct-mode substitute.
@Suite("InputGatedMemory")
struct InputGatedMemoryTests {
    /// IGM(150, 1, differenceGain 5): input 0.5 from 0.1 s to 0.5 s, gate 1 from 0.4 s, reset 1
    /// from 0.8 s (all through the default synapse), output probed through `Lowpass(0.01)`, 1 s.
    /// Returns (t, output) pairs.
    static func run(neuronType: any NeuronType, seed: Int) throws -> [(t: Double, x: Double)] {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let input = try net.node(process: try Piecewise(data: [0: 0, 0.1: 0.5, 0.5: 0]))
        let gate = try net.node(process: try Piecewise(data: [0: 0, 0.4: 1]))
        let reset = try net.node(process: try Piecewise(data: [0: 0, 0.8: 1]))
        let memory = try InputGatedMemory(in: net, neurons: 150, dimensions: 1, differenceGain: 5)
        try net.connect(input, to: memory.input)
        try net.connect(gate, to: memory.gate)
        try net.connect(reset, to: memory.reset)
        let probe = try net.probe(memory.output, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 1)
        return Array(zip(sim.trange(), try sim.data(probe).column(0))).map { (t: $0.0, x: $0.1) }
    }

    /// Nengo's thresholds: t < 0.1: 0 ± 0.05; 0.2 < t ≤ 0.4: 0.5 ± 0.1; t > 0.4 (here to the
    /// reset at 0.8 s): 0.5 ± 0.1; and, once reset (t > 0.85), 0 ± 0.05 (Nengo: ≤ 0.004).
    static func checkTracksHoldsAndResets(_ samples: [(t: Double, x: Double)]) {
        func worst(_ range: (Double) -> Bool, from target: Double) -> Double {
            samples.filter { range($0.t) }.map { abs($0.x - target) }.max() ?? .infinity
        }
        let before = worst({ $0 < 0.1 }, from: 0)
        let tracking = worst({ $0 > 0.2 && $0 <= 0.4 }, from: 0.5)
        let holding = worst({ $0 > 0.4 && $0 <= 0.8 }, from: 0.5)
        let cleared = worst({ $0 > 0.85 }, from: 0)
        #expect(before < 0.05, "before the input: off by \(before)")
        #expect(tracking < 0.1, "tracking: off by \(tracking)")
        #expect(holding < 0.1, "holding: off by \(holding)")
        #expect(cleared < 0.05, "after the reset: off by \(cleared)")
    }

    @Test func spikingMemoryTracksHoldsAndResets() throws {
        InputGatedMemoryTests.checkTracksHoldsAndResets(try InputGatedMemoryTests.run(neuronType: LIF(), seed: 1))
    }

    @Test func rateMemoryTracksHoldsAndResets() throws {
        InputGatedMemoryTests.checkTracksHoldsAndResets(try InputGatedMemoryTests.run(neuronType: LIFRate(), seed: 1))
    }

    /// Direct mode: exactly 0 before the input, the input once tracked, the held value while
    /// gated whatever the input does (the recurrent and difference filters sum to a constant,
    /// up to Float rounding), and exactly 0 from the reset on.
    @Test func directMemoryIsExact() throws {
        let net = try Network(seed: 2)
        net.defaults.neuronType = Direct()
        let input = try net.node(process: try Piecewise(data: [0: [0, 0], 0.1: [0.5, -0.25], 0.6: [-0.7, 0.9]]))
        let gate = try net.node(process: try Piecewise(data: [0: 0, 0.5: 1]))
        let reset = try net.node(process: try Piecewise(data: [0: 0, 0.8: 1]))
        let memory = try InputGatedMemory(in: net, neurons: 1, dimensions: 2, differenceGain: 5)
        try net.connect(input, to: memory.input, synapse: nil)
        try net.connect(gate, to: memory.gate, synapse: nil)
        try net.connect(reset, to: memory.reset, synapse: nil)
        let probe = try net.probe(memory.output)
        let sim = try Simulator(net)
        try sim.run(seconds: 1)
        let data = try sim.data(probe)
        // Rows are steps: row k is t = (k + 1) ms.
        #expect((0..<100).allSatisfy { data.row($0) == [0, 0] })
        #expect(maxAbsoluteDifference(data.row(498), [0.5, -0.25]) < 1e-4, "\(data.row(498))")
        let held = data.row(500)
        let drift = (500..<799).map { maxAbsoluteDifference(data.row($0), held) }.max()!
        #expect(drift < 1e-5, "held \(held), moved by \(drift)")
        #expect(maxAbsoluteDifference(held, [0.5, -0.25]) < 1e-4)
        #expect((799..<1000).allSatisfy { data.row($0) == [0, 0] })
    }

    @Test func neuralWiringInhibitsTheNeurons() throws {
        let net = try Network(seed: 3)
        let memory = try InputGatedMemory(in: net, neurons: 20, dimensions: 3, recurrentSynapse: try Alpha(0.05))
        #expect(memory.dimensions == 3 && memory.memory.ensembleCount == 3 && memory.difference.ensembleCount == 3)
        #expect(net.neuronCount == 2 * 20 * 3)
        #expect(memory.output === memory.memory.output && memory.input === memory.difference.input)
        #expect((memory.differenceSynapse as? Alpha)?.tau == 0.05)
        let gateConnection = try #require(memory.network.connections.first { node($0.pre) === memory.gate })
        #expect(node(gateConnection.post) === memory.difference.neuronInput)
        #expect(gateConnection.synapse == nil)
        if case .dense(let weights) = gateConnection.transform {
            #expect(weights.rows == 60 && weights.values.allSatisfy { $0 == -10 })
        } else {
            Issue.record("the gate's transform should be dense")
        }
        let resetConnection = try #require(memory.network.connections.first { node($0.pre) === memory.reset })
        #expect(node(resetConnection.post) === memory.memory.neuronInput)
    }

    /// The node at an endpoint, if it is one.
    func node(_ endpoint: Endpoint) -> Node? {
        if case .node(let node) = endpoint.object { return node }
        return nil
    }

    @Test func rejectsBadParameters() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try InputGatedMemory(in: net, neurons: 0, dimensions: 1) }
        #expect(throws: BrainKitError.self) { try InputGatedMemory(in: net, neurons: 10, dimensions: 0) }
        #expect(throws: BrainKitError.self) {
            try InputGatedMemory(in: net, neurons: 10, dimensions: 1, feedback: .nan)
        }
        #expect(throws: BrainKitError.self) {
            try InputGatedMemory(in: net, neurons: 10, dimensions: 1, recurrentSynapse: -0.1)
        }
    }
}
