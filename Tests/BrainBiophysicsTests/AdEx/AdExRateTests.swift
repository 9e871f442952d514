import BrainBiophysics
import BrainCore
import BrainTestSupport
import Foundation
import Testing

/// The simulated, tabulated rate curve and the numeric gain/bias on it.
@Suite("AdEx rates and gain/bias")
struct AdExRateTests {
    /// Silent below rheobase, then increasing; 1.5 nA gives the talk cell's adapted rate
    /// (its late ISI in Brian2's run is 17.8 ms, ~56 Hz).
    @Test func rateCurveShape() throws {
        let cell = try AdEx.bretteGerstner2005()
        let currents = stride(from: -2.0, through: 10.0, by: 0.5).map { $0 }
        let rates = cell.rates(currents: currents)
        #expect(rates.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 <= $1 }, "\(rates)")
        #expect(cell.rates(currents: [0, 0.5]) == [0, 0])
        let adapted = cell.rates(currents: [1.5])[0]
        #expect(abs(adapted - 1000 / 17.8) < 2, "\(adapted) Hz at 1.5 nA")
        #expect(cell.rates(currents: [.nan])[0].isNaN)
    }

    /// The curve agrees with a long single-cell simulation (Double, dt 0.1 ms) at a few
    /// currents: the mean late inter-spike interval.
    @Test func rateCurveMatchesSimulation() throws {
        let cell = try AdEx.bretteGerstner2005()
        for current in [0.8, 2.0, 4.0] {
            let trace = try cell.simulate(current: current * SI.nanoampere, duration: 2)
            let late = trace.spikeTimes.filter { $0 >= 1 }
            let first = try #require(late.first), last = try #require(late.last)
            let simulated = Double(late.count - 1) / (last - first)
            let curve = cell.rates(currents: [current])[0]
            #expect(abs(curve - simulated) <= 0.02 * simulated + 0.5, "\(curve) vs \(simulated) Hz at \(current) nA")
        }
    }

    /// Gain and bias put each neuron's threshold at its intercept and its rate at x = 1 near
    /// its max rate; the inverse recovers both.
    @Test func gainBiasRoundTrip() throws {
        let cell = try AdEx.bretteGerstner2005()
        let maxRates = [100.0, 200, 300, 400]
        let intercepts = [-0.5, 0, 0.3, 0.8]
        let (gain, bias) = try cell.gainBias(maxRates: maxRates, intercepts: intercepts)
        let atOne = cell.rates(currents: zip(gain, bias).map { $0 + $1 })
        #expect(maxRelativeDifference(atOne, maxRates) <= 0.03, "\(atOne)")
        let (recoveredRates, recoveredIntercepts) = cell.maxRatesIntercepts(gain: gain, bias: bias)
        #expect(maxRelativeDifference(recoveredRates, maxRates) <= 0.03)
        #expect(maxAbsoluteDifference(recoveredIntercepts, intercepts) <= 0.03, "\(recoveredIntercepts)")
    }

    /// A 10 ms refractory period caps the rate at 100 Hz: asking for 200 Hz is a typed error
    /// naming `maxRates`, at gainBias and when an ensemble is built.
    @Test func unreachableMaxRateIsATypedError() throws {
        let cell = try AdExValidationTests.cell(refractoryPeriod: 0.01)
        do {
            _ = try cell.gainBias(maxRates: [50, 200], intercepts: [0, 0])
            Issue.record("no error")
        } catch {
            #expect(error.kind == .validation && error.object == "AdEx" && error.parameter == "maxRates")
            #expect(error.message.contains("cannot be reached"), "\(error)")
            #expect(error.message.contains("refractory"), "\(error)")
        }
        let net = try Network(label: "too fast", seed: 1)
        _ = try net.ensemble(neurons: 5, dimensions: 1, maxRates: Uniform(200, 300), neuronType: cell)
        do {
            _ = try Simulator(net)
            Issue.record("no error at build")
        } catch {
            #expect(error.parameter == "maxRates" && error.message.contains("cannot be reached"), "\(error)")
            print("AdEx unreachable max rate: \(error)")
        }
    }

    @Test func gainBiasRejectsBadMaxRates() throws {
        let cell = try AdEx.bretteGerstner2005()
        #expect(throws: BrainKitError.self) { _ = try cell.gainBias(maxRates: [0], intercepts: [0]) }
        #expect(throws: BrainKitError.self) { _ = try cell.gainBias(maxRates: [100, 200], intercepts: [0]) }
    }
}
