import BrainCore

/// The adaptive exponential integrate-and-fire neuron (Brette & Gerstner 2005), with
/// parameters in SI units.
///
/// Membrane potential `V` (volts) and adaptation current `w` (amperes), driven by an injected
/// current `I` (amperes):
///
///     C dV/dt = -gL (V - EL) + gL ΔT exp((V - VT) / ΔT) - w + I
///     τw dw/dt = a (V - EL) - w
///
/// A spike occurs when `V > Vcut` after a step; then `V = Vr` and `w += b`. With a refractory
/// period `τref > 0`, `V` is held at `Vr` for `τref` after the spike time (the start of the
/// step whose update crossed `Vcut`) while `w` keeps evolving, and no spike can occur — Brian2's
/// `refractory=τref` with `(unless refractory)` on the voltage equation.
///
/// Use it two ways:
/// - a single cell in `Double`: ``simulate(current:duration:dt:method:initialVoltage:initialAdaptation:)``
///   returns the voltage and adaptation traces and the spike times, with Brian2's conventions;
/// - as an ensemble's `NeuronType`: the input current `J` is the injected current in
///   **nanoamperes**, and the Float step works in mV, ms, nA, µS and nF (see
///   ``step(dt:count:current:output:state:stateStride:)``).
///
/// ``integrationMethod`` (default ``AdExIntegrationMethod/euler``, Brian2's choice for this
/// model) is used by both; ``integrationStep`` is the largest sub-step the ensemble step takes
/// inside one simulator step.
public struct AdEx: Sendable {
    /// Membrane capacitance `C` (farads), > 0.
    public let capacitance: Double
    /// Leak conductance `gL` (siemens), > 0.
    public let leakConductance: Double
    /// Leak reversal (resting) potential `EL` (volts).
    public let restingPotential: Double
    /// Threshold potential `VT` (volts): where the exponential term starts to dominate.
    public let thresholdPotential: Double
    /// Slope factor `ΔT` (volts), > 0: the sharpness of the spike initiation.
    public let slopeFactor: Double
    /// Cutoff potential `Vcut` (volts): a spike is registered when `V > Vcut`.
    public let cutoffPotential: Double
    /// Adaptation time constant `τw` (seconds), > 0.
    public let adaptationTimeConstant: Double
    /// Subthreshold adaptation `a` (siemens).
    public let subthresholdAdaptation: Double
    /// Spike-triggered adaptation `b` (amperes), added to `w` at each spike.
    public let spikeTriggeredAdaptation: Double
    /// Reset potential `Vr` (volts), < `Vcut`.
    public let resetPotential: Double
    /// Refractory period `τref` (seconds), >= 0: `V` is held at `Vr` for this long after a spike.
    public let refractoryPeriod: Double
    /// The integration scheme (default ``AdExIntegrationMethod/euler``, as Brian2 picks).
    public let integrationMethod: AdExIntegrationMethod
    /// The largest step (seconds) of the ensemble step: a simulator step `dt` is split into
    /// `ceil(dt / integrationStep)` equal sub-steps (default 0.1 ms, Brian2's default `dt`, so
    /// 10 sub-steps per 1 ms simulator step). The tabulated rate curve is simulated with
    /// sub-steps of exactly this length.
    public let integrationStep: Double
    /// The initial-value distributions of the ensemble state (`voltage` in mV, `adaptation`
    /// in nA, `refractoryTime` in ms).
    public let stateVariables: [NeuronStateVariable]

    /// Creates an AdEx neuron; every value is in SI units.
    ///
    /// - Parameters:
    ///   - capacitance: `C` (F), > 0.
    ///   - leakConductance: `gL` (S), > 0.
    ///   - restingPotential: `EL` (V), finite.
    ///   - thresholdPotential: `VT` (V), finite.
    ///   - slopeFactor: `ΔT` (V), > 0.
    ///   - cutoffPotential: `Vcut` (V); default `VT + 5 ΔT`. Must exceed `Vr` and be at most
    ///     `VT + 80 ΔT` (the step's exponential is exact up to there in `Float`).
    ///   - adaptationTimeConstant: `τw` (s), > 0.
    ///   - subthresholdAdaptation: `a` (S), finite.
    ///   - spikeTriggeredAdaptation: `b` (A), finite.
    ///   - resetPotential: `Vr` (V), finite, < `Vcut`.
    ///   - refractoryPeriod: `τref` (s), >= 0 (default 0).
    ///   - integrationMethod: default ``AdExIntegrationMethod/euler``.
    ///   - integrationStep: the ensemble step's largest sub-step (s), in [1e-6, 1e-3]
    ///     (default 1e-4).
    ///   - initialState: distributions replacing the defaults of `voltage` (mV, default
    ///     `Uniform(EL, VT)`), `adaptation` (nA, default 0) or `refractoryTime` (ms, default 0).
    /// - Throws: `BrainKitError` (validation) naming `AdEx` and the parameter at fault.
    public init(
        capacitance: Double,
        leakConductance: Double,
        restingPotential: Double,
        thresholdPotential: Double,
        slopeFactor: Double,
        cutoffPotential: Double? = nil,
        adaptationTimeConstant: Double,
        subthresholdAdaptation: Double,
        spikeTriggeredAdaptation: Double,
        resetPotential: Double,
        refractoryPeriod: Double = 0,
        integrationMethod: AdExIntegrationMethod = .euler,
        integrationStep: Double = 1e-4,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        let object = "AdEx"
        try Check.positiveFinite(capacitance, object, "capacitance")
        try Check.positiveFinite(leakConductance, object, "leakConductance")
        try Check.finite([restingPotential], object, "restingPotential")
        try Check.finite([thresholdPotential], object, "thresholdPotential")
        try Check.positiveFinite(slopeFactor, object, "slopeFactor")
        try Check.positiveFinite(adaptationTimeConstant, object, "adaptationTimeConstant")
        try Check.finite([subthresholdAdaptation], object, "subthresholdAdaptation")
        try Check.finite([spikeTriggeredAdaptation], object, "spikeTriggeredAdaptation")
        try Check.finite([resetPotential], object, "resetPotential")
        try Check.nonNegativeFinite(refractoryPeriod, object, "refractoryPeriod")
        try Check.atLeast(integrationStep, 1e-6, object, "integrationStep")
        try Check.atMost(integrationStep, 1e-3, object, "integrationStep")
        let cutoff = cutoffPotential ?? thresholdPotential + 5 * slopeFactor
        try Check.finite([cutoff], object, "cutoffPotential")
        guard cutoff > resetPotential else {
            throw .validation(
                object, "cutoffPotential",
                "must be > resetPotential (\(resetPotential) V), got \(cutoff) V: the neuron would spike again "
                    + "right after every reset")
        }
        guard (cutoff - thresholdPotential) / slopeFactor <= AdExExponent.largestCutoffExponent else {
            throw .validation(
                object, "cutoffPotential",
                "must be <= thresholdPotential + \(Int(AdExExponent.largestCutoffExponent)) * slopeFactor "
                    + "(\(thresholdPotential + AdExExponent.largestCutoffExponent * slopeFactor) V), got \(cutoff) V")
        }
        self.capacitance = capacitance
        self.leakConductance = leakConductance
        self.restingPotential = restingPotential
        self.thresholdPotential = thresholdPotential
        self.slopeFactor = slopeFactor
        self.cutoffPotential = cutoff
        self.adaptationTimeConstant = adaptationTimeConstant
        self.subthresholdAdaptation = subthresholdAdaptation
        self.spikeTriggeredAdaptation = spikeTriggeredAdaptation
        self.resetPotential = resetPotential
        self.refractoryPeriod = refractoryPeriod
        self.integrationMethod = integrationMethod
        self.integrationStep = integrationStep
        self.stateVariables = try AdEx.resolveState(
            restingPotential: restingPotential, thresholdPotential: thresholdPotential, overrides: initialState)
    }

