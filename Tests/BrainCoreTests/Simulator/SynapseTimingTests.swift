import Testing
import BrainTestSupport
import Foundation
@testable import BrainCore

/// Synapses inside a simulator add exactly one step of delay (fixture e, `simulated`).
@Suite("Synapse timing in the simulator")
struct SynapseTimingTests {
    static let cases: [(String, any Synapse)] = [
        ("Lowpass_0.005", try! Lowpass(0.005)),
        ("Alpha_0.005", try! Alpha(0.005)),
        ("Triangle_0.005", try! Triangle(0.005)),
    ]

    @Test(arguments: 0..<3)
    func probeSynapseMatchesNengo(index: Int) throws {
        let (key, synapse) = SynapseTimingTests.cases[index]
        let fixture = try Fixture("e_synapse_step").object(key)
        let expected = fixture.doubles("simulated")
        let net = try Network(seed: 1)
        let step = try net.node(output: 1.0)
        let probe = try net.probe(step, synapse: synapse)
        let sim = try Simulator(net)
        try sim.run(steps: expected.count)
        let recorded = try sim.data(probe).column(0)
        #expect(maxAbsoluteDifference(recorded, expected) < 1e-6, "\(key)")
    }

    @Test(arguments: 0..<3)
    func connectionSynapseMatchesNengo(index: Int) throws {
        let (key, synapse) = SynapseTimingTests.cases[index]
        let expected = try Fixture("e_synapse_step").object(key).doubles("simulated")
        let net = try Network(seed: 1)
        let step = try net.node(output: 1.0)
        let sink = try net.node(sizeIn: 1)
        try net.connect(step, to: sink, synapse: synapse)
        let probe = try net.probe(sink)
        let sim = try Simulator(net)
        try sim.run(steps: expected.count)
        #expect(maxAbsoluteDifference(try sim.data(probe).column(0), expected) < 1e-6, "\(key)")
    }

    @Test func noSynapseHasNoDelayAndLowpassZeroIsOneStep() throws {
        let net = try Network(seed: 1)
        let ramp = try net.node(function: { t in t })
        let direct = try net.node(sizeIn: 1)
        let delayed = try net.node(sizeIn: 1)
        try net.connect(ramp, to: direct, synapse: nil)
        try net.connect(ramp, to: delayed, synapse: try Lowpass(0))
        let p1 = try net.probe(direct), p2 = try net.probe(delayed)
        let sim = try Simulator(net)
        try sim.run(steps: 3)
        let a = try sim.data(p1).column(0), b = try sim.data(p2).column(0)
        #expect(maxAbsoluteDifference(a, [0.001, 0.002, 0.003]) < 1e-9)
        #expect(maxAbsoluteDifference(b, [0, 0.001, 0.002]) < 1e-9)
        #expect(maxAbsoluteDifference(sim.trange(), [0.001, 0.002, 0.003]) < 1e-15)
    }

    @Test func sampleEveryRecordsNengosSteps() throws {
        let net = try Network(seed: 1)
        let ramp = try net.node(function: { t in t })
        let probe = try net.probe(ramp, sampleEvery: 0.0025)
        let sim = try Simulator(net)
        try sim.run(steps: 10)
        // Nengo records steps 3, 5, 8, 10 for sample_every = 2.5 dt.
        #expect(maxAbsoluteDifference(try sim.data(probe).column(0), [0.003, 0.005, 0.008, 0.010]) < 1e-7)
        #expect(maxAbsoluteDifference(sim.trange(sampleEvery: 0.0025), [0.003, 0.005, 0.008, 0.010]) < 1e-12)
    }
}
