import Foundation

/// How a model splits across each of several rank counts: the ``ModelPartition`` a distributed
/// run makes, without running it.
///
/// The network's structure is built once, as every rank of a distributed run builds it, and
/// partitioned for each rank count before any decoder would be solved; no decoder is solved
/// (the weights stay zero), so the report costs the structure's build and the partitions.
/// Loads are the partition's estimated step costs (signal elements touched per step); a
/// message is what one rank sends another after each step, its values `Float`s.
package struct PartitionReport: Sendable, Encodable {
    /// The partition at one rank count.
    package struct Row: Sendable, Encodable {
        /// The number of ranks.
        package let ranks: Int
        /// Each rank's load.
        package let loads: [Int]
        /// Each rank's messages, `[peer, values]` per receiving rank, ascending by peer.
        package let sends: [[[Int]]]

        /// The largest rank load.
        package var largestLoad: Int { loads.max() ?? 0 }
        /// The number of ranks holding at least one cluster.
        package var busyRanks: Int { loads.filter { $0 > 0 }.count }
        /// Each rank's messages sent plus received per step.
        package var messages: [Int] {
            var counts = sends.map(\.count)
            for peers in sends { for peer in peers { counts[peer[0]] += 1 } }
            return counts
        }
        /// Each rank's values sent plus received per step.
        package var values: [Int] {
            var counts = sends.map { $0.reduce(0) { $0 + $1[1] } }
            for peers in sends { for peer in peers { counts[peer[0]] += peer[1] } }
            return counts
        }
        /// The values sent between ranks per step (``ModelPartition/valuesSentPerStep``).
        package var valuesSentPerStep: Int { sends.reduce(0) { $0 + $1.reduce(0) { $0 + $1[1] } } }

        enum CodingKeys: String, CodingKey {
            case ranks, loads, sends
            case largestLoad = "largest_load", busyRanks = "busy_ranks", largestMessages = "largest_messages"
            case largestValues = "largest_values", valuesSentPerStep = "values_sent_per_step"
        }

        package func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ranks, forKey: .ranks)
            try container.encode(largestLoad, forKey: .largestLoad)
            try container.encode(busyRanks, forKey: .busyRanks)
            try container.encode(messages.max() ?? 0, forKey: .largestMessages)
            try container.encode(values.max() ?? 0, forKey: .largestValues)
            try container.encode(valuesSentPerStep, forKey: .valuesSentPerStep)
            try container.encode(loads, forKey: .loads)
            try container.encode(sends, forKey: .sends)
        }
    }

    /// The model's name: the one given, or the network's.
    package let network: String
    /// The number of neurons.
    package let neurons: Int
    /// The number of operators of the built model.
    package let operators: Int
    /// The number of clusters (objects that must run in one process).
    package let clusters: Int
    /// The sum of all clusters' loads: one rank's load when it runs the whole model.
    package let totalLoad: Int
    /// The largest cluster's load: no rank count brings the largest rank load below it.
    package let largestCluster: Int
    /// The five largest clusters, largest first.
    package let largestClusters: [ClusterSummary]
    /// The ten largest values that may cross between ranks (synapse outputs read by another
    /// cluster), largest first.
    package let largestCrossings: [CrossingSummary]
    /// One row per rank count, in the order asked for.
    package let rows: [Row]

    enum CodingKeys: String, CodingKey {
        case network, neurons, operators, clusters, rows
        case totalLoad = "total_load", largestCluster = "largest_cluster"
        case largestClusters = "largest_clusters", largestCrossings = "largest_crossings"
    }

    /// Builds `network`'s structure and partitions it for each of `rankCounts`.
    /// - Parameters:
    ///   - name: the model's name in the report; nil means the network's name.
    ///   - network: the network; its seed (0 when it has none) seeds the draws, which do not
    ///     change the partition.
    ///   - dt: the time step in seconds (default 0.001).
    ///   - rankCounts: the rank counts, each >= 1.
    ///   - pins: objects placed on ranks by hand (each must exist at every rank count).
    /// - Throws: ``BrainKitError``: what a build throws (`.build` for a model beyond the
    ///   memory the process can have); `.validation` for a rank count below 1 or a bad pin.
    package init(
        name: String? = nil, _ network: Network, dt: Double = 0.001, rankCounts: [Int], pins: [RankPin] = []
    ) throws(BrainKitError) {
        try Check.positiveFinite(dt, "PartitionReport", "dt")
        for count in rankCounts { try Check.atLeast(count, 1, "PartitionReport", "rankCounts") }
        try ModelMemory(network: network).check(limit: MemoryBudget.available)
        var rows: [Row] = []
        var clusters: OperatorClusters?
        var operators = 0
        var largestClusters: [ClusterSummary] = [], largestCrossings: [CrossingSummary] = []
        _ = try Builder.build(
            network, dt: dt, seeds: SeedAssignment(network: network, networkSeed: network.seed ?? 0),
            decodersNeeded: { (model) throws(BrainKitError) -> Set<SignalID> in
                operators = model.operators.count
                for count in rankCounts {
                    let partition = try ModelPartition(
                        operators: model.operators, signals: model.signals, ranks: count, pins: pins)
                    clusters = partition.clusters
                    rows.append(Self.row(partition))
                }
                if clusters == nil { clusters = OperatorClusters(operators: model.operators, signals: model.signals) }
                if let clusters {
                    largestClusters = Self.largestClusters(clusters, model: model, count: 5)
                    largestCrossings = Self.largestCrossings(clusters, model: model, count: 10)
                }
                return []
            })
        self.network = name ?? network.name
        neurons = network.neuronCount
        self.operators = operators
        self.clusters = clusters?.count ?? 0
        totalLoad = clusters?.costs.reduce(0, +) ?? 0
        largestCluster = clusters?.costs.max() ?? 0
        self.largestClusters = largestClusters
        self.largestCrossings = largestCrossings
        self.rows = rows
    }

    private static func row(_ partition: ModelPartition) -> Row {
        var sends = [[Int: Int]](repeating: [:], count: partition.ranks)
        for crossing in partition.crossingSignals {
            for to in crossing.to { sends[crossing.from][to, default: 0] += crossing.count }
        }
        return Row(
            ranks: partition.ranks, loads: partition.loads,
            sends: sends.map { peers in peers.keys.sorted().map { [$0, peers[$0]!] } })
    }

    /// The report as JSON: `network`, `neurons`, `operators`, `clusters`, `total_load`,
    /// `largest_cluster`, `largest_clusters` (`load`, `operators`, `owners`: the objects
    /// with the most load in it, `[name, load]`), `largest_crossings` (`signal`, `values`,
    /// `writer`: the object that writes it, `readers`: the clusters that read it) and `rows`,
    /// each with `ranks`, `largest_load`,
    /// `busy_ranks`, `largest_messages` and `largest_values` (sent plus received by one rank per
    /// step), `values_sent_per_step`, `loads` (per rank) and `sends` (per rank: `[peer,
    /// values]` pairs).
    /// - Throws: what `JSONEncoder` throws.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One line per rank count: the largest rank load (and its share of the total), the busy
    /// ranks, and the most messages and values one rank sends and receives per step.
    package var table: String {
        var lines = [
            "\(network): \(neurons) neurons, \(operators) operators, \(clusters) clusters, total load \(totalLoad), "
                + "largest cluster \(largestCluster)",
            "ranks  largest load  total/ranks  busy  messages  values",
        ]
        for cluster in largestClusters {
            let owners = cluster.owners.map { "\($0.name) (\($0.load))" }.joined(separator: ", ")
            lines.insert("  cluster of load \(cluster.load), \(cluster.operators) operators: \(owners)", at: lines.count - 1)
        }
        for crossing in largestCrossings {
            lines.insert(
                "  crossing \(crossing.values) values to \(crossing.readers) clusters: \(crossing.signal) of \(crossing.writer)",
                at: lines.count - 1)
        }
        for row in rows {
            let even = Double(totalLoad) / Double(row.ranks)
            lines.append(
                String(
                    format: "%5d  %12d  %11.0f  %4d  %8d  %6d", row.ranks, row.largestLoad, even, row.busyRanks,
                    row.messages.max() ?? 0, row.values.max() ?? 0))
        }
        return lines.joined(separator: "\n")
    }
}

extension PartitionReport {
    /// The rank counts of a report by default: the powers of two from 1 to 1,024.
    package static let defaultRankCounts = "1,2,4,8,16,32,64,128,256,512,1024"

    /// Rank counts from a comma-separated list (`1,2,4`), or nil when an entry is not an
    /// integer >= 1.
    package static func rankCounts(parsing text: String) -> [Int]? {
        let counts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        return counts.map { $0! }
    }
}
