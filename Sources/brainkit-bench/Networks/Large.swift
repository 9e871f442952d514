import BrainKit

// (g) ring100k and watts-strogatz: cost benchmarks with many neurons (bench/nengo/standard/large.py).
extension StandardNetwork {
    /// (g) 100 ensembles of 1000 LIF, 16-D, in a decoded ring (transform 0.9, synapse 0.01),
    /// 16-D white noise (sd 0.1) into the first, one probe. `final_norm`: |state| of the last
    /// ensemble at the end (a cost benchmark: one sample of a noise-driven state).
    static let ring100k = ring(name: "ring100k", ensembles: 100)

    /// The ring of ``ring100k`` with 10 ensembles (10,000 neurons): the small end of the scaling
    /// plot in docs/benchmarks.md.
    static let ring10k = ring(name: "ring10k", ensembles: 10)

    /// The ring of ``ring100k`` with 1000 ensembles (1,000,000 neurons): the large end of the
    /// scaling plot. Not in the default run (run it with `--only ring1m`).
    static let ring1m = ring(name: "ring1m", ensembles: 1000)

    /// `ensembles` ensembles of 1000 LIF, 16-D, in a decoded ring (see ``ring100k``).
    static func ring(name: String, ensembles count: Int) -> StandardNetwork {
        StandardNetwork(
            name: name, summary: "(g) \(count) x 1000 LIF, 16-D, decoded ring"
        ) { seed, _ in
            let net = try Network(label: "ring", seed: seed)
            let noise = try net.node(process: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.1)), sizeOut: 16)
            let ensembles = try (0..<count).map { _ in try net.ensemble(neurons: 1000, dimensions: 16) }
            try net.connect(noise, to: ensembles[0])
            for i in 0..<count {
                try net.connect(ensembles[i], to: ensembles[(i + 1) % count], synapse: 0.01, transform: 0.9)
            }
            let probe = try net.probe(ensembles[count - 1], synapse: 0.01)
            return (net, { sim in
                let data = try sim.data(probe)
                return ["final_norm": data.row(data.rows - 1).reduce(0) { $0 + $1 * $1 }.squareRoot()]
            })
        }
    }

    /// nengo_ocl's benchmark_wattsstrogatz with fan-out 8: one ensemble of 50,000 LIF (τ_ref
    /// 0.001 s), 1-D, with a recurrent neuron-to-neuron sparse transform
    /// (``wattsStrogatzWeights(neurons:seed:)``, 2e-4 per edge) through Lowpass(0.1), and a
    /// spike probe on the first 1000 neurons. The weight lets the recurrence raise the
    /// spontaneous activity by about a third and settle (1e-3 drives it to saturation, 0 leaves it
    /// alone). Over the second half of the run: `rate_hz`, the probed neurons' mean rate, and
    /// `active`, the fraction of them that spiked.
    static let wattsStrogatz = StandardNetwork(
        name: "watts-strogatz", summary: "50,000 LIF, recurrent sparse Watts-Strogatz weights, fan-out 8"
    ) { seed, _ in
        let neurons = 50_000, probed = 1000
        let net = try Network(label: "watts-strogatz", seed: seed)
        let ensemble = try net.ensemble(neurons: neurons, dimensions: 1, neuronType: try LIF(tauRef: 0.001))
        let weights = try wattsStrogatzWeights(neurons: neurons, seed: seed)
        try net.connect(ensemble.neurons, to: ensemble.neurons, synapse: 0.1, transform: .sparse(weights))
        let probe = try net.probe(try ensemble.neurons[0..<probed])
        return (net, { sim in
            let spikes = try sim.data(probe)
            let late = Scoring.rows(sim) { $0 > 0.5 * sim.time }
            let counts = (0..<probed).map { n in late.reduce(0) { $0 + spikes[$1, n] * sim.dt } }
            let duration = Double(late.count) * sim.dt
            return [
                "rate_hz": Scoring.mean(counts) / duration,
                "active": Double(counts.filter { $0 > 0 }.count) / Double(probed),
            ]
        })
    }

    /// Directed Watts–Strogatz connectivity, an n × n matrix W (W[i, j]: from neuron j to
    /// neuron i): neuron i receives from i+1 … i+fanOut (mod n). Then, from numpy's
    /// `RandomState(seed)`, `random_sample(n·fanOut)` decides per edge (by row, then by offset)
    /// whether it is rewired (< `rewire`), and `randint(0, n)` draws the new sources in that
    /// order. Every edge weighs `weight`; repeated pairs are summed (as scipy does).
    static func wattsStrogatzWeights(
        neurons n: Int, seed: Int, fanOut: Int = 8, rewire: Double = 0.2, weight: Double = 2e-4
    ) throws -> SparseMatrix {
        var rng = RandomState(seed: seed)
        var sources = (0..<n * fanOut).map { edge in (edge / fanOut + edge % fanOut + 1) % n }
        let rewired = sources.indices.filter { _ in rng.randomSample() < rewire }
        for edge in rewired { sources[edge] = rng.randint(0, n) }
        var entries: [(row: Int, column: Int, value: Double)] = []
        for row in 0..<n {
            var previous = -1
            for column in sources[row * fanOut..<(row + 1) * fanOut].sorted() {
                if column == previous {
                    entries[entries.count - 1].value += weight
                } else {
                    entries.append((row, column, weight))
                }
                previous = column
            }
        }
        return try SparseMatrix(rows: n, columns: n, entries: entries)
    }
}
