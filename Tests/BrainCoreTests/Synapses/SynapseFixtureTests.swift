import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// Lowpass, Alpha and Triangle against Nengo's `filt` and discrete state space (fixture e).
@Suite("Synapses match Nengo's filt (fixture e)")
struct SynapseFixtureTests {
    let e: Fixture
    let dt: Double
    let step: [Double]

    init() throws {
        e = try Fixture("e_synapse_step")
        dt = e.double("dt")
        step = [Double](repeating: 1, count: Int(e.double("n_steps")))
    }

    @Test func lowpassDecayIsExpOfMinusDtOverTau() throws {
        let filter = try Lowpass(0.005).discretized(dt: 0.001)
        #expect(filter.stateCount == 1 && filter.d == 0)
        #expect(abs(filter.a[0, 0] - 0.8187307530779818) <= 1e-15)
    }

    @Test func lowpassStepResponseIsOneMinusAToTheK() throws {
        let y = try Lowpass(0.005).filter(step, dt: dt)
        let a = 0.8187307530779818
        let expected = (1...step.count).map { 1 - pow(a, Double($0)) }
        #expect(maxAbsoluteDifference(y, expected) < 1e-14)
    }

    @Test(arguments: ["Lowpass_0.005", "Alpha_0.005"])
    func discreteStateSpaceMatchesNengo(_ name: String) throws {
        let reference = e.object(name).object("discrete_ss")
        let synapse: any Synapse = name.hasPrefix("Lowpass") ? try Lowpass(0.005) : try Alpha(0.005)
        let filter = try synapse.discretized(dt: dt)
        #expect(maxRelativeDifference(filter.a.values, reference.matrix("A").flatMap { $0 }) < 1e-14)
        #expect(maxRelativeDifference(filter.b, reference.doubles("B")) < 1e-14)
        #expect(filter.c == reference.matrix("C").flatMap { $0 })
        #expect(filter.d == reference.doubles("D")[0])
        #expect(filter.isAdvancedForm)
    }

    @Test(arguments: ["Lowpass_0.005", "Alpha_0.005", "Triangle_0.005"])
    func stepResponseMatchesNengo(_ name: String) throws {
        let y = try synapse(name).filter(step, dt: dt)
        #expect(maxAbsoluteDifference(y, e.object(name).doubles("filt")) < 1e-14)
    }

    @Test(arguments: ["Lowpass_0.005", "Alpha_0.005"])
    func impulseResponseMatchesNengo(_ name: String) throws {
        var impulse = [Double](repeating: 0, count: step.count)
        impulse[0] = 1 / dt
        let y = try synapse(name).filter(impulse, dt: dt)
        #expect(maxRelativeDifference(y, e.object(name).doubles("impulse_filt")) < 1e-13)
    }

    /// In a simulation the value downstream at step k is `filt(u)[k−1]` (one step of delay).
    @Test(arguments: ["Lowpass_0.005", "Alpha_0.005", "Triangle_0.005"])
    func simulatedIsFiltDelayedByOneStep(_ name: String) throws {
        let y = try synapse(name).filter(step, dt: dt)
        let simulated = e.object(name).doubles("simulated")
        #expect(simulated[0] == 0)
        #expect(maxAbsoluteDifference(Array(y.dropLast()), Array(simulated.dropFirst())) < 1e-14)
    }

    private func synapse(_ name: String) throws -> any Synapse {
        switch name {
        case "Lowpass_0.005": return try Lowpass(0.005)
        case "Alpha_0.005": return try Alpha(0.005)
        default: return try Triangle(0.005)
        }
    }
}
