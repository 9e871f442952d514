import Foundation

/// A logistic rate neuron (Nengo's `Sigmoid`): `r(J) = (1 / tauRef) / (1 + exp(-J))` Hz,
/// which saturates at `1 / tauRef` (400 Hz by default).
///
/// The intercept is the **inflection point** (`J = 0`, half the saturation rate), so a max
/// rate at or below `1 / (2 tauRef)` gives a gain <= 0, which an ensemble rejects. No state.
public struct Sigmoid: NeuronType {
    /// Sets the saturation rate `1 / tauRef` (s), > 0.
    public let tauRef: Double

    /// Nengo's default: `tauRef = 0.0025`.
    public init() {
        tauRef = 0.0025
    }

    /// - Parameter tauRef: the inverse of the saturation rate (s), > 0.
    /// - Throws: ``BrainKitError`` (validation) when `tauRef` is not > 0.
    public init(tauRef: Double = 0.0025) throws(BrainKitError) {
        try Check.greaterThan(tauRef, 0, "Sigmoid", "tauRef")
        self.tauRef = tauRef
    }

    public var isSpiking: Bool { false }

    public var stateVariables: [NeuronStateVariable] { [] }

    public func rates(currents: [Double]) -> [Double] {
        let saturation = 1 / tauRef
        return currents.map { saturation / (1 + exp(-$0)) }
    }

    /// `inv = -log((1 / tauRef) / maxRate - 1)` is the current that fires at `maxRate`;
    /// `gain = inv / (1 - intercept)`, `bias = inv - gain`.
    /// - Throws: ``BrainKitError`` (validation) when a max rate is not below `1 / tauRef`.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try Check.count(intercepts.count, maxRates.count, "Sigmoid", "intercepts")
        try NeuronRateChecks.belowInverseRefractoryPeriod(maxRates, tauRef: tauRef, "Sigmoid")
        var gain = [Double](repeating: 0, count: maxRates.count)
        var bias = gain
        for i in 0..<maxRates.count {
            let inverse = -log(1 / tauRef / maxRates[i] - 1)
            gain[i] = inverse / (1 - intercepts[i])
            bias[i] = inverse - gain[i]
        }
        return (gain, bias)
    }

    /// `inv = gain + bias`, `intercept = 1 - inv / gain`,
    /// `maxRate = (1 / tauRef) / (1 + exp(-inv))`.
    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        precondition(gain.count == bias.count, "maxRatesIntercepts: gain and bias differ in length")
        var maxRates = [Double](repeating: 0, count: gain.count)
        var intercepts = maxRates
        for i in 0..<gain.count {
            let inverse = gain[i] + bias[i]
            intercepts[i] = 1 - inverse / gain[i]
            maxRates[i] = (1 / tauRef) / (1 + exp(-inverse))
        }
        return (maxRates, intercepts)
    }

    /// Writes `(1 / tauRef) / (1 + exp(-J))` for each neuron.
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let saturation = Float(1 / tauRef)
        var i = 0
        while i < count {
            output[i] = saturation / (1 + expf(-current[i]))
            i += 1
        }
    }

    public var description: String { "Sigmoid(tauRef: \(tauRef))" }
}
