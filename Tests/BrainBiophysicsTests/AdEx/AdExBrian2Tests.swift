import BrainBiophysics
import BrainTestSupport
import Foundation
import Testing

/// The talk's AdEx cell (I = 1.5 nA, 500 ms, from V = EL, w = 0) against Brian2 2.9 at the same
/// dt and method: spike counts equal, the first five spike times within 0.5 ms, and the voltage
/// within 2 mV RMS outside spike peaks (samples farther than 1 ms from every spike, see
/// ``AdExComparison/samplesOutsidePeaks(count:sampleDt:spikesA:spikesB:)``).
@Suite("AdEx against Brian2")
struct AdExBrian2Tests {
    struct Case: Sendable, CustomStringConvertible {
        let run: String
        let method: AdExIntegrationMethod
        let dtMs: Double
        let refractoryMs: Double
        var description: String { run }
    }

    static let cases = [
        Case(run: "euler_dt0.1", method: .euler, dtMs: 0.1, refractoryMs: 0),
        Case(run: "euler_dt0.025", method: .euler, dtMs: 0.025, refractoryMs: 0),
        Case(run: "rk4_dt0.1", method: .rk4, dtMs: 0.1, refractoryMs: 0),
        Case(run: "euler_dt0.1_refractory2", method: .euler, dtMs: 0.1, refractoryMs: 2),
    ]

    static func cell(refractoryMs: Double) throws -> AdEx {
        try AdEx(
            capacitance: 281 * SI.picofarad, leakConductance: 30 * SI.nanosiemens,
            restingPotential: -70.6 * SI.millivolt, thresholdPotential: -50.4 * SI.millivolt,
            slopeFactor: 2 * SI.millivolt, adaptationTimeConstant: 144 * SI.millisecond,
            subthresholdAdaptation: 4 * SI.nanosiemens, spikeTriggeredAdaptation: 0.0805 * SI.nanoampere,
            resetPotential: -70.6 * SI.millivolt, refractoryPeriod: refractoryMs * SI.millisecond)
    }

    @Test func brian2PicksEulerForThisModel() throws {
        let reference = try AdExBrian2Reference.load()
        #expect(reference.runs["euler_dt0.1"]?.methodUsed == "euler")
        #expect(try AdEx.bretteGerstner2005().integrationMethod == .euler)
    }

    @Test(arguments: cases)
    func matchesBrian2(_ testCase: Case) throws {
        let reference = try #require(try AdExBrian2Reference.load().runs[testCase.run])
        #expect(reference.dtMs == testCase.dtMs && reference.refractoryMs == testCase.refractoryMs)
        let cell = try Self.cell(refractoryMs: testCase.refractoryMs)
        let trace = try cell.simulate(
            current: 1.5 * SI.nanoampere, duration: 0.5, dt: testCase.dtMs * SI.millisecond, method: testCase.method)
        let spikes = trace.spikeTimes.map { $0 / SI.millisecond }
        let expected = reference.spikeTimesMs
        #expect(spikes.count == expected.count, "\(spikes.count) spikes, Brian2 \(expected.count)")
        let firstFive = maxAbsoluteDifference(Array(spikes.prefix(5)), Array(expected.prefix(5)))
        #expect(firstFive <= 0.5, "first five spike times differ by up to \(firstFive) ms")
        let allSpikes = maxAbsoluteDifference(spikes, expected)
        #expect(allSpikes <= 0.5, "spike times differ by up to \(allSpikes) ms")

        // Our samples every 0.1 ms (every `stride` steps), as Brian2's monitor.
        let stride = Int((reference.sampleDtMs / testCase.dtMs).rounded())
        let sampled = Swift.stride(from: 0, to: trace.voltage.count, by: stride)
        let voltage = sampled.map { trace.voltage[$0] / SI.millivolt }
        let adaptation = sampled.map { trace.adaptation[$0] / SI.nanoampere }
        #expect(voltage.count == reference.vmMV.count)
        let outside = AdExComparison.samplesOutsidePeaks(
            count: min(voltage.count, reference.vmMV.count), sampleDt: reference.sampleDtMs,
            spikesA: spikes, spikesB: expected)
        #expect(outside.count > voltage.count / 2)
        let voltageRMS = AdExComparison.rms(voltage, reference.vmMV, at: outside)
        let adaptationRMS = AdExComparison.rms(adaptation, reference.wNA, at: outside)
        #expect(voltageRMS <= 2, "voltage RMS \(voltageRMS) mV outside spike peaks")
        #expect(adaptationRMS <= 0.01, "adaptation RMS \(adaptationRMS) nA outside spike peaks")
        print(
            "AdEx vs Brian2 \(testCase.run): \(spikes.count)/\(expected.count) spikes, max spike-time difference "
                + "\(allSpikes) ms, V RMS \(voltageRMS) mV, w RMS \(adaptationRMS) nA (outside peaks)")
    }
}
