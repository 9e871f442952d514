import Foundation

/// A hyperbolic-tangent rate neuron (Nengo's `Tanh`): `r(J) = (1 / tauRef) * tanh(J)` Hz,
/// which saturates at `±1 / tauRef` (400 Hz by default) and is negative for `J < 0`. No state.
public struct Tanh: NeuronType {
    /// Sets the saturation rate `1 / tauRef` (s), > 0.
    public let tauRef: Double

    /// Nengo's default: `tauRef = 0.0025`.
    public init() {
        tauRef = 0.0025
    }

    /// - Parameter tauRef: the inverse of the saturation rate (s), > 0.
    /// - Throws: ``BrainKitError`` (validation) when `tauRef` is not > 0.
    public init(tauRef: Double = 0.0025) throws(BrainKitError) {
        try Check.greaterThan(tauRef, 0, "Tanh", "tauRef")
        self.tauRef = tauRef
    }

    public var isSpiking: Bool { false }

    public var stateVariables: [NeuronStateVariable] { [] }

    public func rates(currents: [Double]) -> [Double] {
        let saturation = 1 / tauRef
        return currents.map { saturation * tanh($0) }
    }

    /// `inv = atanh(maxRate * tauRef)`, `gain = inv / (1 - intercept)`,
    /// `bias = -gain * intercept`.
    /// - Throws: ``BrainKitError`` (validation) when a max rate is not below `1 / tauRef`.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try Check.count(intercepts.count, maxRates.count, "Tanh", "intercepts")
        try NeuronRateChecks.belowInverseRefractoryPeriod(maxRates, tauRef: tauRef, "Tanh")
        var gain = [Double](repeating: 0, count: maxRates.count)
        var bias = gain
        for i in 0..<maxRates.count {
            let inverse = atanh(maxRates[i] * tauRef)
            gain[i] = inverse / (1 - intercepts[i])
            bias[i] = -gain[i] * intercepts[i]
        }
        return (gain, bias)
    }

    /// `intercept = -bias / gain`, `maxRate = (1 / tauRef) * tanh(gain + bias)`.
    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        precondition(gain.count == bias.count, "maxRatesIntercepts: gain and bias differ in length")
        var maxRates = [Double](repeating: 0, count: gain.count)
        var intercepts = maxRates
        for i in 0..<gain.count {
            intercepts[i] = -bias[i] / gain[i]
            maxRates[i] = (1 / tauRef) * tanh(gain[i] + bias[i])
        }
        return (maxRates, intercepts)
    }

    /// Writes `(1 / tauRef) * tanh(J)` for each neuron.
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let saturation = Float(1 / tauRef)
        var i = 0
        while i < count {
            output[i] = saturation * tanhf(current[i])
            i += 1
        }
    }

    public var description: String { "Tanh(tauRef: \(tauRef))" }
}
