import Testing

@testable import BrainCore

/// How a built model is cut into clusters and placed on ranks, and the errors for bad pins.
@Suite("Model partition")
struct ModelPartitionTests {
    static func partition(_ net: Network, ranks: Int, pins: [RankPin] = []) throws -> ModelPartition {
        let model = try Builder.build(net, dt: 0.001, seeds: SeedAssignment(network: net, networkSeed: net.seed ?? 0))
        return try ModelPartition(operators: model.operators, signals: model.signals, ranks: ranks, pins: pins)
    }

    @Test func synapsesSeparateClustersAndConnectionsWithoutOneJoin() throws {
        let net = try Network(seed: 1)
        let a = try net.ensemble(label: "a", neurons: 40, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 40, dimensions: 1)
        let c = try net.ensemble(label: "c", neurons: 40, dimensions: 1)
        try net.connect(a, to: b)
        try net.connect(b, to: c, synapse: nil)
        let partition = try Self.partition(net, ranks: 2)
        // a alone; b and c together.
        #expect(partition.clusters.count == 2)
        #expect(partition.crossingSignals.count == 1)
        #expect(partition.crossingSignals[0].count == 1)
        #expect(partition.valuesSentPerStep == 1)
    }

    @Test func loadsAreBalanced() throws {
        let net = try Network(seed: 2)
        var previous = try net.ensemble(neurons: 100, dimensions: 1)
        for _ in 0..<7 {
            let next = try net.ensemble(neurons: 100, dimensions: 1)
            try net.connect(previous, to: next)
            previous = next
        }
        let partition = try Self.partition(net, ranks: 2)
        let loads = partition.loads
        #expect(loads.count == 2)
        #expect(Double(loads.max()!) <= 1.1 * Double(loads.min()!), "loads \(loads)")
        // Eight equal clusters on two ranks: neighbours together, so few values cross.
        #expect(partition.valuesSentPerStep < 7)
    }

    @Test func pinToAMissingRankIsAnError() throws {
        let net = try Network(seed: 3)
        let a = try net.ensemble(label: "a", neurons: 20, dimensions: 1)
        #expect(throws: BrainKitError(
            .validation, object: "Ensemble 'a'", parameter: "rank",
            message: "must be in 0..<2 (the ranks of the run), got 2")) {
            try Self.partition(net, ranks: 2, pins: [RankPin(a, rank: 2)])
        }
        #expect(throws: BrainKitError.self) { try Self.partition(net, ranks: 2, pins: [RankPin(a, rank: -1)]) }
    }

    @Test func pinsThatSplitALoopWithoutSynapsesAreAnError() throws {
        let net = try Network(seed: 4)
        let a = try net.ensemble(label: "a", neurons: 20, dimensions: 1)
        let relay = try net.node(label: "relay", sizeIn: 1) { _, x in x }
        try net.connect(a, to: relay, synapse: nil)
        try net.connect(relay, to: a, synapse: 0.01)
        let error = try #require(throws: BrainKitError.self) {
            try Self.partition(net, ranks: 2, pins: [RankPin(a, rank: 0), RankPin(relay, rank: 1)])
        }
        #expect(error.kind == .validation)
        #expect(error.parameter == "rank")
        #expect(error.description.contains("Ensemble 'a'") && error.description.contains("Node 'relay'"))
        // Both on one rank is fine.
        _ = try Self.partition(net, ranks: 2, pins: [RankPin(a, rank: 1), RankPin(relay, rank: 1)])
    }

    @Test func aNetworkWithoutASeedIsAnError() throws {
        let net = try Network(label: "unseeded")
        try net.ensemble(neurons: 10, dimensions: 1)
        let error = try #require(throws: BrainKitError.self) { try RankSimulator(net, ranks: 2, rank: 0) }
        #expect(error.object == "Network 'unseeded'" && error.parameter == "seed")
    }

    @Test func aRankOutsideTheJobIsAnError() throws {
        let net = try Network(seed: 5)
        try net.ensemble(neurons: 10, dimensions: 1)
        #expect(throws: BrainKitError.self) { try RankSimulator(net, ranks: 2, rank: 2) }
    }
}
