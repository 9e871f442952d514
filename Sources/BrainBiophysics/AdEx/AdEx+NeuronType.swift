import BrainCore

/// AdEx as an ensemble neuron type.
///
/// - The input current `J` (`J = gain x + bias`) is the injected current `I` in
///   **nanoamperes**.
/// - State (probe names and units): `voltage` (mV), `adaptation` (nA), `refractoryTime` (ms
///   of refractory period left).
/// - Rates: the steady firing rate for a constant `J`, from a cached, simulated rate curve
///   (``AdExRateCurve``).
/// - Gain and bias: BrainCore's generic numeric search
///   (`NeuronType/numericGainBias(maxRates:intercepts:)`) on that curve; a
///   requested max rate the cell cannot reach throws a validation error naming `maxRates`.
extension AdEx: NeuronType {
    public var isSpiking: Bool { true }

    /// Steady firing rates (Hz) for constant currents `currents` (nA), interpolated on the
    /// cached rate curve (see `AdExRateCurve`).
    public func rates(currents: [Double]) -> [Double] {
        AdExRateCurve.rates(of: self, currents: currents)
    }

    /// Gain and bias by the generic numeric search on the rate curve.
    ///
    /// - Throws: `BrainKitError` (validation) naming `AdEx` and `maxRates` when a requested
    ///   rate is above what the cell reaches for any current the search tries (|J| <= 5120 nA),
    ///   e.g. above `1 / τref`; or when `intercepts` and `maxRates` differ in length.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try Check.count(intercepts.count, maxRates.count, "AdEx", "intercepts")
        try Check.finite(maxRates, "AdEx", "maxRates")
        if let lowest = maxRates.min(), lowest <= 0 {
            throw .validation("AdEx", "maxRates", "must all be > 0, got \(lowest) Hz")
        }
        do {
            return try numericGainBias(maxRates: maxRates, intercepts: intercepts)
        } catch {
            guard error.kind == .validation, error.parameter == "maxRates", let highest = maxRates.max() else {
                throw error
            }
            let ceiling = rates(currents: [AdExRateCurve.largestSearchedCurrent]).first ?? 0
            throw .validation(
                "AdEx", "maxRates",
                "cannot be reached: this AdEx cell fires at most \(ceiling) Hz for currents up to "
                    + "\(AdExRateCurve.largestSearchedCurrent) nA, but \(highest) Hz was requested"
                    + (refractoryPeriod > 0 ? " (its refractory period \(refractoryPeriod) s limits it to "
                        + "\(1 / refractoryPeriod) Hz)" : ""))
        }
    }

    /// Advances `count` neurons by `dt` seconds in `Float`, in ``integrationStep``-sized
    /// sub-steps: `n = ceil(dt / integrationStep)` sub-steps of `h = dt / n`. In each sub-step
    /// (units mV, ms, nA):
    ///
    /// 1. refractory (`refractoryTime > h / 2`): `w` advances with `V` held, and
    ///    `refractoryTime -= h`;
    /// 2. otherwise `(V, w)` advance with ``integrationMethod``, and if `V > Vcut`: `V = Vr`,
    ///    `w += b`, `refractoryTime = τref - h` (the crossing sub-step counts towards `τref`,
    ///    as in ``simulate(current:duration:dt:method:initialVoltage:initialAdaptation:)``).
    ///
    /// The output is `spikes / dt` (usually 0 or `1 / dt`; more than one spike per step is
    /// possible at very high rates).
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let substeps = AdExRateCurve.substepCount(dt: stepSeconds, integrationStep: integrationStep)
        let dynamics = AdExScaledDynamics<Float>(self)
        let h = Float(stepSeconds / Double(substeps) / SI.millisecond)
        let spikeHeight = Float(1 / stepSeconds)
        let method = integrationMethod
        let voltage = state
        let adaptation = state + stateStride
        let refractoryTime = state + 2 * stateStride
        var i = 0
        while i < count {
            var v = voltage[i]
            var w = adaptation[i]
            var remaining = refractoryTime[i]
            let j = current[i]
            var spikes: Float = 0
            var k = 0
            while k < substeps {
                if dynamics.substep(&v, &w, &remaining, current: j, h: h, method: method) { spikes += 1 }
                k += 1
            }
            voltage[i] = v
            adaptation[i] = w
            refractoryTime[i] = remaining
            output[i] = spikes * spikeHeight
            i += 1
        }
    }
}
