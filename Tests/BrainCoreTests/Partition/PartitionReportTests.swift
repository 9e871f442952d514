import Foundation
import Testing

@testable import BrainCore

/// The partition report agrees with the partitions a distributed run makes.
@Suite("Partition report")
struct PartitionReportTests {
    /// A ring of eight ensembles with synapses, fed by a constant node without one.
    static func ring() throws -> Network {
        let net = try Network(label: "ring", seed: 5)
        let input = try net.node(label: "input", output: [0.5, -0.5])
        let ensembles = try (0..<8).map { try net.ensemble(label: "e\($0)", neurons: 50, dimensions: 2) }
        try net.connect(input, to: ensembles[0], synapse: nil)
        for i in 0..<8 { try net.connect(ensembles[i], to: ensembles[(i + 1) % 8], synapse: 0.01) }
        return net
    }

    @Test(arguments: [1, 2, 3, 4])
    func rowsMatchTheModelPartition(ranks: Int) throws {
        let net = try Self.ring()
        let report = try PartitionReport(net, rankCounts: [ranks])
        let partition = try ModelPartitionTests.partition(net, ranks: ranks)
        let row = try #require(report.rows.first)
        #expect(row.ranks == ranks)
        #expect(row.loads == partition.loads)
        #expect(row.valuesSentPerStep == partition.valuesSentPerStep)
        #expect(report.totalLoad == partition.loads.reduce(0, +))
        #expect(report.clusters == partition.clusters.count)
        #expect(report.largestCluster == partition.clusters.costs.max())
        #expect(row.largestLoad >= report.largestCluster)
        // What one rank sends, another receives.
        #expect(row.messages.reduce(0, +) == 2 * row.sends.reduce(0) { $0 + $1.count })
        #expect(row.values.reduce(0, +) == 2 * row.valuesSentPerStep)
    }

    @Test func oneRankSendsNothing() throws {
        let report = try PartitionReport(try Self.ring(), rankCounts: [1, 2])
        #expect(report.rows.map(\.ranks) == [1, 2])
        #expect(report.rows[0].sends == [[]])
        #expect(report.rows[0].largestLoad == report.totalLoad)
        // Two ranks cut the ring twice: each sends one 2-D value to the other.
        #expect(report.rows[1].messages == [2, 2])
        #expect(report.rows[1].values == [4, 4])
    }

    @Test func jsonHasTheSummaries() throws {
        let report = try PartitionReport(try Self.ring(), rankCounts: [2])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        #expect(object["total_load"] as? Int == report.totalLoad)
        #expect(object["largest_cluster"] as? Int == report.largestCluster)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first?["largest_load"] as? Int == report.rows[0].largestLoad)
        #expect(rows.first?["largest_values"] as? Int == 4)
        let clusters = try #require(object["largest_clusters"] as? [[String: Any]])
        #expect(clusters.first?["load"] as? Int == report.largestCluster)
        // The ring's eight synapse outputs, 2-D each, written by its connections.
        #expect(report.largestCrossings.count == 8)
        #expect(report.largestCrossings.allSatisfy { $0.values == 2 && $0.writer.hasPrefix("Connection") })
    }

    @Test func rankCountsParse() {
        #expect(PartitionReport.rankCounts(parsing: "1, 2,4") == [1, 2, 4])
        #expect(PartitionReport.rankCounts(parsing: "0,2") == nil)
        #expect(PartitionReport.rankCounts(parsing: "two") == nil)
        #expect(PartitionReport.rankCounts(parsing: "") == nil)
    }

    @Test func aRankCountBelowOneIsAnError() throws {
        #expect(throws: BrainKitError.self) { try PartitionReport(try Self.ring(), rankCounts: [0]) }
    }
}
