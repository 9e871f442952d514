import BrainCore

/// Blame: an error names the parameter at fault, not a symptom further on.
enum BlameCases {
    static var all: [ReliabilityCase] { [
        .rejects("blame.infinite-radius-is-radius", object: "Ensemble 'a'", parameter: "radius") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1, radius: .infinity)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, function: { $0 })
            try Models.run(net)
        },
        .rejects("blame.nan-max-rates-is-max-rates", object: "Ensemble 'a'", parameter: "maxRates") {
            let net = try Models.network()
            try net.ensemble(
                label: "a", neurons: 10, dimensions: 1, maxRates: Samples([Double](repeating: .nan, count: 10)))
            try Models.run(net)
        },
        .rejects("blame.max-rates-uniform-nan-is-uniform", object: "Uniform", parameter: "low") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 10, dimensions: 1, maxRates: Uniform(.nan, .nan))
            try Models.run(net)
        },
        .rejects("blame.node-wrong-length", object: "Node 'n'", parameter: "output", mentions: ["3 values"]) {
            let net = try Models.network()
            let n = try net.node(label: "n", sizeOut: 2) { (t: Double) -> [Double] in t > 0.002 ? [1, 2, 3] : [0, 0] }
            try net.probe(n)
            try Models.run(net)
        },
        .rejects("blame.node-nan-not-length", object: "Node 'n'", parameter: "output", mentions: ["non-finite"]) {
            let net = try Models.network()
            let n = try net.node(label: "n", sizeOut: 2) { (t: Double) -> [Double] in t > 0.002 ? [1, .nan] : [0, 0] }
            try net.probe(n)
            try Models.run(net)
        },
        .rejects("blame.node-input-function-wrong-length", object: "Node 'n'", parameter: "output", mentions: ["values"]) {
            let net = try Models.network()
            let input = try net.node(label: "input", output: [1, 2])
            let n = try net.node(label: "n", sizeIn: 2) { t, x in t > 0.002 ? [x[0]] : x }
            try net.connect(input, to: n, synapse: nil)
            try Models.run(net)
        },
        .rejects("blame.nan-gain-given", object: "Ensemble 'a'", parameter: "gain") {
            let net = try Models.network()
            try net.ensemble(
                label: "a", neurons: 3, dimensions: 1, gain: Samples([1, .nan, 1]), bias: Samples([0, 0, 0]))
            try Models.run(net)
        },
        .rejects("blame.intercepts-above-one", object: "Ensemble 'a'", parameter: "intercepts") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 3, dimensions: 1, intercepts: Samples([0, 1.5, 0]))
            try Models.run(net)
        },
    ] }
}
