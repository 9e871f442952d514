/// A spiking LIF neuron whose input is reduced by an adaptation current (Nengo's
/// `AdaptiveLIF`).
///
/// Each step: the ``LIF`` update with input `J - n` (the old `n`), then
/// `n += (dt / tauN) * (incN * output - n)`, so each spike (output `amplitude / dt`) adds
/// about `incN * amplitude / tauN`.
/// State: `voltage ~ Uniform(0, 1)`, `refractoryTime ~ Choice([0])`,
/// `adaptation ~ Choice([0])`. ``rates(currents:)``, ``gainBias(maxRates:intercepts:)`` and
/// ``maxRatesIntercepts(gain:bias:)`` are the non-adaptive ``LIFRate`` ones, so decoders
/// ignore adaptation.
public struct AdaptiveLIF: LIFRateCurveNeuron {
    /// Adaptation time constant (s), > 0.
    public let tauN: Double
    /// Adaptation increment per unit of output, >= 0.
    public let incN: Double
    /// Membrane time constant (s), > 0.
    public let tauRC: Double
    /// Refractory period (s), >= 0.
    public let tauRef: Double
    /// The lowest voltage the membrane can reach, <= 0.
    public let minVoltage: Double
    /// Scales the output (spike height `amplitude / dt`), > 0.
    public let amplitude: Double
    public let stateVariables: [NeuronStateVariable]

    static let defaultState = LIF.defaultState + [
        NeuronStateVariable(name: "adaptation", initial: NeuronInitialState.zero)
    ]

    /// Nengo's defaults: `tauN = 1`, `incN = 0.01`, `tauRC = 0.02`, `tauRef = 0.002`,
    /// `minVoltage = 0`, `amplitude = 1`.
    public init() {
        tauN = 1
        incN = 0.01
        tauRC = 0.02
        tauRef = 0.002
        minVoltage = 0
        amplitude = 1
        stateVariables = AdaptiveLIF.defaultState
    }

    /// - Parameters:
    ///   - tauN: adaptation time constant (s), > 0.
    ///   - incN: adaptation increment, >= 0.
    ///   - tauRC: membrane time constant (s), > 0.
    ///   - tauRef: refractory period (s), >= 0.
    ///   - minVoltage: lower bound on the voltage, <= 0.
    ///   - amplitude: output scale, > 0.
    ///   - initialState: distributions replacing the defaults of `voltage`,
    ///     `refractoryTime` / `adaptation`.
    /// - Throws: ``BrainKitError`` (validation) for a parameter out of range or an unknown
    ///   state variable name.
    public init(
        tauN: Double = 1, incN: Double = 0.01, tauRC: Double = 0.02, tauRef: Double = 0.002,
        minVoltage: Double = 0, amplitude: Double = 1, initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        try Check.greaterThan(tauN, 0, "AdaptiveLIF", "tauN")
        try Check.atLeast(incN, 0, "AdaptiveLIF", "incN")
        try LIFRateMath.validate("AdaptiveLIF", tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        try Check.atMost(minVoltage, 0, "AdaptiveLIF", "minVoltage")
        self.tauN = tauN
        self.incN = incN
        self.tauRC = tauRC
        self.tauRef = tauRef
        self.minVoltage = minVoltage
        self.amplitude = amplitude
        self.stateVariables = try NeuronInitialState.resolve(
            "AdaptiveLIF", defaults: AdaptiveLIF.defaultState, overrides: initialState)
    }

    public var isSpiking: Bool { true }

    /// The ``LIF`` update on `J - n`, then the adaptation update, sixteen neurons at a time.
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let dt = Float(stepSeconds)
        let lif = LIFStep(dt: stepSeconds, tauRC: tauRC, tauRef: tauRef, minVoltage: minVoltage, amplitude: amplitude)
        let adaptationRate = dt / Float(tauN)
        let increment = Float(incN)
        let voltage = state
        let refractoryTime = state + stateStride
        let adaptation = state + 2 * stateStride
        lif.step(
            count: count, voltage: voltage, refractoryTime: refractoryTime, output: output,
            current: {
                UnsafeRawPointer(current + $0).loadUnaligned(as: LIFStep.Group.self)
                    - UnsafeRawPointer(adaptation + $0).loadUnaligned(as: LIFStep.Group.self)
            },
            scalarCurrent: { current[$0] - adaptation[$0] })
        var i = 0
        let groupEnd = count - count % LIFStep.Group.scalarCount
        while i < groupEnd {
            let n = UnsafeRawPointer(adaptation + i).loadUnaligned(as: LIFStep.Group.self)
            let out = UnsafeRawPointer(output + i).loadUnaligned(as: LIFStep.Group.self)
            let newN = n + adaptationRate * (increment * out - n)
            UnsafeMutableRawPointer(adaptation + i).storeBytes(of: newN, as: LIFStep.Group.self)
            i += LIFStep.Group.scalarCount
        }
        while i < count {
            let n = adaptation[i]
            adaptation[i] = n + adaptationRate * (increment * output[i] - n)
            i += 1
        }
    }

    public var description: String {
        "AdaptiveLIF(tauN: \(tauN), incN: \(incN), tauRC: \(tauRC), tauRef: \(tauRef), "
            + "minVoltage: \(minVoltage), amplitude: \(amplitude))"
    }
}
