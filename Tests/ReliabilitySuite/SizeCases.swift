import BrainCore
import BrainNetworks

/// Sizes and durations: each must be checked in arithmetic that cannot overflow, against the
/// memory it needs, before anything is allocated.
enum SizeCases {
    static var all: [ReliabilityCase] { [
        .rejects("sizes.run-seconds-1e30", object: "Simulator", parameter: "seconds") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(seconds: 1e30)
        },
        .rejects("sizes.run-seconds-1e300-no-probe", object: "Simulator", parameter: "seconds") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 5, dimensions: 1)
            try Simulator(net, threads: 1).run(seconds: 1e300)
        },
        .rejects("sizes.run-seconds-infinity", object: "Simulator", parameter: "seconds") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(seconds: .infinity)
        },
        .rejects("sizes.run-seconds-nan", object: "Simulator", parameter: "seconds") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(seconds: .nan)
        },
        .rejects("sizes.run-seconds-negative", object: "Simulator", parameter: "seconds") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(seconds: -1)
        },
        .rejects("sizes.run-steps-negative", object: "Simulator", parameter: "steps") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(steps: -1)
        },
        .rejects("sizes.run-steps-int-max-with-probe", object: "Simulator", parameter: "steps") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(steps: .max)
        },
        .rejects("sizes.probe-for-1e7-seconds", object: "Simulator", parameter: "seconds", mentions: ["Probe"]) {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1).run(seconds: 1e7)
        },
        .rejects("sizes.spike-probe-for-1e5-seconds", object: "Simulator", parameter: "seconds", mentions: ["Probe"]) {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 1000, dimensions: 1)
            try net.probe(a.neurons)
            try Simulator(net, threads: 1).run(seconds: 1e5)
        },
        .rejects("sizes.probe-over-user-memory-limit", object: "Simulator", parameter: "seconds", mentions: ["Probe"]) {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1, memoryLimit: 1 << 20).run(seconds: 1000)
        },
        .runs("sizes.probe-within-user-memory-limit") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, threads: 1, memoryLimit: 1 << 20).run(seconds: 1)
        },
        .rejects("sizes.memory-limit-zero", object: "Simulator", parameter: "memoryLimit") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, threads: 1, memoryLimit: 0)
        },
        .runs("sizes.streamed-probe-needs-no-memory-reserve") {
            let (net, _) = try Models.oneEnsemble()
            let directory = FileManagerShim.temporaryDirectory("reliability-stream")
            let sim = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory), memoryLimit: 1 << 20)
            try sim.run(seconds: 0.5)
            sim.close()
            FileManagerShim.remove(directory)
        },
        .runs("sizes.dt-1e-300-two-steps") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, dt: 1e-300, threads: 1).run(steps: 2)
        },
        .rejects("sizes.dt-1e-300-one-second", object: "Simulator", parameter: "seconds") {
            let (net, _) = try Models.oneEnsemble()
            try Simulator(net, dt: 1e-300, threads: 1).run(seconds: 1)
        },
        .rejects(
            "sizes.dt-1e-300-white-noise", object: "Node 'noise'", parameter: "process",
            mentions: ["WhiteNoise", "non-finite"]) {
            let net = try Models.network()
            let noise = try net.node(label: "noise", process: WhiteNoise(seed: 3))
            try net.probe(noise)
            try Simulator(net, dt: 1e-300, threads: 1).run(steps: 2)
        },
        .rejects("sizes.dt-zero", object: "Simulator", parameter: "dt") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, dt: 0, threads: 1)
        },
        .rejects("sizes.dt-negative", object: "Simulator", parameter: "dt") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, dt: -0.001, threads: 1)
        },
        .rejects("sizes.dt-nan", object: "Simulator", parameter: "dt") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, dt: .nan, threads: 1)
        },
        .rejects("sizes.dt-infinity", object: "Simulator", parameter: "dt") {
            let (net, _) = try Models.oneEnsemble()
            _ = try Simulator(net, dt: .infinity, threads: 1)
        },
        .runs("sizes.dt-1e-6") {
            let (net, _) = try Models.oneEnsemble()
            try Models.run(net, seconds: 1e-5, dt: 1e-6)
        },
        .runs("sizes.dt-one-second") {
            let (net, _) = try Models.oneEnsemble()
            try Models.run(net, seconds: 3, dt: 1)
        },
        .rejects("sizes.neurons-int-max", object: "Ensemble 'a'", parameter: "neurons") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: .max, dimensions: 1)
        },
        .rejects("sizes.neurons-one-billion", object: "Ensemble 'a'", parameter: "neurons") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 1_000_000_000, dimensions: 1)
            _ = try Simulator(net, threads: 1)
        },
        .rejects("sizes.neurons-ten-million-build", object: "Ensemble 'a'", parameter: "neurons") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10_000_000, dimensions: 1)
            try net.probe(a, synapse: 0.01)
            _ = try Simulator(net, threads: 1)
        },
        .rejects("sizes.neurons-zero", object: "Ensemble 'a'", parameter: "neurons") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 0, dimensions: 1)
        },
        .rejects("sizes.neurons-negative", object: "Ensemble 'a'", parameter: "neurons") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: -5, dimensions: 1)
        },
        .rejects("sizes.dimensions-int-max", object: "Ensemble 'a'", parameter: "dimensions") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 10, dimensions: .max)
        },
        .rejects("sizes.neurons-times-dimensions-beyond-memory", object: "Ensemble 'a'", parameter: "dimensions") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 1 << 20, dimensions: 1 << 20)
        },
        .rejects("sizes.eval-point-count-int-max", object: "Ensemble 'a'", parameter: "evalPointCount") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 10, dimensions: 1, evalPointCount: .max)
        },
        .rejects("sizes.eval-point-count-huge-build", object: "Ensemble 'a'", parameter: "evalPointCount") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 1000, dimensions: 1, evalPointCount: 100_000_000)
            try net.probe(a, synapse: 0.01)
            _ = try Simulator(net, threads: 1)
        },
        .rejects("sizes.eval-point-count-zero", object: "Ensemble 'a'", parameter: "evalPointCount") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 10, dimensions: 1, evalPointCount: 0)
        },
        .rejects("sizes.direct-dimensions-huge", object: "Ensemble 'a'", parameter: "dimensions") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 1, dimensions: 1 << 40, neuronType: Direct())
            _ = try Simulator(net, threads: 1)
        },
        .rejects("sizes.weight-solver-matrix-too-large", object: "Connection", parameter: "solver") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 200_000, dimensions: 1, evalPointCount: 10)
            let b = try net.ensemble(label: "b", neurons: 200_000, dimensions: 1, evalPointCount: 10)
            try net.connect(a, to: b, solver: LstsqL2(weights: true))
            _ = try Simulator(net, threads: 1, memoryLimit: 1 << 30)
        },
        .rejects("sizes.node-size-in-int-max", object: "Node 'n'", parameter: "sizeIn") {
            let net = try Models.network()
            try net.node(label: "n", sizeIn: .max)
        },
        .rejects("sizes.node-size-out-int-max", object: "Node 'n'", parameter: "sizeOut") {
            let net = try Models.network()
            try net.node(label: "n", sizeIn: 0, sizeOut: .max) { _, _, _ in }
        },
        .rejects("sizes.process-node-size-out-huge", object: "Node 'noise'", parameter: "sizeOut") {
            let net = try Models.network()
            try net.node(label: "noise", process: WhiteNoise(seed: 1), sizeOut: 1 << 50)
            _ = try Simulator(net, threads: 1)
        },
        .rejects("sizes.sample-every-1e-300", object: "Probe", parameter: "sampleEvery") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, sampleEvery: 1e-300)
            try Models.run(net)
        },
        .rejects("sizes.sample-every-zero", object: "Probe", parameter: "sampleEvery") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, sampleEvery: 0)
        },
        .runs("sizes.sample-every-1e300") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, sampleEvery: 1e300)
            try Models.run(net)
        },
        .rejects("sizes.white-signal-period-1e300", object: "WhiteSignal", parameter: "period") {
            let net = try Models.network()
            try net.node(label: "s", process: try WhiteSignal(period: 1e300, high: 5, seed: 1))
            try Models.run(net)
        },
        .rejects("sizes.white-signal-long-period-memory", object: "WhiteSignal", parameter: "period") {
            let net = try Models.network()
            try net.node(label: "s", process: try WhiteSignal(period: 1e8, high: 5, seed: 1), sizeOut: 4)
            try Models.run(net)
        },
        .runs("sizes.present-input-time-1e-300") {
            let net = try Models.network()
            try net.node(label: "p", process: try PresentInput(inputs: [[1], [2]], presentationTime: 1e-300))
            try Models.run(net)
        },
        .runs("sizes.present-input-time-1e300") {
            let net = try Models.network()
            try net.node(label: "p", process: try PresentInput(inputs: [[1], [2]], presentationTime: 1e300))
            try Models.run(net)
        },
        .rejects("sizes.ensemble-array-huge", object: "EnsembleArray", parameter: "ensembles") {
            let net = try Models.network()
            _ = try EnsembleArray(in: net, neurons: 10, ensembles: .max)
        },
        .rejects("sizes.ensemble-array-neurons-int-max", object: "EnsembleArray", parameter: "neurons") {
            let net = try Models.network()
            _ = try EnsembleArray(in: net, neurons: .max, ensembles: 2)
        },
        .rejects("sizes.integrator-neurons-int-max", object: "Integrator", parameter: "neurons") {
            let net = try Models.network()
            _ = try Integrator(in: net, recurrentTau: 0.1, neurons: .max, dimensions: 1)
        },
        .rejects("sizes.sparse-matrix-huge", object: "SparseMatrix", parameter: "rows") {
            _ = try SparseMatrix(rows: .max, columns: .max, entries: [(row: 0, column: 0, value: 1)])
        },
        .runs("sizes.many-small-runs") {
            let (net, _) = try Models.oneEnsemble()
            let sim = try Simulator(net, threads: 1)
            for _ in 0..<2000 { try sim.run(steps: 1) }
        },
    ] }
}
