import BrainCore

/// Thread counts: any count >= 1 is allowed (lowered to the cores); below 1 is an error.
enum ThreadCases {
    static func simulate(threads: Int) throws {
        let (net, _) = try Models.oneEnsemble()
        try Simulator(net, threads: threads).run(steps: 5)
    }

    static var all: [ReliabilityCase] { [
        .runs("threads.int-max") { try simulate(threads: .max) },
        .runs("threads.one-thousand") { try simulate(threads: 1000) },
        .runs("threads.one") { try simulate(threads: 1) },
        .rejects("threads.zero", object: "Simulator", parameter: "threads") { try simulate(threads: 0) },
        .rejects("threads.negative", object: "Simulator", parameter: "threads") { try simulate(threads: -4) },
        .rejects("threads.int-min", object: "Simulator", parameter: "threads") { try simulate(threads: .min) },
        .runs("threads.default") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net).run(steps: 5)
        },
    ] }
}
