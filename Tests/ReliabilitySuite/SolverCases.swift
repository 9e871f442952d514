import BrainCore

/// Solvers: bad or degenerate problems are errors naming the connection or the solver.
enum SolverCases {
    static func solve(_ solver: any Solver, neurons: Int = 10, evalPointCount: Int? = nil) throws {
        let net = try Models.network()
        let a = try net.ensemble(label: "a", neurons: neurons, dimensions: 1, evalPointCount: evalPointCount)
        let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
        try net.connect(a, to: b, solver: solver, label: "ab")
        try Models.run(net)
    }

    static var all: [ReliabilityCase] { [
        .runs("solvers.lstsq-l2-one-eval-point") { try solve(LstsqL2(), evalPointCount: 1) },
        .runs("solvers.lstsq-one-eval-point") { try solve(Lstsq(), evalPointCount: 1) },
        .runs("solvers.nnls-one-eval-point") { try solve(Nnls(), evalPointCount: 1) },
        .runs("solvers.lstsq-l2nz-one-neuron") { try solve(LstsqL2nz(), neurons: 1) },
        .runs("solvers.lstsq-l2-weights") { try solve(LstsqL2(weights: true)) },
        .runs("solvers.nnls-l2-weights") { try solve(NnlsL2(weights: true)) },
        .rejects("solvers.lstsq-l2-reg-negative", object: "LstsqL2", parameter: "reg") {
            try solve(try LstsqL2(reg: -1))
        },
        .rejects("solvers.lstsq-rcond-negative", object: "Lstsq", parameter: "rcond") {
            try solve(try Lstsq(rcond: -1))
        },
        .rejects("solvers.lstsq-nan-activities", object: "Ensemble 'a'", parameter: "gain") {
            let net = try Models.network()
            let a = try net.ensemble(
                label: "a", neurons: 3, dimensions: 1, gain: Samples([1, 1, .infinity]), bias: Samples([0, 0, 0]))
            let b = try net.ensemble(label: "b", neurons: 3, dimensions: 1)
            try net.connect(a, to: b, solver: Lstsq(), label: "ab")
            try Models.run(net)
        },
        .rejects("solvers.singular-gram-names-connection", object: "Connection 'ab'", parameter: "solver") {
            let net = try Models.network()
            let a = try net.ensemble(
                label: "a", neurons: 2, dimensions: 1, encoders: Samples(Matrix(column: [1, 1])),
                gain: Samples([1, 1]), bias: Samples([5, -100]))
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, solver: try LstsqL2(reg: 0), label: "ab")
            try Models.run(net)
        },
        .rejects("solvers.weights-to-node", object: "Connection", parameter: "solver") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let n = try net.node(label: "n", sizeIn: 1)
            try net.connect(a, to: n, solver: LstsqL2(weights: true))
        },
        .rejects("solvers.function-values-without-eval-points", object: "Connection", parameter: "functionValues") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, functionValues: Matrix(column: [0, 1]))
        },
        .rejects("solvers.eval-points-wrong-columns", object: "Connection", parameter: "evalPoints") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, evalPoints: Samples(Matrix(rows: 2, columns: 3, repeating: 0)))
        },
    ] }
}
