import Foundation
import Testing
@testable import BrainCore

/// How the executor lays a step out over two threads.
@Suite("Executor phases")
struct PhaseTests {
    /// A ring of ensembles with a noise input: each thread's neurons start where its encoders
    /// end, so the encoders and the neurons run without a barrier between them (the first
    /// ensemble, whose input also adds the noise, steps a level later with its own phases).
    @Test func encodersAndNeuronsShareAPhase() throws {
        let net = try Network(seed: 8)
        let noise = try net.node(process: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.1)), sizeOut: 4)
        let ring = try (0..<8).map { _ in try net.ensemble(neurons: 2000, dimensions: 4, evalPointCount: 200) }
        try net.connect(noise, to: ring[0])
        for i in 0..<8 { try net.connect(ring[i], to: ring[(i + 1) % 8], synapse: 0.01, transform: .scalar(0.9)) }
        let probe = try net.probe(ring[7], synapse: 0.01)
        let parallel = try Simulator(net, dt: 0.001, seed: nil, threads: 2, sharing: .whenItPays)  // 2 whatever the cores
        #expect(parallel.threads == 2)
        // At most: encoders and neurons; decoders; synapses and the first ensemble; its
        // decoders (phases with no memory between threads join further).
        #expect(parallel.barriersPerStep <= 4)
        let serial = try Simulator(net, threads: 1)
        try serial.run(steps: 50)
        try parallel.run(steps: 50)
        #expect(try serial.data(probe).values == parallel.data(probe).values)
    }
}
