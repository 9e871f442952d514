import Foundation
import Testing

@testable import BrainCore

/// Every rank's part of a model run in this one process, the messages copied between them
/// after each step as BrainMPI sends them: the probes' data must be bit-identical to a
/// single-process `Simulator`, whatever the number of ranks.
@Suite("Rank simulators")
struct RankSimulatorTests {
    /// A white-signal input (a process without a seed) through a chain of ensembles, a
    /// recurrent integrator, a connection without a synapse, neurons to neurons, a node
    /// function, PES learning, and probes of every kind.
    static func model() throws -> Network {
        let net = try Network(label: "mixed", seed: 7)
        let stimulus = try net.node(label: "stimulus", process: try WhiteSignal(period: 1, high: 5, rms: 0.3))
        var previous: Ensemble?
        var chain: [Ensemble] = []
        for i in 0..<4 {
            let ensemble = try net.ensemble(label: "chain \(i)", neurons: 60, dimensions: 1)
            if let previous {
                try net.connect(previous, to: ensemble, synapse: 0.01)
            } else {
                try net.connect(stimulus, to: ensemble)
            }
            chain.append(ensemble)
            previous = ensemble
        }
        let integrator = try net.ensemble(label: "integrator", neurons: 80, dimensions: 1)
        try net.connect(integrator, to: integrator, synapse: 0.1)
        try net.connect(chain[1], to: integrator, synapse: 0.1, transform: .scalar(0.1))
        // A second process without a seed: on another rank it must still draw the second seed.
        let drive = try net.node(label: "drive", process: try WhiteSignal(period: 1, high: 5, rms: 0.2))
        try net.connect(drive, to: integrator, transform: .scalar(0.5))
        // Joined without a synapse: these run in one process.
        let squared = try net.ensemble(label: "squared", neurons: 60, dimensions: 1)
        try net.connect(chain[2], to: squared, synapse: nil, function: { [$0[0] * $0[0]] })
        try net.connect(chain[0].neurons, to: squared.neurons, transform: .scalar(-0.001))
        let shifted = try net.node(label: "shift", sizeIn: 1) { t, x in [x[0] + sin(10 * t)] }
        try net.connect(squared, to: shifted, synapse: 0.005)
        // PES: the error is post minus the chain's last value.
        let post = try net.ensemble(label: "learned", neurons: 60, dimensions: 1)
        let learned = try net.connect(chain[3], to: post, function: { _ in [0] }, learningRule: try PES(learningRate: 1e-3))
        let error = try net.ensemble(label: "error", neurons: 60, dimensions: 1)
        try net.connect(post, to: error)
        try net.connect(chain[3], to: error, transform: .scalar(-1))
        try net.connect(error, to: learned.learningRule!)
        for ensemble in chain + [integrator, squared, post, error] { try net.probe(ensemble, synapse: 0.01) }
        try net.probe(drive)
        try net.probe(chain[3].neurons)
        try net.probe(integrator.neurons, .voltage)
        try net.probe(shifted)
        try net.probe(stimulus)
        try net.probe(learned, .weights)
        return net
    }

    /// The probes' data after `steps` steps on `ranks` rank simulators exchanging in memory.
    static func distributed(_ net: Network, ranks: Int, steps: Int, pins: [RankPin] = []) throws -> [[Double]] {
        let parts = try (0..<ranks).map { try RankSimulator(net, ranks: ranks, rank: $0, pins: pins) }
        try run(parts, steps: steps)
        return try net.allProbes.map { probe in
            let owner = try #require(parts[0].rank(of: probe))
            return try #require(try parts[owner].localData(probe)).values
        }
    }

    /// `steps` steps of `parts`, the messages copied between them as BrainMPI sends them.
    static func run(_ parts: [RankSimulator], steps: Int) throws {
        for _ in 0..<steps {
            for part in parts {
                try part.step()
                try part.record()
            }
            for sender in parts {
                for message in sender.sends {
                    var buffer = [Float](repeating: .nan, count: message.count)
                    buffer.withUnsafeMutableBufferPointer { sender.pack(message, into: $0.baseAddress!) }
                    let receiver = parts[message.rank]
                    let incoming = try #require(receiver.receives.first { $0.rank == sender.rank })
                    #expect(incoming.count == message.count)
                    buffer.withUnsafeBufferPointer { receiver.unpack(incoming, from: $0.baseAddress!) }
                }
            }
        }
    }

    static func single(_ net: Network, steps: Int) throws -> [[Double]] {
        let sim = try Simulator(net, threads: 1)
        try sim.run(steps: steps)
        return try net.allProbes.map { try sim.data($0).values }
    }

    static func bits(_ data: [[Double]]) -> [[UInt64]] {
        data.map { $0.map(\.bitPattern) }
    }

    @Test(arguments: [1, 2, 3, 5])
    func probeDataIsBitIdentical(ranks: Int) throws {
        let net = try Self.model()
        let expected = try Self.single(net, steps: 300)
        let got = try Self.distributed(net, ranks: ranks, steps: 300)
        #expect(Self.bits(got) == Self.bits(expected))
        // The run did something: the last chain ensemble spiked.
        #expect(expected[9].contains { $0 > 0 })
    }

    @Test func valuesCrossBetweenRanks() throws {
        let net = try Self.model()
        let parts = try (0..<3).map { try RankSimulator(net, ranks: 3, rank: $0) }
        #expect(parts[0].partition.valuesSentPerStep > 0)
        #expect(parts.allSatisfy { $0.operatorCount.local > 0 })
        #expect(parts.map(\.operatorCount.local).reduce(0, +) == parts[0].operatorCount.total)
    }

    @Test func pinnedObjectsRunOnTheirRank() throws {
        let net = try Self.model()
        let integrator = try #require(net.ensembles.first { $0.label == "integrator" })
        let stimulus = try #require(net.nodes.first { $0.label == "stimulus" })
        let drive = try #require(net.nodes.first { $0.label == "drive" })
        let pins = [RankPin(integrator, rank: 1), RankPin(drive, rank: 1), RankPin(stimulus, rank: 0)]
        let part = try RankSimulator(net, ranks: 2, rank: 0, pins: pins)
        let probe = try #require(net.allProbes.first { $0.label == nil && $0.name.contains("integrator") })
        #expect(part.rank(of: probe) == 1)
        let expected = try Self.single(net, steps: 100)
        #expect(Self.bits(try Self.distributed(net, ranks: 2, steps: 100, pins: pins)) == Self.bits(expected))
    }

    @Test func resetRepeatsTheRun() throws {
        let net = try Self.model()
        let parts = try (0..<2).map { try RankSimulator(net, ranks: 2, rank: $0) }
        func run() throws -> [Double] {
            for _ in 0..<50 {
                for part in parts {
                    try part.step()
                    try part.record()
                }
                for sender in parts {
                    for message in sender.sends {
                        var buffer = [Float](repeating: 0, count: message.count)
                        buffer.withUnsafeMutableBufferPointer { sender.pack(message, into: $0.baseAddress!) }
                        let incoming = try #require(parts[message.rank].receives.first { $0.rank == sender.rank })
                        buffer.withUnsafeBufferPointer { parts[message.rank].unpack(incoming, from: $0.baseAddress!) }
                    }
                }
            }
            let probe = net.allProbes[3]
            let owner = try #require(parts[0].rank(of: probe))
            return try #require(try parts[owner].localData(probe)).values
        }
        let first = try run()
        for part in parts { try part.reset() }
        #expect(try run().map(\.bitPattern) == first.map(\.bitPattern))
    }
}