    /// The cell of Brette & Gerstner (2005, Table 1) used in the talk and in Brian2's AdEx
    /// example: C = 281 pF, gL = 30 nS, EL = -70.6 mV, VT = -50.4 mV, ΔT = 2 mV,
    /// Vcut = VT + 5 ΔT, τw = 144 ms, a = 4 nS, b = 0.0805 nA, Vr = -70.6 mV, no refractory
    /// period, forward Euler.
    ///
    /// - Throws: `BrainKitError` (validation) only for an invalid `integrationStep` or
    ///   `initialState`; the cell's own values are valid.
    public static func bretteGerstner2005(
        integrationMethod: AdExIntegrationMethod = .euler,
        integrationStep: Double = 1e-4,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) -> AdEx {
        try AdEx(
            capacitance: 281 * SI.picofarad,
            leakConductance: 30 * SI.nanosiemens,
            restingPotential: -70.6 * SI.millivolt,
            thresholdPotential: -50.4 * SI.millivolt,
            slopeFactor: 2 * SI.millivolt,
            adaptationTimeConstant: 144 * SI.millisecond,
            subthresholdAdaptation: 4 * SI.nanosiemens,
            spikeTriggeredAdaptation: 0.0805 * SI.nanoampere,
            resetPotential: -70.6 * SI.millivolt,
            integrationMethod: integrationMethod,
            integrationStep: integrationStep,
            initialState: initialState)
    }

    /// The ensemble state: `voltage ~ Uniform(EL, VT)` (mV), `adaptation ~ Choice([0])` (nA),
    /// `refractoryTime ~ Choice([0])` (ms), each replaced by `overrides[name]` when given.
    static func resolveState(
        restingPotential: Double, thresholdPotential: Double, overrides: [String: any Distribution]
    ) throws(BrainKitError) -> [NeuronStateVariable] {
        let low = min(restingPotential, thresholdPotential) / SI.millivolt
        let high = max(restingPotential, thresholdPotential) / SI.millivolt
        let zero = try Choice([0])
        let defaults = [
            NeuronStateVariable(name: "voltage", initial: Uniform(low, high)),
            NeuronStateVariable(name: "adaptation", initial: zero),
            NeuronStateVariable(name: "refractoryTime", initial: zero),
        ]
        let names = defaults.map(\.name)
        if let unknown = overrides.keys.sorted().first(where: { !names.contains($0) }) {
            let expected = names.map { "'\($0)'" }.joined(separator: ", ")
            throw .validation(
                "AdEx", "initialState", "variable '\(unknown)' not recognized; should be one of \(expected)")
        }
        return defaults.map { NeuronStateVariable(name: $0.name, initial: overrides[$0.name] ?? $0.initial) }
    }
}

extension AdEx: CustomStringConvertible {
    /// Every parameter that affects the step (the engine fuses populations whose descriptions
    /// are equal), in SI units.
    public var description: String {
        "AdEx(capacitance: \(capacitance), leakConductance: \(leakConductance), "
            + "restingPotential: \(restingPotential), thresholdPotential: \(thresholdPotential), "
            + "slopeFactor: \(slopeFactor), cutoffPotential: \(cutoffPotential), "
            + "adaptationTimeConstant: \(adaptationTimeConstant), subthresholdAdaptation: \(subthresholdAdaptation), "
            + "spikeTriggeredAdaptation: \(spikeTriggeredAdaptation), resetPotential: \(resetPotential), "
            + "refractoryPeriod: \(refractoryPeriod), integrationMethod: \(integrationMethod), "
            + "integrationStep: \(integrationStep))"
    }
}
