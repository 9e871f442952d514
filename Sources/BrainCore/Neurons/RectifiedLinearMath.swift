/// The rectified linear rate curve and its inverse, shared by ``RectifiedLinear`` and
/// ``SpikingRectifiedLinear``.
enum RectifiedLinearMath {
    /// `amplitude * max(0, J)` (Hz).
    static func rates(currents: [Double], amplitude: Double) -> [Double] {
        currents.map { amplitude * max(0, $0) }
    }

    /// `gain = maxRate / (1 - intercept)`, `bias = -intercept * gain`. Ignores `amplitude`.
    static func gainBias(
        _ object: String, maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try Check.count(intercepts.count, maxRates.count, object, "intercepts")
        var gain = [Double](repeating: 0, count: maxRates.count)
        var bias = gain
        for i in 0..<maxRates.count {
            gain[i] = maxRates[i] / (1 - intercepts[i])
            bias[i] = -intercepts[i] * gain[i]
        }
        return (gain, bias)
    }

    /// `intercept = -bias / gain`, `maxRate = gain * (1 - intercept)`.
    static func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        precondition(gain.count == bias.count, "maxRatesIntercepts: gain and bias differ in length")
        var maxRates = [Double](repeating: 0, count: gain.count)
        var intercepts = maxRates
        for i in 0..<gain.count {
            intercepts[i] = -bias[i] / gain[i]
            maxRates[i] = gain[i] * (1 - intercepts[i])
        }
        return (maxRates, intercepts)
    }
}
