import BrainKit

// pes-learning: PES learns a 1-D communication channel (bench/nengo/standard/learning.py).
extension StandardNetwork {
    /// Examples/learning over the benchmark's run: a white signal (period = the run, 5 Hz,
    /// rms 0.5) → pre (100 LIF, 1-D); pre → post (100 LIF) from zero decoders (``NoSolver``),
    /// PES(1e-4); error = post − pre. `rmse_last`: RMSE of post against the stimulus (both
    /// probed through 0.01) over the last fifth of the run (the example's last 2 of 10 s).
    static let pesLearning = StandardNetwork(
        name: "pes-learning", summary: "PES learns 100 LIF -> 100 LIF, 1-D, from zero decoders"
    ) { seed, seconds in
        let net = try Network(label: "learning", seed: seed)
        let stimulus = try net.node(label: "stimulus", process: try WhiteSignal(period: seconds, high: 5, rms: 0.5))
        let pre = try net.ensemble(label: "pre", neurons: 100, dimensions: 1)
        let post = try net.ensemble(label: "post", neurons: 100, dimensions: 1)
        try net.connect(stimulus, to: pre)
        let learned = try net.connect(pre, to: post, solver: NoSolver(), learningRule: try PES(learningRate: 1e-4))
        let error = try net.node(label: "error", sizeIn: 1)
        try net.connect(post, to: error)
        try net.connect(pre, to: error, transform: -1)
        try net.connect(error, to: learned.learningRule!)
        let stimulusProbe = try net.probe(stimulus, synapse: 0.01)
        let postProbe = try net.probe(post, synapse: 0.01)
        return (net, { sim in
            let last = Scoring.rows(sim) { $0 > 0.8 * sim.time }
            let output = try sim.data(postProbe), input = try sim.data(stimulusProbe)
            return ["rmse_last": Scoring.rmse(output, input, rows: last)]
        })
    }
}
