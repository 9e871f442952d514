import BrainCore

/// Loops: a loop with no synapse has no order to compute in; every shape of it is a build
/// error naming the objects on it. A loop with a synapse is fine.
enum LoopCases {
    static var all: [ReliabilityCase] { [
        .rejects("loops.passthrough-self-loop", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'"]) {
            let net = try Models.network()
            let p = try net.node(label: "p", sizeIn: 1)
            try net.connect(p, to: p, synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.passthrough-self-loop-with-input", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'"]
        ) {
            let net = try Models.network()
            let input = try net.node(label: "input", output: 1)
            let p = try net.node(label: "p", sizeIn: 1)
            try net.connect(input, to: p, synapse: nil)
            try net.connect(p, to: p, synapse: nil)
            try net.probe(p)
            try Models.run(net)
        },
        .rejects("loops.direct-self-loop", object: "Network 'model'", parameter: nil, mentions: ["Ensemble 'd'"]) {
            let net = try Models.network()
            let d = try net.ensemble(label: "d", neurons: 1, dimensions: 1, neuronType: Direct())
            try net.connect(d, to: d, synapse: nil)
            try net.probe(d)
            try Models.run(net)
        },
        .rejects(
            "loops.direct-self-loop-function", object: "Network 'model'", parameter: nil, mentions: ["Ensemble 'd'"]
        ) {
            let net = try Models.network()
            let d = try net.ensemble(label: "d", neurons: 1, dimensions: 2, neuronType: Direct())
            try net.connect(d, to: d, synapse: nil, function: { [$0[1], $0[0] * 0.5] })
            try Models.run(net)
        },
        .rejects(
            "loops.two-passthrough-nodes", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'", "Node 'q'"]
        ) {
            let net = try Models.network()
            let p = try net.node(label: "p", sizeIn: 1)
            let q = try net.node(label: "q", sizeIn: 1)
            try net.connect(p, to: q, synapse: nil)
            try net.connect(q, to: p, synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.three-passthrough-nodes", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'", "Node 'r'"]
        ) {
            let net = try Models.network()
            let p = try net.node(label: "p", sizeIn: 2)
            let q = try net.node(label: "q", sizeIn: 2)
            let r = try net.node(label: "r", sizeIn: 2)
            try net.connect(p, to: q, synapse: nil)
            try net.connect(q, to: r, synapse: nil)
            try net.connect(r, to: p, synapse: nil, transform: -1)
            try Models.run(net)
        },
        .rejects(
            "loops.passthrough-slices", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'"]
        ) {
            let net = try Models.network()
            let p = try net.node(label: "p", sizeIn: 2)
            try net.connect(p[0], to: p[1], synapse: nil)
            try net.connect(p[1], to: p[0], synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.passthrough-and-direct", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'", "Ensemble 'd'"]
        ) {
            let net = try Models.network()
            let p = try net.node(label: "p", sizeIn: 1)
            let d = try net.ensemble(label: "d", neurons: 1, dimensions: 1, neuronType: Direct())
            try net.connect(p, to: d, synapse: nil)
            try net.connect(d, to: p, synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.function-node-self-loop", object: "Network 'model'", parameter: nil, mentions: ["Node 'f'"]
        ) {
            let net = try Models.network()
            let f = try net.node(label: "f", sizeIn: 1) { _, x in [x[0] + 1] }
            try net.connect(f, to: f, synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.ensemble-self-loop", object: "Network 'model'", parameter: nil, mentions: ["Ensemble 'a'"]
        ) {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1, neuronType: LIFRate())
            try net.connect(a, to: a, synapse: nil)
            try Models.run(net)
        },
        .rejects(
            "loops.across-subnetworks", object: "Network 'model'", parameter: nil, mentions: ["Node 'p'", "Node 'q'"]
        ) {
            let net = try Models.network()
            let sub = try net.network(label: "sub")
            let p = try net.node(label: "p", sizeIn: 1)
            let q = try sub.node(label: "q", sizeIn: 1)
            try net.connect(p, to: q, synapse: nil)
            try net.connect(q, to: p, synapse: nil)
            try Models.run(net)
        },
        .runs("loops.passthrough-self-loop-with-synapse") {
            let net = try Models.network()
            let input = try net.node(label: "input", output: 1)
            let p = try net.node(label: "p", sizeIn: 1)
            try net.connect(input, to: p, synapse: nil)
            try net.connect(p, to: p, synapse: try Lowpass(0.1), transform: 0.5)
            try Models.run(net)
        },
        .runs("loops.direct-self-loop-with-synapse") {
            let net = try Models.network()
            let d = try net.ensemble(label: "d", neurons: 1, dimensions: 1, neuronType: Direct())
            try net.connect(d, to: d, synapse: try Lowpass(0))
            try Models.run(net)
        },
        .runs("loops.passthrough-chain-without-loop") {
            let net = try Models.network()
            let input = try net.node(label: "input", output: 1)
            let p = try net.node(label: "p", sizeIn: 1)
            let q = try net.node(label: "q", sizeIn: 1)
            try net.connect(input, to: p, synapse: nil)
            try net.connect(p, to: q, synapse: nil)
            try net.probe(q)
            try Models.run(net)
        },
    ] }
}
