import BrainKit

/// A benchmark network: its builder and how to score a finished run.
struct StandardNetwork: Sendable {
    let name: String
    let summary: String
    /// Builds the network and returns it with a scorer for a finished simulation.
    let make: @Sendable (_ seed: Int) throws -> (Network, (Simulator) throws -> [String: Double])
}

extension StandardNetwork {
    static let all: [StandardNetwork] = [squaring, chain, integrator, ring]

    /// The squaring model from the talk: 0.5 -> 40 LIF (x) -> 40 LIF (x²), probes τ = 0.03.
    static let squaring = StandardNetwork(
        name: "squaring", summary: "0.5 -> 40 LIF -> x² -> 40 LIF, probes through 0.03"
    ) { seed in
        let net = try Network(label: "squaring", seed: seed)
        let value = try net.node(output: 0.5)
        let x = try net.ensemble(label: "x", neurons: 40, dimensions: 1)
        let squared = try net.ensemble(label: "squared", neurons: 40, dimensions: 1)
        try net.connect(value, to: x)
        try net.connect(x, to: squared, function: { x in [x[0] * x[0]] })
        let xProbe = try net.probe(x, synapse: 0.03)
        let squaredProbe = try net.probe(squared, synapse: 0.03)
        return (net, { sim in
            let late = sim.trange().indices.filter { sim.trange()[$0] > 0.5 }
            let xs = try sim.data(xProbe), sq = try sim.data(squaredProbe)
            return [
                "x": late.reduce(0) { $0 + xs[$1, 0] } / Double(late.count),
                "x_squared": late.reduce(0) { $0 + sq[$1, 0] } / Double(late.count),
            ]
        })
    }

    /// (a) a 5 Hz white signal (rms 0.3) through four 1-D ensembles of 100 LIF, synapse 0.01;
    /// RMSE of the last against the input low-passed four times.
    static let chain = StandardNetwork(
        name: "chain", summary: "white signal -> 4 x 100 LIF, 1-D, synapse 0.01"
    ) { seed in
        let pstc = 0.01
        let net = try Network(label: "chain", seed: seed)
        let stimulus = try net.node(process: try WhiteSignal(period: 1, high: 5, rms: 0.3))
        var previous = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(stimulus, to: previous, synapse: nil)
        for _ in 1..<4 {
            let next = try net.ensemble(neurons: 100, dimensions: 1)
            try net.connect(previous, to: next, synapse: pstc)
            previous = next
        }
        let input = try net.probe(stimulus)
        let output = try net.probe(previous, synapse: pstc)
        return (net, { sim in
            var ideal = try sim.data(input).column(0)
            for _ in 0..<4 { ideal = try Lowpass(pstc).filter(ideal, dt: sim.dt) }
            let out = try sim.data(output).column(0)
            let squares = zip(out, ideal).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            return ["rmse": (squares / Double(out.count)).squareRoot()]
        })
    }

    /// A recurrent integrator (100 LIF, τ = 0.1) driven to 0.5 by an input of 5 for 0.1 s,
    /// then holding: `drift` is |mean over the last 0.1 s − mean over 0.15–0.25 s| (run at
    /// least 1.2 s for the hold to last a second).
    static let integrator = StandardNetwork(
        name: "integrator", summary: "100 LIF, 1-D, recurrent tau 0.1, holding 0.5"
    ) { seed in
        let tau = 0.1
        let net = try Network(label: "integrator", seed: seed)
        let input = try net.node(function: { t in t <= 0.1 ? 5.0 : 0.0 })
        let memory = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(input, to: memory, synapse: tau, transform: .scalar(tau))
        try net.connect(memory, to: memory, synapse: tau)
        let probe = try net.probe(memory, synapse: 0.01)
        return (net, { sim in
            let data = try sim.data(probe), times = sim.trange()
            func mean(_ window: ClosedRange<Double>) -> Double {
                let rows = times.indices.filter { window.contains(times[$0]) }
                return rows.reduce(0) { $0 + data[$1, 0] } / Double(max(rows.count, 1))
            }
            let start = mean(0.1501...0.25), end = mean((times.last! - 0.0999)...times.last!)
            return ["held": start, "drift": abs(end - start)]
        })
    }

    /// (g) 100 ensembles of 1000 LIF, 16-D, in a decoded ring (transform 0.9, synapse 0.01),
    /// 16-D white noise into the first, one probe.
    static let ring = StandardNetwork(
        name: "ring100k", summary: "100 x 1000 LIF, 16-D, decoded ring"
    ) { seed in
        let net = try Network(label: "ring", seed: seed)
        let noise = try net.node(process: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.1)), sizeOut: 16)
        let ensembles = try (0..<100).map { _ in try net.ensemble(neurons: 1000, dimensions: 16) }
        try net.connect(noise, to: ensembles[0])
        for i in 0..<100 {
            try net.connect(ensembles[i], to: ensembles[(i + 1) % 100], synapse: 0.01, transform: 0.9)
        }
        let probe = try net.probe(ensembles[99], synapse: 0.01)
        return (net, { sim in
            let data = try sim.data(probe)
            return ["final_norm": data.row(data.rows - 1).reduce(0) { $0 + $1 * $1 }.squareRoot()]
        })
    }
}
