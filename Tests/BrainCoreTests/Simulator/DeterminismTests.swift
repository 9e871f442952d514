import Testing
import BrainTestSupport
import Foundation
@testable import BrainCore

/// One seed gives bit-identical probe data across builds and across thread counts.
@Suite("Determinism")
struct DeterminismTests {
    /// A model big enough to be shared between threads (its fused neuron population is split)
    /// that exercises every kind of operator: 2-D ensembles in a ring with a dense transform,
    /// a neurons-to-neurons connection, a sparse recurrence, a white-noise node, a Direct
    /// ensemble, a sliced connection, spike, voltage and filtered probes.
    static func model(seed: Int) throws -> (Network, [Probe]) {
        let net = try Network(label: "determinism", seed: seed)
        let noise = try net.node(process: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.1)), sizeOut: 2)
        let rotation = Matrix([[0.9, -0.3], [0.3, 0.9]])
        var ensembles: [Ensemble] = []
        for i in 0..<6 {
            ensembles.append(try net.ensemble(label: "e\(i)", neurons: 2000, dimensions: 2, evalPointCount: 400))
        }
        try net.connect(noise, to: ensembles[0])
        for i in 0..<6 {
            try net.connect(ensembles[i], to: ensembles[(i + 1) % 6], synapse: 0.01, transform: .dense(rotation))
        }
        try net.connect(ensembles[2].neurons, to: ensembles[3].neurons, transform: .scalar(-0.001))
        var recurrent: [(row: Int, column: Int, value: Double)] = []
        for r in 0..<2000 {
            for k in 1...5 { recurrent.append((r, (r * 7 + k * 311) % 2000, 2e-4 * Double(k))) }
        }
        let recurrence = try SparseMatrix(rows: 2000, columns: 2000, entries: recurrent)
        try net.connect(ensembles[1].neurons, to: ensembles[1].neurons, synapse: 0.05, transform: .sparse(recurrence))
        let direct = try net.ensemble(label: "direct", neurons: 1, dimensions: 1, neuronType: Direct())
        try net.connect(ensembles[4][1], to: direct, function: { x in [x[0] * x[0]] })
        let probes = [
            try net.probe(ensembles[5], synapse: 0.01),
            try net.probe(ensembles[1].neurons),
            try net.probe(ensembles[3].neurons, .voltage),
            try net.probe(direct),
        ]
        return (net, probes)
    }

    static func run(seed: Int, threads: Int) throws -> [[Double]] {
        let (net, probes) = try model(seed: seed)
        let sim = try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always)
        #expect(sim.threads == threads)
        try sim.run(steps: 300)
        return try probes.map { try sim.data($0).values }
    }

    @Test func twoBuildsAreBitIdentical() throws {
        let first = try DeterminismTests.run(seed: 5, threads: 1)
        let second = try DeterminismTests.run(seed: 5, threads: 1)
        #expect(first == second)
        let other = try DeterminismTests.run(seed: 6, threads: 1)
        #expect(first != other)
    }

    @Test(arguments: [2, 3])
    func threadCountsAreBitIdentical(threads: Int) throws {
        let serial = try DeterminismTests.run(seed: 5, threads: 1)
        let parallel = try DeterminismTests.run(seed: 5, threads: threads)
        #expect(serial == parallel)
    }

    @Test func resetReplaysTheSameRun() throws {
        let (net, probes) = try DeterminismTests.model(seed: 9)
        let sim = try Simulator(net, threads: 2)
        try sim.run(steps: 100)
        let first = try sim.data(probes[0]).values
        try sim.reset()
        #expect(sim.stepCount == 0)
        #expect(try sim.data(probes[0]).rows == 0)
        try sim.run(steps: 100)
        #expect(try sim.data(probes[0]).values == first)
    }
}
