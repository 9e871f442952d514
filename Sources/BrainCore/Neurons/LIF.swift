import Foundation

/// The spiking leaky integrate-and-fire neuron (Nengo's `LIF`).
///
/// Between spikes the membrane voltage follows `tauRC dv/dt = J - v`; when `v` crosses 1 the
/// neuron emits a spike of height `amplitude / dt`, resets to 0 and stays silent for `tauRef`
/// seconds, measured from the exact crossing time within the step (so the spike rate matches
/// the analytic rate without quantization to the time step).
///
/// State: `voltage ~ Uniform(0, 1)`, `refractoryTime ~ Choice([0])` (seconds; it keeps
/// decreasing below 0 while the neuron is not refractory).
/// Rates, gain and bias are the ``LIFRate`` closed forms.
public struct LIF: LIFRateCurveNeuron {
    /// Membrane time constant (s), > 0.
    public let tauRC: Double
    /// Refractory period (s), >= 0.
    public let tauRef: Double
    /// The lowest voltage the membrane can reach, <= 0.
    public let minVoltage: Double
    /// Scales the output (spike height `amplitude / dt`), > 0.
    public let amplitude: Double
    public let stateVariables: [NeuronStateVariable]

    /// Where `refractoryTime` is among ``stateVariables`` (after `voltage`).
    static let refractoryTimeIndex = 1

    static let defaultState = [
        NeuronStateVariable(name: "voltage", initial: NeuronInitialState.uniformVoltage),
        NeuronStateVariable(name: "refractoryTime", initial: NeuronInitialState.zero),
    ]

    /// Nengo's defaults: `tauRC = 0.02`, `tauRef = 0.002`, `minVoltage = 0`, `amplitude = 1`.
    public init() {
        tauRC = 0.02
        tauRef = 0.002
        minVoltage = 0
        amplitude = 1
        stateVariables = LIF.defaultState
    }

    /// - Parameters:
    ///   - tauRC: membrane time constant (s), > 0.
    ///   - tauRef: refractory period (s), >= 0.
    ///   - minVoltage: lower bound on the voltage, <= 0.
    ///   - amplitude: output scale, > 0.
    ///   - initialState: distributions replacing the defaults of `voltage` / `refractoryTime`.
    /// - Throws: ``BrainKitError`` (validation) for a parameter out of range or an unknown
    ///   state variable name.
    public init(
        tauRC: Double = 0.02, tauRef: Double = 0.002, minVoltage: Double = 0, amplitude: Double = 1,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        try LIFRateMath.validate("LIF", tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        try Check.atMost(minVoltage, 0, "LIF", "minVoltage")
        self.tauRC = tauRC
        self.tauRef = tauRef
        self.minVoltage = minVoltage
        self.amplitude = amplitude
        self.stateVariables = try NeuronInitialState.resolve("LIF", defaults: LIF.defaultState, overrides: initialState)
    }

    public var isSpiking: Bool { true }

    /// The LIF update (see the type's documentation) in `Float`, as many neurons at a time as
    /// the CPU's vectors hold.
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        step(dt: stepSeconds, count: count, current: current, output: output, state: state, stateStride: stateStride, owed: nil)
    }

    /// ``step(dt:count:current:output:state:stateStride:)``; with `owed` (one count a block of
    /// 64 neurons; `csl_lif_step`) the refractory time of silent blocks is left owing: the same
    /// values, except that a silent block's refractory time in memory lags by what it owes
    /// until the block stops being silent. Only where ``minVoltage`` is +0
    /// (``defersSilentBlocks``); elsewhere nothing is owed.
    func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int, owed: UnsafeMutablePointer<UInt32>?
    ) {
        let lif = LIFStep(dt: stepSeconds, tauRC: tauRC, tauRef: tauRef, minVoltage: minVoltage, amplitude: amplitude)
        lif.step(
            count: count, voltage: state, refractoryTime: state + stateStride, output: output, current: current,
            owed: owed)
    }

    /// Whether silent blocks can leave their refractory time owing: the least voltage is +0
    /// (below it, or at -0, a silent neuron's voltage would not stay +0).
    var defersSilentBlocks: Bool { Float(minVoltage).bitPattern == 0 }

    public var description: String {
        "LIF(tauRC: \(tauRC), tauRef: \(tauRef), minVoltage: \(minVoltage), amplitude: \(amplitude))"
    }
}
