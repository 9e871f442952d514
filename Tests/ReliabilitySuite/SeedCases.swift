import BrainCore

/// Seeds: numpy's generator takes 0 ... 2^32 − 1; anything else is an error naming the seed.
enum SeedCases {
    static func noise(seed: Int) throws {
        let net = try Models.network()
        let n = try net.node(label: "noise", process: WhiteNoise(seed: seed))
        try net.probe(n)
        try Models.run(net)
    }

    static func signal(seed: Int) throws {
        let net = try Models.network()
        let n = try net.node(label: "signal", process: try WhiteSignal(period: 1, high: 5, seed: seed))
        try net.probe(n)
        try Models.run(net)
    }

    static var all: [ReliabilityCase] { [
        .rejects("seeds.white-noise-negative", object: "WhiteNoise", parameter: "seed") { try noise(seed: -1) },
        .rejects("seeds.white-noise-int-max", object: "WhiteNoise", parameter: "seed") { try noise(seed: .max) },
        .rejects("seeds.white-noise-int-min", object: "WhiteNoise", parameter: "seed") { try noise(seed: .min) },
        .rejects("seeds.white-noise-2-pow-32", object: "WhiteNoise", parameter: "seed") { try noise(seed: 1 << 32) },
        .runs("seeds.white-noise-largest") { try noise(seed: (1 << 32) - 1) },
        .runs("seeds.white-noise-zero") { try noise(seed: 0) },
        .rejects("seeds.white-signal-negative", object: "WhiteSignal", parameter: "seed") { try signal(seed: -7) },
        .rejects("seeds.white-signal-int-max", object: "WhiteSignal", parameter: "seed") { try signal(seed: .max) },
        .runs("seeds.white-signal-largest") { try signal(seed: (1 << 32) - 1) },
        .rejects("seeds.network-negative", object: "Network 'n'", parameter: "seed") {
            _ = try Network(label: "n", seed: -1)
        },
        .rejects("seeds.network-int-max", object: "Network 'n'", parameter: "seed") {
            _ = try Network(label: "n", seed: .max)
        },
        .rejects("seeds.subnetwork-int-min", object: "Network 'sub'", parameter: "seed") {
            _ = try Models.network().network(label: "sub", seed: .min)
        },
        .rejects("seeds.simulator-negative", object: "Simulator", parameter: "seed") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, seed: -1, threads: 1)
        },
        .rejects("seeds.reset-int-max", object: "Simulator", parameter: "seed") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).reset(seed: .max)
        },
        .rejects("seeds.ensemble-huge", object: "Ensemble 'a'", parameter: "seed") {
            try Models.network().ensemble(label: "a", neurons: 5, dimensions: 1, seed: 1 << 40)
        },
        .rejects("seeds.connection-negative", object: "Connection", parameter: "seed") {
            let (net, a) = try Models.oneEnsemble()
            try net.connect(a, to: a, seed: -3)
        },
        .rejects("seeds.probe-int-max", object: "Probe", parameter: "seed") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, seed: .max)
        },
        .runs("seeds.simulator-largest") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, seed: (1 << 32) - 1, threads: 1).run(steps: 3)
        },
    ] }
}
