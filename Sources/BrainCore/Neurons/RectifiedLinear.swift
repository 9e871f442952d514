/// A rectified linear rate neuron (Nengo's `RectifiedLinear`): `r(J) = amplitude * max(0, J)`.
///
/// `gainBias` makes the rate 0 at `x = intercept` and `maxRate` at `x = 1`:
/// `gain = maxRate / (1 - intercept)`, `bias = -intercept * gain`. No state.
public struct RectifiedLinear: NeuronType {
    /// Scales the output, > 0.
    public let amplitude: Double

    /// Nengo's default: `amplitude = 1`.
    public init() {
        amplitude = 1
    }

    /// - Parameter amplitude: output scale, > 0.
    /// - Throws: ``BrainKitError`` (validation) when `amplitude` is not > 0.
    public init(amplitude: Double = 1) throws(BrainKitError) {
        try Check.greaterThan(amplitude, 0, "RectifiedLinear", "amplitude")
        self.amplitude = amplitude
    }

    public var isSpiking: Bool { false }

    public var stateVariables: [NeuronStateVariable] { [] }

    public func rates(currents: [Double]) -> [Double] {
        RectifiedLinearMath.rates(currents: currents, amplitude: amplitude)
    }

    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try RectifiedLinearMath.gainBias("RectifiedLinear", maxRates: maxRates, intercepts: intercepts)
    }

    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        RectifiedLinearMath.maxRatesIntercepts(gain: gain, bias: bias)
    }

    /// Writes `amplitude * max(0, J)` for each neuron.
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let scale = Float(amplitude)
        var i = 0
        while i < count {
            output[i] = scale * max(0, current[i])
            i += 1
        }
    }

    public var description: String { "RectifiedLinear(amplitude: \(amplitude))" }
}
