import BrainCore

/// Which neurons a ``SpikeRaster`` shows (rows top to bottom).
public enum NeuronSelection: Sendable, Equatable {
    /// Every neuron, in index order (Nengo's `rasterplot`).
    case all
    /// These neurons, in this order.
    case indices([Int])
    /// The `count` neurons with the most spikes (ties to the lower index), shown in index order.
    case mostActive(Int)
    /// `count` neurons drawn without replacement by a generator seeded with `seed` — the
    /// neurons `numpy.random.RandomState(seed).choice(n, count, replace=False)` picks —
    /// shown in index order.
    case sample(Int, seed: Int)

    /// The chosen neuron indices among `spikeCounts.count` neurons.
    /// - Throws: `BrainKitError` (`.validation`) for an index out of range or repeated, a
    ///   count below 1 or above the number of neurons, or a seed outside 0..<2³².
    func resolve(spikeCounts: [Int]) throws(BrainKitError) -> [Int] {
        let n = spikeCounts.count
        switch self {
        case .all:
            return Array(0..<n)
        case .indices(let indices):
            try DataCheck.indices(indices, count: n, "SpikeRaster", "neurons")
            guard Set(indices).count == indices.count else {
                throw .validation("SpikeRaster", "neurons", "must not repeat a neuron")
            }
            return indices
        case .mostActive(let count):
            try NeuronSelection.check(count, n)
            let ranked = (0..<n).sorted { spikeCounts[$0] != spikeCounts[$1] ? spikeCounts[$0] > spikeCounts[$1] : $0 < $1 }
            return ranked.prefix(count).sorted()
        case .sample(let count, let seed):
            try NeuronSelection.check(count, n)
            guard (0..<(1 << 32)).contains(seed) else {
                throw .validation("SpikeRaster", "seed", "must be in 0..<2^32, got \(seed)")
            }
            var rng = RandomState(seed: seed)
            var order = Array(0..<n)
            rng.shuffle(&order)
            return order.prefix(count).sorted()
        }
    }

    private static func check(_ count: Int, _ n: Int) throws(BrainKitError) {
        guard count >= 1, count <= n else {
            throw .validation("SpikeRaster", "neurons", "count must be in 1...\(n), got \(count)")
        }
    }
}
