import Testing
import BrainTestSupport
@testable import BrainCore

/// Closed-form gain/bias and their inverses against Nengo (fixture b).
@Suite("Neuron gain and bias match Nengo")
struct NeuronGainBiasTests {
    static func neuron(_ name: String) throws -> any NeuronType {
        switch name {
        case "LIF": LIF()
        case "LIFRate": LIFRate()
        case "LIF_tau_rc_0.05_tau_ref_0.001": try LIF(tauRC: 0.05, tauRef: 0.001)
        case "RectifiedLinear": RectifiedLinear()
        case "SpikingRectifiedLinear": SpikingRectifiedLinear()
        case "Sigmoid": Sigmoid()
        case "Tanh": Tanh()
        default: throw FixtureError.malformed(name)
        }
    }

    /// Relative difference where both are numbers; NaN (JSON null) must match NaN.
    static func matches(_ actual: [Double], _ expected: [Double]) -> Bool {
        guard actual.count == expected.count else { return false }
        for (x, y) in zip(actual, expected) {
            if y.isNaN {
                if !x.isNaN { return false }
            } else if x != y && !(abs(x - y) <= 1e-12 * abs(y)) {
                return false
            }
        }
        return true
    }

    @Test func gainBiasAndRoundTripMatchFixtureB() throws {
        let b = try Fixture("b_gain_bias")
        let maxRates = b.doubles("max_rates")
        let intercepts = b.doubles("intercepts")
        let types = b.object("types")
        #expect(types.keys().count == 7)
        for name in types.keys() {
            let expected = types.object(name)
            let neuron = try Self.neuron(name)
            let (gain, bias) = try neuron.gainBias(maxRates: maxRates, intercepts: intercepts)
            #expect(Self.matches(gain, expected.doubles("gain")), "\(name) gain \(gain)")
            #expect(Self.matches(bias, expected.doubles("bias")), "\(name) bias \(bias)")
            let roundTrip = neuron.maxRatesIntercepts(gain: gain, bias: bias)
            #expect(Self.matches(roundTrip.maxRates, expected.doubles("roundtrip_max_rates")), "\(name) max rates")
            #expect(Self.matches(roundTrip.intercepts, expected.doubles("roundtrip_intercepts")), "\(name) intercepts")
        }
    }

    @Test func sigmoidAtHalfSaturationHasZeroGain() throws {
        let (gain, _) = try Sigmoid().gainBias(maxRates: [200, 100], intercepts: [0, 0])
        #expect(gain[0] == 0 && gain[1] < 0)
    }

    @Test func adaptiveTypesUseTheLIFRateCurve() throws {
        let maxRates = [50.0, 200, 400]
        let intercepts = [-0.5, 0, 0.5]
        let lif = try LIFRate(tauRC: 0.03, tauRef: 0.001).gainBias(maxRates: maxRates, intercepts: intercepts)
        for neuron: any NeuronType in [
            try AdaptiveLIF(tauN: 0.1, incN: 0.5, tauRC: 0.03, tauRef: 0.001),
            try AdaptiveLIFRate(tauN: 0.1, incN: 0.5, tauRC: 0.03, tauRef: 0.001),
        ] {
            let adaptive = try neuron.gainBias(maxRates: maxRates, intercepts: intercepts)
            #expect(adaptive.gain == lif.gain && adaptive.bias == lif.bias)
            let back = neuron.maxRatesIntercepts(gain: adaptive.gain, bias: adaptive.bias)
            #expect(maxRelativeDifference(back.maxRates, maxRates) < 1e-12)
        }
    }

    @Test func maxRatesAtOrAboveTheInverseRefractoryPeriodThrow() {
        let cases: [(any NeuronType, Double, String)] = [
            (LIF(), 500, "LIF: maxRates must be below the inverse refractory period (500.000)"),
            (LIFRate(), 600, "LIFRate: maxRates must be below the inverse refractory period (500.000)"),
            (AdaptiveLIF(), 500, "AdaptiveLIF: maxRates must be below the inverse refractory period (500.000)"),
            (Sigmoid(), 400, "Sigmoid: maxRates must be below the inverse refractory period (400.000)"),
            (Tanh(), 400, "Tanh: maxRates must be below the inverse refractory period (400.000)"),
        ]
        for (neuron, rate, message) in cases {
            #expect {
                _ = try neuron.gainBias(maxRates: [100, rate], intercepts: [0, 0])
            } throws: { error in
                (error as? BrainKitError)?.kind == .validation && "\(error)" == message
            }
        }
        #expect((try? LIF().gainBias(maxRates: [499.9], intercepts: [0])) != nil)
        #expect((try? LIFRate(tauRef: 0).gainBias(maxRates: [1e6], intercepts: [0])) != nil)
    }

    @Test func mismatchedCountsThrow() {
        #expect(throws: BrainKitError.self) { _ = try LIF().gainBias(maxRates: [100, 200], intercepts: [0]) }
        #expect(throws: BrainKitError.self) { _ = try Tanh().gainBias(maxRates: [100], intercepts: []) }
    }

    @Test func directHasNoGainOrBias() throws {
        let (gain, bias) = try Direct().gainBias(maxRates: [100], intercepts: [0])
        #expect(gain.isEmpty && bias.isEmpty)
        let (maxRates, intercepts) = Direct().maxRatesIntercepts(gain: [1], bias: [0])
        #expect(maxRates.isEmpty && intercepts.isEmpty)
    }
}
