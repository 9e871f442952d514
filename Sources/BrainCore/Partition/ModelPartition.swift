/// Which process (rank) runs each operator of a built model.
///
/// The model's ``OperatorClusters`` are placed whole. Pinned clusters go to their rank; the
/// others, largest step cost first (ties by cluster order), go to a rank whose load stays
/// within 5 % of an even share (`total / ranks`) — of those, the one already holding the
/// clusters it exchanges the most values with, then the least loaded, then the lowest — or,
/// when none has room, to the least loaded rank. A value crosses between ranks when its
/// synapse's cluster and a reader's cluster are on different ranks.
package struct ModelPartition {
    /// The number of ranks.
    package let ranks: Int
    let clusters: OperatorClusters
    /// The rank of each cluster.
    let rankOfCluster: [Int]
    /// Each rank's estimated step cost (signal elements touched per step).
    package let loads: [Int]

    /// - Throws: ``BrainKitError`` (`.validation`) for a rank count below 1, a pin to a rank
    ///   outside `0..<ranks`, or pins that put objects that must run together on different
    ///   ranks.
    init(operators: [Operator], signals: [Signal], ranks: Int, pins: [RankPin]) throws(BrainKitError) {
        try Check.atLeast(ranks, 1, "ModelPartition", "ranks")
        var pinned: [ObjectIdentifier: RankPin] = [:]
        for pin in pins {
            guard (0..<ranks).contains(pin.rank) else {
                throw .validation(pin.name, "rank", "must be in 0..<\(ranks) (the ranks of the run), got \(pin.rank)")
            }
            for object in pin.objects { pinned[object] = pin }
        }
        let clusters = OperatorClusters(operators: operators, signals: signals)
        var clusterPin = [RankPin?](repeating: nil, count: clusters.count)
        for (i, op) in operators.enumerated() {
            guard let object = op.object, let pin = pinned[object] else { continue }
            let cluster = clusters.clusterOf[i]
            if let other = clusterPin[cluster], other.rank != pin.rank {
                throw .validation(
                    pin.name, "rank",
                    "pins it to rank \(pin.rank), but it must run in one process with \(other.name), pinned to rank "
                        + "\(other.rank): they are joined by connections without a synapse, a learning rule or a probe")
            }
            clusterPin[cluster] = pin
        }
        // Values exchanged between clusters, both ways.
        var affinity = [[Int: Int]](repeating: [:], count: clusters.count)
        for crossing in clusters.crossings {
            for reader in crossing.readers {
                affinity[crossing.writer][reader, default: 0] += crossing.count
                affinity[reader][crossing.writer, default: 0] += crossing.count
            }
        }
        var rankOf = [Int](repeating: -1, count: clusters.count)
        var loads = [Int](repeating: 0, count: ranks)
        for cluster in 0..<clusters.count {
            guard let pin = clusterPin[cluster] else { continue }
            rankOf[cluster] = pin.rank
            loads[pin.rank] += clusters.costs[cluster]
        }
        let total = clusters.costs.reduce(0, +)
        let allowance = Double(total) / Double(ranks) * 1.05
        let free = (0..<clusters.count).filter { rankOf[$0] < 0 }.sorted {
            clusters.costs[$0] != clusters.costs[$1] ? clusters.costs[$0] > clusters.costs[$1] : $0 < $1
        }
        for cluster in free {
            let cost = clusters.costs[cluster]
            var candidates = (0..<ranks).filter { Double(loads[$0] + cost) <= allowance }
            if candidates.isEmpty { candidates = [(0..<ranks).min { loads[$0] < loads[$1] }!] }
            func exchanged(_ rank: Int) -> Int {
                affinity[cluster].reduce(0) { $0 + (rankOf[$1.key] == rank ? $1.value : 0) }
            }
            let chosen = candidates.min { a, b in
                let ea = exchanged(a), eb = exchanged(b)
                if ea != eb { return ea > eb }
                if loads[a] != loads[b] { return loads[a] < loads[b] }
                return a < b
            }!
            rankOf[cluster] = chosen
            loads[chosen] += cost
        }
        self.ranks = ranks
        self.clusters = clusters
        self.rankOfCluster = rankOf
        self.loads = loads
    }

    /// The rank that runs operator `index`.
    func rank(ofOperator index: Int) -> Int {
        rankOfCluster[clusters.clusterOf[index]]
    }

    /// The rank that records a probe reading `signal`: the rank of the signal's writer, or
    /// rank 0 for a constant.
    func rank(recording signal: SignalID) -> Int {
        clusters.writerCluster[signal].map { rankOfCluster[$0] } ?? 0
    }

    /// The values sent per step from rank to rank: for each crossing signal, its writer's
    /// rank and the other ranks that read it.
    var crossingSignals: [(signal: SignalID, count: Int, from: Int, to: [Int])] {
        clusters.crossings.compactMap { crossing in
            let from = rankOfCluster[crossing.writer]
            let to = Set(crossing.readers.map { rankOfCluster[$0] }).subtracting([from]).sorted()
            return to.isEmpty ? nil : (crossing.signal, crossing.count, from, to)
        }
    }

    /// The number of values sent between ranks each step.
    package var valuesSentPerStep: Int {
        crossingSignals.reduce(0) { $0 + $1.count * $1.to.count }
    }
}
