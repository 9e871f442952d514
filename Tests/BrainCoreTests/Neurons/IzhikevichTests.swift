import Testing
import BrainTestSupport
@testable import BrainCore

/// Izhikevich rates (by simulation) and the generic numeric gain/bias search against Nengo
/// (neurons.json, made by make_neurons.py).
@Suite("Izhikevich rates and numeric gain/bias match Nengo")
struct IzhikevichTests {
    static func neuron(_ params: Fixture) throws -> Izhikevich {
        if params.keys().isEmpty { return Izhikevich() }
        return try Izhikevich(
            tauRecovery: params.double("tauRecovery"), coupling: params.double("coupling"),
            resetVoltage: params.double("resetVoltage"), resetRecovery: params.double("resetRecovery"))
    }

    @Test(arguments: ["default", "custom"])
    func ratesGainBiasAndInverseMatchNengo(set: String) throws {
        let f = try Fixture("neurons").object("izhikevich").object(set)
        let neuron = try Self.neuron(f.object("params"))
        #expect(neuron.rates(currents: f.doubles("J")) == f.doubles("rates"))
        let (gain, bias) = try neuron.gainBias(maxRates: f.doubles("max_rates"), intercepts: f.doubles("intercepts"))
        #expect(maxRelativeDifference(gain, f.doubles("gain")) <= 1e-12)
        #expect(maxRelativeDifference(bias, f.doubles("bias")) <= 1e-12)
        let (maxRates, intercepts) = neuron.maxRatesIntercepts(gain: gain, bias: bias)
        #expect(maxRates == f.doubles("roundtrip_max_rates"))
        #expect(maxRelativeDifference(intercepts, f.doubles("roundtrip_intercepts")) <= 1e-12)
    }

    @Test func anUnreachableMaxRateThrows() throws {
        let rate = try Fixture("neurons").double("izhikevich_unreachable_max_rate")
        #expect {
            _ = try Izhikevich().gainBias(maxRates: [100, rate], intercepts: [0, 0])
        } throws: { error in
            let error = error as? BrainKitError
            return error?.kind == .validation && error?.object == "Izhikevich" && error?.parameter == "maxRates"
        }
    }

    @Test func numpyInterpolationRules() {
        let xp: [Double] = [0, 0, 1, 1, 1, 3]
        let fp: [Double] = [10, 11, 12, 13, 14, 16]
        #expect(NumericRates.interpolate(-1, xp: xp, fp: fp) == 10)
        #expect(NumericRates.interpolate(0, xp: xp, fp: fp) == 11)
        #expect(NumericRates.interpolate(1, xp: xp, fp: fp) == 14)
        #expect(NumericRates.interpolate(2, xp: xp, fp: fp) == 15)
        #expect(NumericRates.interpolate(5, xp: xp, fp: fp) == 16)
        let grid = NumericRates.linspace(-10, 10, count: 101)
        #expect(grid.first == -10 && grid.last == 10 && grid[50] == 0 && grid[1] == 1 * 0.2 - 10)
    }
}
