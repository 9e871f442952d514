import BrainBiophysics
import BrainCore
import BrainTestSupport
import Foundation
import Testing

/// The Float ensemble step (`step`), driven directly.
@Suite("AdEx step")
struct AdExStepTests {
    /// Runs `neuron.step` on one neuron from `V = EL` (mV), `w = 0` for `steps` steps of `dt`
    /// seconds with constant input `current` (nA); returns the start times (ms) of the steps
    /// that spiked (one entry per spike) and the voltage (mV) at the start of every step.
    static func run(
        _ neuron: AdEx, current: Float, dt: Double, steps: Int
    ) -> (spikes: [Double], voltage: [Double]) {
        var state: [Float] = [Float(neuron.restingPotential / SI.millivolt), 0, 0]
        let input: [Float] = [current]
        var output: [Float] = [0]
        var spikes: [Double] = []
        var voltage: [Double] = []
        for k in 0..<steps {
            voltage.append(Double(state[0]))
            input.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { output in
                    state.withUnsafeMutableBufferPointer { state in
                        neuron.step(
                            dt: dt, count: 1, current: input.baseAddress!, output: output.baseAddress!,
                            state: state.baseAddress!, stateStride: 1)
                    }
                }
            }
            let count = Int((Double(output[0]) * dt).rounded())
            for _ in 0..<count { spikes.append(Double(k) * dt / SI.millisecond) }
        }
        return (spikes, voltage)
    }

    /// At dt = 0.1 ms (one sub-step per step) the Float step reproduces Brian2's Euler run:
    /// same spike count, spike times within 0.5 ms, voltage within 2 mV RMS outside peaks.
    @Test func floatStepMatchesBrian2() throws {
        let reference = try #require(try AdExBrian2Reference.load().runs["euler_dt0.1"])
        let (spikes, voltage) = Self.run(try AdEx.bretteGerstner2005(), current: 1.5, dt: 1e-4, steps: 5000)
        #expect(spikes.count == reference.spikeTimesMs.count)
        let timing = maxAbsoluteDifference(spikes, reference.spikeTimesMs)
        #expect(timing <= 0.5, "spike times differ by up to \(timing) ms")
        let outside = AdExComparison.samplesOutsidePeaks(
            count: voltage.count, sampleDt: 0.1, spikesA: spikes, spikesB: reference.spikeTimesMs)
        let voltageRMS = AdExComparison.rms(voltage, reference.vmMV, at: outside)
        #expect(voltageRMS <= 2, "voltage RMS \(voltageRMS) mV")
        print("AdEx Float step vs Brian2 (dt 0.1 ms): max spike-time difference \(timing) ms, V RMS \(voltageRMS) mV")
    }

    /// At the simulator's usual dt = 1 ms the step takes ten 0.1 ms sub-steps, so each spike
    /// lands in the 1 ms step that contains Brian2's 0.1 ms spike time.
    @Test func subStepsKeepSpikesInTheRightStep() throws {
        let reference = try #require(try AdExBrian2Reference.load().runs["euler_dt0.1"])
        let (spikes, _) = Self.run(try AdEx.bretteGerstner2005(), current: 1.5, dt: 1e-3, steps: 500)
        let expected = reference.spikeTimesMs.map { ($0 + 1e-6).rounded(.down) }
        #expect(spikes == expected)
    }

    /// A refractory period in the step matches Brian2's `refractory` with the voltage held.
    @Test func refractoryStepMatchesBrian2() throws {
        let reference = try #require(try AdExBrian2Reference.load().runs["euler_dt0.1_refractory2"])
        let cell = try AdExBrian2Tests.cell(refractoryMs: 2)
        let (spikes, _) = Self.run(cell, current: 1.5, dt: 1e-4, steps: 5000)
        #expect(spikes.count == reference.spikeTimesMs.count)
        #expect(maxAbsoluteDifference(spikes, reference.spikeTimesMs) <= 0.5)
    }

    /// Huge currents (the gain search tries up to 5120 nA) keep the Float state finite with
    /// both methods: the neuron fires on every sub-step it is not refractory.
    @Test(arguments: AdExIntegrationMethod.allCases)
    func hugeCurrentsStayFinite(_ method: AdExIntegrationMethod) throws {
        let cell = try AdEx.bretteGerstner2005(integrationMethod: method)
        for current: Float in [5120, -5120, 1e6] {
            var state: [Float] = [-70.6, 0, 0]
            let input = [current]
            var output: [Float] = [0]
            for _ in 0..<100 {
                input.withUnsafeBufferPointer { input in
                    output.withUnsafeMutableBufferPointer { output in
                        state.withUnsafeMutableBufferPointer { state in
                            cell.step(
                                dt: 1e-3, count: 1, current: input.baseAddress!, output: output.baseAddress!,
                                state: state.baseAddress!, stateStride: 1)
                        }
                    }
                }
                #expect(state.allSatisfy { $0.isFinite }, "state \(state) at J = \(current)")
                #expect(output[0].isFinite)
            }
            if current > 0 {
                #expect(output[0] == 10 / 1e-3, "\(output[0]) Hz at J = \(current)")
            } else {
                #expect(output[0] == 0)
            }
        }
    }
}
