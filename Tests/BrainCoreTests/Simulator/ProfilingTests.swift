import Testing
@testable import BrainCore

/// ``Simulator/startProfiling()`` and ``Simulator/profile``: where steps go, by kind of kernel
/// and thread, without changing a result.
@Suite("Profiling")
struct ProfilingTests {
    @Test(arguments: [1, 2])
    func aProfileAccountsForTheStepsWithoutChangingThem(threads: Int) throws {
        let (plainNet, plainProbes) = try DeterminismTests.model(seed: 3)
        let plain = try Simulator(plainNet, dt: 0.001, seed: nil, threads: threads, sharing: .always)
        try plain.run(steps: 120)

        let (net, probes) = try DeterminismTests.model(seed: 3)
        let sim = try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always)
        #expect(sim.profile == nil)
        try sim.run(steps: 20)
        sim.startProfiling()
        try sim.run(steps: 100)
        let profile = try #require(sim.profile)

        #expect(profile.steps == 100)
        #expect(profile.waitingPerStep.count == threads)
        #expect(profile.entries.allSatisfy { $0.secondsPerStep.count == threads })
        #expect(Set(profile.entries.map(\.kind)).isSuperset(of: ["NeuronKernel", "MatrixVectorKernel", "FilterKernel"]))
        let costliest = profile.entries.map { $0.secondsPerStep.max()! }
        #expect(costliest == costliest.sorted(by: >))
        #expect(costliest[0] > 0)
        #expect(profile.entries.allSatisfy { $0.secondsPerStep.allSatisfy { $0 >= 0 && $0 < 0.1 } })
        #expect(threads == 1 ? profile.waitingPerStep == [0] : profile.waitingPerStep.allSatisfy { $0 >= 0 })
        #expect(profile.description.contains("NeuronKernel"))

        // Restarting starts from zero.
        sim.startProfiling()
        try sim.run(steps: 0)
        #expect(sim.profile?.steps == 0)
        for (a, b) in zip(probes, plainProbes) {
            #expect(try sim.data(a).values == plain.data(b).values)
        }
    }
}
