import Foundation
import Testing
@testable import BrainCore

/// A LIF population's silent blocks owe their refractory time only while nothing reads it, and
/// the simulation is the same bits either way; a reset forgets what was owed.
@Suite("Silent blocks owing their refractory time")
struct SilentBlockOwingTests {
    /// 3,000 LIF neurons driven by a sine, inhibited through their neurons (`-60 · ones`, below
    /// any neuron's bias and drive) before 0.05 s, from 0.1 to 0.2 s and from 0.3 s on (silent
    /// then, so blocks owe at the end of a run); probes on the spikes and the voltage, and on
    /// the refractory time when `probingRefractoryTime`.
    static func simulator(probingRefractoryTime: Bool, threads: Int = 1) throws -> (Simulator, [Probe]) {
        let net = try Network(label: "inhibited", seed: 5)
        let drive = try net.node(function: { t in sin(20 * t) })
        let inhibition = try net.node(function: { t in t < 0.05 || (0.1..<0.2).contains(t) || t >= 0.3 ? 1 : 0 })
        let population = try net.ensemble(label: "population", neurons: 3000, dimensions: 1)
        try net.connect(drive, to: population)
        try net.connect(
            inhibition, to: population.neurons, synapse: nil,
            transform: .dense(Matrix(rows: 3000, columns: 1, repeating: -60)))
        var probes = [try net.probe(population.neurons), try net.probe(population.neurons, .voltage)]
        if probingRefractoryTime { probes.append(try net.probe(population.neurons, .refractoryTime)) }
        return (try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always), probes)
    }

    static func data(_ sim: Simulator, _ probes: [Probe]) throws -> [[UInt64]] {
        try probes.prefix(2).map { try sim.data($0).values.map(\.bitPattern) }
    }

    /// Unprobed, the population's blocks owe; probed, they do not; spikes and voltages are the
    /// same bits, on one thread and on two.
    @Test(arguments: [1, 2])
    func owingChangesNoValue(threads: Int) throws {
        let (owing, owingProbes) = try Self.simulator(probingRefractoryTime: false, threads: threads)
        let (paying, payingProbes) = try Self.simulator(probingRefractoryTime: true, threads: threads)
        #expect(owing.neuronKernelsOwingSilentBlocks > 0)
        #expect(paying.neuronKernelsOwingSilentBlocks == 0)
        #expect(owing.threads == threads)
        try owing.run(seconds: 0.5)
        try paying.run(seconds: 0.5)
        let spikes = try owing.data(owingProbes[0]).values
        #expect(spikes.contains { $0 != 0 })
        #expect(try Self.data(owing, owingProbes) == Self.data(paying, payingProbes))
        // The inhibition silences the population: its refractory time falls steadily then.
        let refractory = try paying.data(payingProbes[2])
        #expect(refractory.values.suffix(3000).allSatisfy { $0 < -0.1 })
    }

    /// A run that ends with blocks owing, a reset, and the run again: the same bits as the
    /// first run. The reset's voltages are not +0 and the run starts inhibited, so a block
    /// still owing would leave its voltages where the reset put them instead of letting them
    /// decay.
    @Test func aResetForgetsWhatWasOwed() throws {
        let (sim, probes) = try Self.simulator(probingRefractoryTime: false)
        try sim.run(seconds: 0.5)
        let first = try Self.data(sim, probes)
        try sim.reset()
        try sim.run(seconds: 0.5)
        #expect(try Self.data(sim, probes) == first)
    }
}
