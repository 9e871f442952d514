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
        try Check.floatFinite([tauRC, tauRef, amplitude], object, tauRC > 3e38 ? "tauRC" : tauRef > 3e38 ? "tauRef" : "amplitude")
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

    /// The rates at `currents + bias` (a row of `bias.count` neurons after another, replaced
    /// in place) computed in Float32 (relative error ~1e-6), for the activities of large
    /// decoder solves, whose Gram matrices are Float32 anyway. The loop body is branch-free
    /// scalar code, which the compiler vectorizes to the target's full width.
    func singlePrecisionRates(currents: inout [Float], bias: [Double]) {
        let n = bias.count
        let amplitude = Float(self.amplitude), tauRef = Float(self.tauRef), tauRC = Float(self.tauRC)
        let shifted = bias.map { Float($0) - 1 }
        let total = currents.count
        currents.withUnsafeMutableBufferPointer { values in
            shifted.withUnsafeBufferPointer { shift in
                guard let values = values.baseAddress, let shift = shift.baseAddress, n > 0 else { return }
                var start = 0
                while start < total {
                    let row = values + start
                    for j in 0..<n {
                        let u = row[j] + shift[j]
                        let active = u > 0
                        let rate = amplitude / (tauRef + tauRC * LIFRateMath.log1pPositive(1 / (active ? u : 1)))
                        row[j] = active ? rate : 0
                    }
                    start += n
                }
            }
        }
    }

    /// `log1p(x)` for positive finite `x`: with `t = 1 + x = m · 2^e` (m in [√½, √2)),
    /// `log1p(x) = e ln 2 + log(m) + (x − (t − 1)) / t`, the last term undoing the rounding of
    /// `1 + x`; `log(m) = 2 atanh(s)`, `s = (m − 1)/(m + 1)`, by its series to `s⁹`
    /// (|s| ≤ 0.172: truncation below 3e-10). About 1 ulp of Float. Branch-free.
    @inline(__always)
    static func log1pPositive(_ x: Float) -> Float {
        let t = 1 + x
        let correction = (x - (t - 1)) / t
        let bits = t.bitPattern
        let large = (bits & 0x007F_FFFF) > 0x0035_04F3  // mantissa of √2
        let exponent = Float(Int32(bitPattern: bits >> 23) - 127 + (large ? 1 : 0))
        let m = Float(bitPattern: (bits & 0x007F_FFFF) | (large ? 0x3F00_0000 : 0x3F80_0000))
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var series: Float = 2.0 / 9
        series = series * s2 + 2.0 / 7
        series = series * s2 + 2.0 / 5
        series = series * s2 + 2.0 / 3
        series = series * s2 + 2
        return exponent * 0.693_147_18 + s * series + correction
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

/// A neuron type whose steady-state rate is the leaky integrate-and-fire curve
/// `r(J) = amplitude / (tauRef + tauRC · ln(1 + 1/(J − 1)))` (``LIF``, ``LIFRate``,
/// ``AdaptiveLIF``, ``AdaptiveLIFRate``; the adaptive ones deliberately ignore adaptation, as
/// Nengo does). Conforming types get ``NeuronType/rates(currents:)``,
/// ``NeuronType/gainBias(maxRates:intercepts:)`` and
/// ``NeuronType/maxRatesIntercepts(gain:bias:)`` from this curve.
public protocol LIFRateCurveNeuron: NeuronType {
    /// Membrane time constant (s).
    var tauRC: Double { get }
    /// Refractory period (s).
    var tauRef: Double { get }
    /// Output scale.
    var amplitude: Double { get }
}

extension LIFRateCurveNeuron {
    var rateMath: LIFRateMath { LIFRateMath(tauRC: tauRC, tauRef: tauRef, amplitude: amplitude) }

    public func rates(currents: [Double]) -> [Double] {
        rateMath.rates(currents: currents)
    }

    /// The gains and biases that give each neuron its max rate at `x = 1` and its
    /// intercept, from the LIF rate curve's inverse: `J(r) = 1 / (1 − exp((τ_ref − 1/r) / τ_RC))`,
    /// `α = (J(max) − 1) / (1 − intercept)`, `β = 1 − α · intercept` (amplitude ignored).
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try rateMath.gainBias(String(describing: Self.self), maxRates: maxRates, intercepts: intercepts)
    }

    /// The inverse of ``gainBias(maxRates:intercepts:)``: `intercept = (1 − β) / α`,
    /// `max rate = 1 / (τ_ref − τ_RC · ln(1 − 1/(α + β)))` (amplitude ignored).
    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        rateMath.maxRatesIntercepts(gain: gain, bias: bias)
    }
}
