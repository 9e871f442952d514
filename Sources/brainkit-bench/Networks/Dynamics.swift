import BrainKit

// (d) lorenz and the controlled oscillator: recurrent dynamics (bench/nengo/standard/dynamics.py).
extension StandardNetwork {
    /// (d) nengo_benchmarks' lorenz: one ensemble of 2000 LIF, 3-D, radius 30, fed back through
    /// Lowpass(τ = 0.1) with `x + τ·dx/dt` of the Lorenz system (σ = 10, β = 8/3, ρ = 28, z
    /// shifted by −ρ):
    ///
    ///     dx₀ = σ·(x₁ − x₀),  dx₁ = −x₀·x₂ − x₁,  dx₂ = x₀·x₁ − β·(x₂ + ρ) − ρ
    ///
    /// State probed through 0.1. `mean`/`std`: each dimension's time mean/std, averaged over
    /// the three dimensions.
    static let lorenz = StandardNetwork(
        name: "lorenz", summary: "(d) 2000 LIF, 3-D, radius 30, recurrent Lorenz feedback tau 0.1"
    ) { seed, _ in
        let tau = 0.1, sigma = 10.0, beta = 8.0 / 3, rho = 28.0
        let net = try Network(label: "lorenz", seed: seed)
        let state = try net.ensemble(neurons: 2000, dimensions: 3, radius: 30)
        try net.connect(state, to: state, synapse: tau, function: { x in
            let dx0 = -sigma * x[0] + sigma * x[1]
            let dx1 = -x[0] * x[2] - x[1]
            let dx2 = x[0] * x[1] - beta * (x[2] + rho) - rho
            return [dx0 * tau + x[0], dx1 * tau + x[1], dx2 * tau + x[2]]
        })
        let probe = try net.probe(state, synapse: tau)
        return (net, { sim in
            let data = try sim.data(probe)
            let columns = (0..<3).map { data.column($0) }
            return [
                "mean": Scoring.mean(columns.map(Scoring.mean)),
                "std": Scoring.mean(columns.map(Scoring.standardDeviation)),
            ]
        })
    }

    /// Examples/controlled-oscillator: ``ControlledOscillator`` (500 LIF holding (x₀, x₁, w),
    /// radius 1.7, τ = 0.1 s, ω_max = 20 rad/s) kicked with [1, 0] for 0.15 s and commanded to
    /// 2 Hz; output probed through 0.03. The frequency is measured over the second half of the
    /// run; `relative_error` = measured / commanded − 1.
    static let controlledOscillator = StandardNetwork(
        name: "controlled-oscillator", summary: "ControlledOscillator, 500 LIF, commanded to 2 Hz"
    ) { seed, _ in
        let commandedHz = 2.0, maxFrequency = 20.0
        let net = try Network(label: "controlled oscillator", seed: seed)
        let kick = try net.node(label: "kick", process: try Piecewise(data: [0: [1, 0], 0.15: [0, 0]]))
        let speed = try net.node(label: "command", output: 2 * Double.pi * commandedHz / maxFrequency)
        let oscillator = try ControlledOscillator(in: net, maxFrequency: maxFrequency)
        try net.connect(kick, to: oscillator.input)
        try net.connect(speed, to: oscillator.control)
        let probe = try net.probe(oscillator.output, synapse: 0.03)
        return (net, { sim in
            let measured = try Oscillator.measuredFrequency(
                of: try sim.data(probe), times: sim.trange(), after: 0.5 * sim.time)
            return ["measured_hz": measured, "relative_error": measured / commandedHz - 1]
        })
    }
}
