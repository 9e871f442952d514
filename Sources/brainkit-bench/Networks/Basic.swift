import BrainKit

// (a) chain, the squaring model and the integrator: small 1-D networks (bench/nengo/standard/basic.py).
extension StandardNetwork {
    /// The talk's model: 0.5 → 40 LIF (x) → x² → 40 LIF, probes through 0.03; the means of both
    /// over the second half of the run.
    static let squaring = StandardNetwork(
        name: "squaring", summary: "0.5 -> 40 LIF -> x^2 -> 40 LIF, probes through 0.03"
    ) { seed, _ in
        let net = try Network(label: "squaring", seed: seed)
        let value = try net.node(output: 0.5)
        let x = try net.ensemble(label: "x", neurons: 40, dimensions: 1)
        let squared = try net.ensemble(label: "squared", neurons: 40, dimensions: 1)
        try net.connect(value, to: x)
        try net.connect(x, to: squared, function: { x in [x[0] * x[0]] })
        let xProbe = try net.probe(x, synapse: 0.03)
        let squaredProbe = try net.probe(squared, synapse: 0.03)
        return (net, { sim in
            let late = Scoring.rows(sim) { $0 > 0.5 * sim.time }
            let xs = try sim.data(xProbe), squares = try sim.data(squaredProbe)
            return [
                "x": Scoring.mean(late.map { xs[$0, 0] }),
                "x_squared": Scoring.mean(late.map { squares[$0, 0] }),
            ]
        })
    }

    /// (a) A 5 Hz white signal (rms 0.3) through four 1-D ensembles of 100 LIF, synapse 0.01;
    /// RMSE of the last (probe 0.01) against the input low-passed four times.
    static let chain = StandardNetwork(
        name: "chain", summary: "(a) white signal -> 4 x 100 LIF, 1-D, synapse 0.01"
    ) { seed, _ in
        let pstc = 0.01, layers = 4
        let net = try Network(label: "chain", seed: seed)
        let stimulus = try net.node(process: try WhiteSignal(period: 1, high: 5, rms: 0.3))
        var previous = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(stimulus, to: previous, synapse: nil)
        for _ in 1..<layers {
            let next = try net.ensemble(neurons: 100, dimensions: 1)
            try net.connect(previous, to: next, synapse: pstc)
            previous = next
        }
        let input = try net.probe(stimulus)
        let output = try net.probe(previous, synapse: pstc)
        return (net, { sim in
            let ideal = try Scoring.lowpassed(try sim.data(input), tau: pstc, times: layers, dt: sim.dt)
            return ["rmse": Scoring.rmse(try sim.data(output).column(0), ideal.column(0))]
        })
    }

    /// A recurrent integrator (100 LIF, τ = 0.1) driven to 0.5 by an input of 5 for 0.1 s, then
    /// holding. `held`: the mean over 0.15–0.25 s; `drift`: |mean over the last 0.1 s − held|.
    static let integrator = StandardNetwork(
        name: "integrator", summary: "100 LIF, 1-D, recurrent tau 0.1, holding 0.5"
    ) { seed, _ in
        let tau = 0.1
        let net = try Network(label: "integrator", seed: seed)
        let drive = try net.node(function: { t in t <= 0.1 ? 5.0 : 0.0 })
        let memory = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(drive, to: memory, synapse: tau, transform: .scalar(tau))
        try net.connect(memory, to: memory, synapse: tau)
        let probe = try net.probe(memory, synapse: 0.01)
        return (net, { sim in
            let data = try sim.data(probe), end = sim.trange().last!
            let held = Scoring.mean(Scoring.rows(sim) { $0 >= 0.1501 && $0 <= 0.25 }.map { data[$0, 0] })
            let last = Scoring.mean(Scoring.rows(sim) { $0 >= end - 0.0999 }.map { data[$0, 0] })
            return ["held": held, "drift": abs(last - held)]
        })
    }
}
