import Foundation

/// The leaky integrate-and-fire rate curve and its inverse, shared by ``LIFRate``, ``LIF``,
/// ``AdaptiveLIFRate`` and ``AdaptiveLIF`` (the adaptive types deliberately use the
/// non-adaptive curve, as Nengo does).
struct LIFRateMath {
    /// Membrane time constant (s).
    let tauRC: Double
    /// Refractory period (s).
    let tauRef: Double
    /// Output scale.
    let amplitude: Double

    /// Checks the parameters every LIF-family type shares: `tauRC > 0`, `tauRef >= 0`,
    /// `amplitude > 0`.
    static func validate(_ object: String, tauRC: Double, tauRef: Double, amplitude: Double) throws(BrainKitError) {
        try Check.greaterThan(tauRC, 0, object, "tauRC")
        try Check.atLeast(tauRef, 0, object, "tauRef")
        try Check.greaterThan(amplitude, 0, object, "amplitude")
    }

    /// `r(J) = amplitude / (tauRef + tauRC * log1p(1 / (J - 1)))` for `J > 1`, else 0 (Hz).
    func rates(currents: [Double]) -> [Double] {
        currents.map { current in
            let j = current - 1
            return j > 0 ? amplitude / (tauRef + tauRC * log1p(1 / j)) : 0
        }
    }

    /// `z = 1 / (1 - exp((tauRef - 1/maxRate) / tauRC))` is the current that fires at
    /// `maxRate`; `gain = (1 - z) / (intercept - 1)` and `bias = 1 - gain * intercept` put
    /// `J = 1` at `x = intercept` and `J = z` at `x = 1`. Ignores `amplitude`.
    func gainBias(
        _ object: String, maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try Check.count(intercepts.count, maxRates.count, object, "intercepts")
        try NeuronRateChecks.belowInverseRefractoryPeriod(maxRates, tauRef: tauRef, object)
        var gain = [Double](repeating: 0, count: maxRates.count)
        var bias = gain
        for i in 0..<maxRates.count {
            let z = 1 / (1 - exp((tauRef - 1 / maxRates[i]) / tauRC))
            gain[i] = (1 - z) / (intercepts[i] - 1)
            bias[i] = 1 - gain[i] * intercepts[i]
        }
        return (gain, bias)
    }

    /// The same rates computed in Float32 (about twice as fast; relative error ~1e-7), for the
    /// activities of large decoder solves, whose Gram matrices are Float32 anyway.
    func singlePrecisionRates(currents: [Double]) -> [Double] {
        let amplitude = Float(self.amplitude), tauRef = Float(self.tauRef), tauRC = Float(self.tauRC)
        return currents.map { current in
            let j = Float(current) - 1
            return j > 0 ? Double(amplitude / (tauRef + tauRC * log1pf(1 / j))) : 0
        }
    }

    /// `intercept = (1 - bias) / gain` and
    /// `maxRate = 1 / (tauRef - tauRC * log1p(1 / (gain * (intercept - 1) - 1)))`;
    /// non-finite (NaN) where `gain` is too small to ever fire.
    func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        precondition(gain.count == bias.count, "maxRatesIntercepts: gain and bias differ in length")
        var maxRates = [Double](repeating: 0, count: gain.count)
        var intercepts = maxRates
        for i in 0..<gain.count {
            intercepts[i] = (1 - bias[i]) / gain[i]
            maxRates[i] = 1 / (tauRef - tauRC * log1p(1 / (gain[i] * (intercepts[i] - 1) - 1)))
        }
        return (maxRates, intercepts)
    }
}

/// The neuron types whose rate curve is the LIF one (``LIF``, ``LIFRate``, ``AdaptiveLIF``,
/// ``AdaptiveLIFRate``), so the build can compute their activities in single precision.
protocol LIFRateCurve {
    var rateMath: LIFRateMath { get }
}

extension LIF: LIFRateCurve {}
extension LIFRate: LIFRateCurve {}
extension AdaptiveLIF: LIFRateCurve {}
extension AdaptiveLIFRate: LIFRateCurve {}
