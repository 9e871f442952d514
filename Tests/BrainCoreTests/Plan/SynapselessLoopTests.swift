import Testing

@testable import BrainCore

/// Every loop with no synapse is a build error naming the objects on it, whatever its shape.
@Suite("Loops with no synapse")
struct SynapselessLoopTests {
    /// Builds `net` and returns the error's description (nil when it builds).
    static func buildError(_ net: Network) -> String? {
        do {
            _ = try Simulator(net, threads: 1)
            return nil
        } catch {
            #expect(error.kind == .build && error.object == net.name)
            return error.description
        }
    }

    @Test func aPassthroughNodeConnectedToItself() throws {
        let net = try Network(label: "net", seed: 1)
        let p = try net.node(label: "p", sizeIn: 1)
        try net.connect(p, to: p, synapse: nil)
        let error = try #require(Self.buildError(net))
        #expect(error.contains("loop with no delay") && error.contains("Node 'p'"), "\(error)")
    }

    @Test func aDirectEnsembleConnectedToItself() throws {
        let net = try Network(label: "net", seed: 1)
        let d = try net.ensemble(label: "d", neurons: 1, dimensions: 1, neuronType: Direct())
        try net.connect(d, to: d, synapse: nil)
        let error = try #require(Self.buildError(net))
        #expect(error.contains("Ensemble 'd'"), "\(error)")
    }

    @Test func twoPassthroughNodesInALoop() throws {
        let net = try Network(label: "net", seed: 1)
        let p = try net.node(label: "p", sizeIn: 1)
        let q = try net.node(label: "q", sizeIn: 1)
        try net.connect(p, to: q, synapse: nil)
        try net.connect(q, to: p, synapse: nil)
        let error = try #require(Self.buildError(net))
        #expect(error.contains("Node 'p'") && error.contains("Node 'q'"), "\(error)")
    }

    @Test func theSameLoopsWithASynapseBuildAndRun() throws {
        let net = try Network(label: "net", seed: 1)
        let input = try net.node(label: "input", output: 1)
        let p = try net.node(label: "p", sizeIn: 1)
        try net.connect(input, to: p, synapse: nil)
        try net.connect(p, to: p, synapse: 0.1, transform: 0.5)
        let probe = try net.probe(p)
        let sim = try Simulator(net, threads: 1)
        try sim.run(steps: 3000)
        // p = 1 + 0.5·lowpass(p) settles at 2.
        let last = try sim.data(probe).values.last ?? 0
        #expect(abs(last - 2) < 1e-3, "\(last)")
    }
}
