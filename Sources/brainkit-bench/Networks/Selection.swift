import BrainKit

// (e) bg20: action selection among 20 actions (bench/nengo/standard/selection.py).
extension StandardNetwork {
    /// The utilities of bg20: U(0.3, 0.7) per action from numpy's `RandomState(7)`, then the
    /// winner `randint(actions)` from the same generator, set to 0.8. Fixed: the network seeds
    /// vary the neurons only.
    static func utilities(actions: Int) -> (values: [Double], winner: Int) {
        var rng = RandomState(seed: 7)
        var values = (0..<actions).map { _ in rng.uniform(0.3, 0.7) }
        let winner = rng.randint(0, actions)
        values[winner] = 0.8
        return (values, winner)
    }

    /// (e) BasalGanglia(20) (100 neurons per ensemble, 10,000 in all) fed the fixed utilities with
    /// no synapse; output probed through 0.01. Over t > 0.1 s: `correct` is the fraction of steps
    /// where the winner has the largest output, `margin` the mean of its output minus the
    /// largest other output.
    static let bg20 = StandardNetwork(
        name: "bg20", summary: "(e) BasalGanglia(20), utilities U(0.3, 0.7), winner 0.8"
    ) { seed, _ in
        let actions = 20
        let (values, winner) = utilities(actions: actions)
        let net = try Network(label: "bg20", seed: seed)
        let utility = try net.node(output: values)
        let basalGanglia = try BasalGanglia(in: net, dimensions: actions)
        try net.connect(utility, to: basalGanglia.input, synapse: nil)
        let probe = try net.probe(basalGanglia.output, synapse: 0.01)
        return (net, { sim in
            let data = try sim.data(probe)
            let late = Scoring.rows(sim) { $0 > min(0.1, 0.5 * sim.time) }
            var correct = 0.0, margin = 0.0
            for row in late {
                let output = data.row(row)
                let best = output.indices.max { output[$0] < output[$1] }!
                let runnerUp = output.indices.filter { $0 != winner }.map { output[$0] }.max()!
                correct += best == winner ? 1 : 0
                margin += output[winner] - runnerUp
            }
            return ["correct": correct / Double(late.count), "margin": margin / Double(late.count)]
        })
    }
}
