import AllocationCounter
import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// The step loop does not allocate: 1000 steps of a mid-size model make no heap allocation on
/// the stepping thread (probe storage, grown in chunks by the first run, is kept across a
/// reset).
@Suite("No allocation per step")
struct AllocationTests {
    @Test(.enabled(if: isOptimizedBuild, "measured in optimized builds (make test)"))
    func thousandStepsOfAMidSizeModelAllocateNothing() throws {
        let net = try Network(label: "mid-size", seed: 12)
        let stimulus = try net.node(function: { t in sin(6 * t) })
        let noise = try net.node(process: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.1)), sizeOut: 2)
        var ensembles: [Ensemble] = []
        for i in 0..<8 {
            ensembles.append(try net.ensemble(label: "e\(i)", neurons: 200, dimensions: 2))
        }
        try net.connect(stimulus, to: ensembles[0][0])
        try net.connect(noise, to: ensembles[0])
        for i in 0..<8 {
            try net.connect(
                ensembles[i], to: ensembles[(i + 1) % 8], synapse: try Alpha(0.01),
                transform: .dense(Matrix([[0.8, -0.2], [0.2, 0.8]])))
        }
        try net.connect(ensembles[3].neurons, to: ensembles[4].neurons, transform: -0.01)
        let lif = try net.ensemble(label: "rate", neurons: 100, dimensions: 1, neuronType: LIFRate())
        try net.connect(ensembles[5][1], to: lif, function: { x in [x[0] * x[0]] })
        let sink = try net.node(label: "sink", sizeIn: 2)
        try net.connect(ensembles[7], to: sink, synapse: try Triangle(0.005))
        try net.probe(ensembles[7], synapse: 0.01)
        try net.probe(ensembles[2].neurons, sampleEvery: 0.005)
        try net.probe(ensembles[1].neurons, .voltage)
        try net.probe(sink)

        let sim = try Simulator(net)
        let allocations = try AllocationTests.allocationsInThousandSteps(sim)
        #expect(allocations == 0, "\(allocations) allocations in 1000 steps")
        #expect(sim.stepCount == 1000)
    }

    /// The same on two threads, through a sparse recurrence (whose parts meet inside the step)
    /// and the chained kernels around it.
    @Test(.enabled(if: isOptimizedBuild, "measured in optimized builds (make test)"))
    func twoThreadsThroughASparseRecurrenceAllocateNothing() throws {
        let (net, population) = try SparseProductTests.sparseRecurrence(neurons: 20_000)
        try net.probe(population.neurons, sampleEvery: 0.01)
        let sim = try Simulator(net, dt: 0.001, seed: nil, threads: 2, sharing: .whenItPays)  // 2 whatever the cores
        #expect(sim.threads == 2)
        let allocations = try AllocationTests.allocationsInThousandSteps(sim)
        #expect(allocations == 0, "\(allocations) allocations in 1000 steps")
    }

    /// Heap allocations on this thread in 1000 steps, after 1000 steps and a reset (so probe
    /// storage has its chunks).
    static func allocationsInThousandSteps(_ sim: Simulator) throws -> Int {
        try sim.run(steps: 1000)
        try sim.reset()
        allocation_counter_start()
        for _ in 0..<1000 { try sim.step() }
        return allocation_counter_stop()
    }

    @Test func theCounterSeesAllocations() {
        allocation_counter_start()
        let values = (0..<100).map { Double($0) }
        let allocations = allocation_counter_stop()
        #expect(values.count == 100)
        #expect(allocations >= 1)
    }
}
