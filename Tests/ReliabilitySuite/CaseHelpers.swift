import BrainCore

/// Small models the cases attack.
enum Models {
    /// An empty seeded network.
    static func network(_ label: String = "model") throws -> Network {
        try Network(label: label, seed: 1)
    }

    /// A network with one 10-neuron ensemble `a` fed by a constant node and probed.
    static func oneEnsemble(neuronType: (any NeuronType)? = nil) throws -> (Network, Ensemble) {
        let net = try network()
        let input = try net.node(label: "input", output: 0.5)
        let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1, neuronType: neuronType)
        try net.connect(input, to: a)
        try net.probe(a, synapse: 0.01)
        return (net, a)
    }

    /// Builds `net` and runs it for `seconds`.
    static func run(_ net: Network, seconds: Double = 0.01, dt: Double = 0.001) throws {
        let sim = try Simulator(net, dt: dt, threads: 1)
        try sim.run(seconds: seconds)
    }
}

import Foundation

/// Temporary directories for cases that stream.
enum FileManagerShim {
    static func temporaryDirectory(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(getpid())-\(UUID().uuidString)")
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
