/// A LIF rate neuron whose input is reduced by an adaptation current (Nengo's
/// `AdaptiveLIFRate`).
///
/// Each step: `r = LIFRate(J - n)` with the old `n`, then `n += (dt / tauN) * (incN * r - n)`.
/// State: `adaptation ~ Choice([0])`. ``rates(currents:)``, ``gainBias(maxRates:intercepts:)``
/// and ``maxRatesIntercepts(gain:bias:)`` are the non-adaptive ``LIFRate`` ones, so decoders
/// ignore adaptation.
public struct AdaptiveLIFRate: LIFRateCurveNeuron {
    /// Adaptation time constant (s), > 0.
    public let tauN: Double
    /// Adaptation increment per unit of output, >= 0.
    public let incN: Double
    /// Membrane time constant (s), > 0.
    public let tauRC: Double
    /// Refractory period (s), >= 0.
    public let tauRef: Double
    /// Scales the output, > 0.
    public let amplitude: Double
    public let stateVariables: [NeuronStateVariable]

    static let defaultState = [
        NeuronStateVariable(name: "adaptation", initial: NeuronInitialState.zero)
    ]

    /// Nengo's defaults: `tauN = 1`, `incN = 0.01`, `tauRC = 0.02`, `tauRef = 0.002`,
    /// `amplitude = 1`.
    public init() {
        tauN = 1
        incN = 0.01
        tauRC = 0.02
        tauRef = 0.002
        amplitude = 1
        stateVariables = AdaptiveLIFRate.defaultState
    }

    /// - Parameters:
    ///   - tauN: adaptation time constant (s), > 0.
    ///   - incN: adaptation increment, >= 0.
    ///   - tauRC: membrane time constant (s), > 0.
    ///   - tauRef: refractory period (s), >= 0.
    ///   - amplitude: output scale, > 0.
    ///   - initialState: a distribution replacing the default of `adaptation`.
    /// - Throws: ``BrainKitError`` (validation) for a parameter out of range or an unknown
    ///   state variable name.
    public init(
        tauN: Double = 1, incN: Double = 0.01, tauRC: Double = 0.02, tauRef: Double = 0.002, amplitude: Double = 1,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        try Check.greaterThan(tauN, 0, "AdaptiveLIFRate", "tauN")
        try Check.atLeast(incN, 0, "AdaptiveLIFRate", "incN")
        try LIFRateMath.validate("AdaptiveLIFRate", tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        self.tauN = tauN
        self.incN = incN
        self.tauRC = tauRC
        self.tauRef = tauRef
        self.amplitude = amplitude
        self.stateVariables = try NeuronInitialState.resolve(
            "AdaptiveLIFRate", defaults: AdaptiveLIFRate.defaultState, overrides: initialState)
    }

    public var isSpiking: Bool { false }

    /// `r = LIFRate(J - n)`, then `n += (dt / tauN) * (incN * r - n)`.
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let dt = Float(stepSeconds)
        let lif = LIFRateStep(tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        let adaptationRate = dt / Float(tauN)
        let increment = Float(incN)
        let adaptation = state
        var i = 0
        while i < count {
            let n = adaptation[i]
            let rate = lif.rate(current: current[i] - n)
            output[i] = rate
            adaptation[i] = n + adaptationRate * (increment * rate - n)
            i += 1
        }
    }

    public var description: String {
        "AdaptiveLIFRate(tauN: \(tauN), incN: \(incN), tauRC: \(tauRC), tauRef: \(tauRef), amplitude: \(amplitude))"
    }
}
