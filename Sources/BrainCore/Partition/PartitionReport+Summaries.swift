extension PartitionReport {
    /// One cluster: its load, its operators, and the objects with the most load in it.
    package struct ClusterSummary: Sendable, Encodable {
        /// An object (the owner of some of the cluster's operators) and their load.
        package struct Owner: Sendable, Encodable {
            package let name: String
            package let load: Int
        }

        package let load: Int
        package let operators: Int
        /// At most three, largest load first.
        package let owners: [Owner]
    }

    /// A value that crosses between ranks when its writer and a reader are apart.
    package struct CrossingSummary: Sendable, Encodable {
        /// The signal's name.
        package let signal: String
        /// The values sent per step to each rank that reads it.
        package let values: Int
        /// The object whose operator writes it.
        package let writer: String
        /// The number of other clusters that read it.
        package let readers: Int
    }

    /// The `count` largest clusters of `clusters`, largest first (ties by cluster order).
    static func largestClusters(_ clusters: OperatorClusters, model: BuiltModel, count: Int) -> [ClusterSummary] {
        let chosen = clusters.costs.indices.sorted {
            clusters.costs[$0] != clusters.costs[$1] ? clusters.costs[$0] > clusters.costs[$1] : $0 < $1
        }.prefix(count)
        var owners = [Int: [String: Int]](), operators = [Int: Int]()
        let wanted = Set(chosen)
        for (index, op) in model.operators.enumerated() {
            let cluster = clusters.clusterOf[index]
            guard wanted.contains(cluster) else { continue }
            owners[cluster, default: [:]][op.owner, default: 0] += OperatorClusters.cost(of: op, signals: model.signals)
            operators[cluster, default: 0] += 1
        }
        return chosen.map { cluster in
            let top = (owners[cluster] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return ClusterSummary(
                load: clusters.costs[cluster], operators: operators[cluster] ?? 0,
                owners: top.prefix(3).map { ClusterSummary.Owner(name: $0.key, load: $0.value) })
        }
    }

    /// The `count` largest crossings of `clusters`, largest first (ties by signal).
    static func largestCrossings(_ clusters: OperatorClusters, model: BuiltModel, count: Int) -> [CrossingSummary] {
        let chosen = clusters.crossings.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.signal < $1.signal
        }.prefix(count)
        let signals = Set(chosen.map(\.signal))
        var writers: [SignalID: String] = [:]
        for op in model.operators {
            for signal in op.writtenSignals where signals.contains(signal) && writers[signal] == nil {
                writers[signal] = op.owner
            }
        }
        return chosen.map { crossing in
            CrossingSummary(
                signal: model.signals[crossing.signal.index].name, values: crossing.count,
                writer: writers[crossing.signal] ?? "", readers: crossing.readers.count)
        }
    }
}
