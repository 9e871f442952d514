import BrainCore

/// Learning rules: their parameters, their connections, and where their error comes from.
enum LearningCases {
    /// `a → b` learning with `rule`, with an error connection into it, run briefly.
    static func learn(_ rule: any LearningRuleType, toNeurons: Bool = false) throws {
        let net = try Models.network()
        let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
        let c =
            toNeurons
            ? try net.connect(a.neurons, to: b.neurons, transform: .dense(Matrix(rows: 10, columns: 10)), learningRule: rule)
            : try net.connect(a, to: b, learningRule: rule)
        if rule is PES, let rule = c.learningRule { try net.connect(b, to: rule) }
        try Models.run(net)
    }

    static var all: [ReliabilityCase] { [
        .rejects("learning.pes-rate-nan", object: "PES", parameter: "learningRate") { try learn(try PES(learningRate: .nan)) },
        .rejects("learning.pes-rate-infinity", object: "PES", parameter: "learningRate") {
            try learn(try PES(learningRate: .infinity))
        },
        .rejects("learning.pes-rate-negative", object: "PES", parameter: "learningRate") {
            try learn(try PES(learningRate: -1))
        },
        .rejects("learning.pes-rate-beyond-float", object: "PES", parameter: "learningRate") {
            try learn(try PES(learningRate: 1e300))
        },
        .rejects("learning.bcm-rate-nan", object: "BCM", parameter: "learningRate") {
            try learn(try BCM(learningRate: .nan), toNeurons: true)
        },
        .rejects("learning.oja-beta-infinity", object: "Oja", parameter: "beta") {
            try learn(try Oja(beta: .infinity), toNeurons: true)
        },
        .rejects("learning.voja-rate-nan", object: "Voja", parameter: "learningRate") {
            try learn(try Voja(learningRate: .nan))
        },
        .rejects("learning.pes-error-from-another-network", object: "Connection", parameter: "post") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            let c = try net.connect(a, to: b, learningRule: try PES())
            let other = try Network(label: "other", seed: 2)
            let error = try other.ensemble(label: "error", neurons: 10, dimensions: 1)
            try other.connect(error, to: c.learningRule!)
            try Models.run(other)
        },
        .rejects("learning.connection-to-other-network", object: "Connection", parameter: nil) {
            let net = try Models.network()
            let other = try Network(label: "other", seed: 2)
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try other.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b)
            try Models.run(net)
        },
        .rejects("learning.pes-error-wrong-size", object: "Connection", parameter: "transform") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            let c = try net.connect(a, to: b, learningRule: try PES())
            let e = try net.ensemble(label: "e", neurons: 10, dimensions: 2)
            try net.connect(e, to: c.learningRule!)
        },
        .rejects("learning.bcm-on-decoded-connection", object: "Connection", parameter: "learningRule") {
            try learn(try BCM())
        },
        .runs("learning.pes-without-error") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, learningRule: try PES())
            try Models.run(net)
        },
        .runs("learning.pes-with-error") { try learn(try PES()) },
    ] }
}
