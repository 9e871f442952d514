import BrainCore

extension AdEx {
    /// Simulates one cell driven by a constant current, in `Double`, with Brian2's order of
    /// operations in every step `k` (time `t_k = k dt`):
    ///
    /// 1. record `(t_k, V, w)`;
    /// 2. unless refractory, integrate `V`; integrate `w` (both from the values at `t_k`,
    ///    with `method`);
    /// 3. unless refractory, if `V > Vcut`: record a spike at `t_k`, `V = Vr`, `w += b`.
    ///
    /// A neuron that spiked in step `s` is refractory in steps `s + 1 ..< s + n`, with
    /// `n = ⌊τref / dt + 0.001⌋` (so `V` stays at `Vr` until `t_s + τref`).
    ///
    /// - Parameters:
    ///   - current: the injected current `I` (amperes), finite.
    ///   - duration: simulated time (seconds), >= 0; the run takes `⌊duration / dt + 0.001⌋`
    ///     steps, at most 20 000 000 (the trace keeps every step).
    ///   - dt: the integration step (seconds), > 0. Default 0.1 ms, Brian2's default.
    ///   - method: the integration scheme; default the neuron's ``integrationMethod``.
    ///   - initialVoltage: `V` at t = 0 (volts); default `EL`.
    ///   - initialAdaptation: `w` at t = 0 (amperes); default 0.
    /// - Returns: the sampled trace (one sample per step) and the spike times.
    /// - Throws: `BrainKitError` (validation) for a non-finite or out-of-range argument.
    /// - Complexity: O(duration / dt) time and memory.
    public func simulate(
        current: Double,
        duration: Double,
        dt: Double = 1e-4,
        method: AdExIntegrationMethod? = nil,
        initialVoltage: Double? = nil,
        initialAdaptation: Double = 0
    ) throws(BrainKitError) -> AdExTrace {
        let object = "AdEx.simulate"
        try Check.finite([current], object, "current")
        try Check.nonNegativeFinite(duration, object, "duration")
        try Check.positiveFinite(dt, object, "dt")
        try Check.finite([initialVoltage ?? restingPotential], object, "initialVoltage")
        try Check.finite([initialAdaptation], object, "initialAdaptation")
        let stepCount = (duration / dt + 1e-3).rounded(.down)
        guard stepCount <= 20_000_000 else {
            throw .validation(object, "duration", "needs \(stepCount) steps of dt; at most 20000000 are allowed")
        }
        let steps = Int(stepCount)
        let method = method ?? integrationMethod
        let dynamics = AdExScaledDynamics<Double>(self)
        let refractorySteps = Int(min((refractoryPeriod / dt + 1e-3).rounded(.down), 1e15))
        let h = dt / SI.millisecond
        let iScaled = current / SI.nanoampere
        var v = (initialVoltage ?? restingPotential) / SI.millivolt
        var w = initialAdaptation / SI.nanoampere
        var times = [Double](), voltage = [Double](), adaptation = [Double](), spikeTimes = [Double]()
        times.reserveCapacity(steps)
        voltage.reserveCapacity(steps)
        adaptation.reserveCapacity(steps)
        var lastSpike: Int? = nil
        for k in 0..<steps {
            let t = Double(k) * dt
            times.append(t)
            voltage.append(v * SI.millivolt)
            adaptation.append(w * SI.nanoampere)
            let refractory = lastSpike.map { k - $0 < refractorySteps } ?? false
            dynamics.advance(&v, &w, current: iScaled, h: h, method: method, holdVoltage: refractory)
            if !refractory && v > dynamics.cutoffPotential {
                spikeTimes.append(t)
                v = dynamics.resetPotential
                w += dynamics.spikeTriggeredAdaptation
                lastSpike = k
            }
        }
        return AdExTrace(dt: dt, times: times, voltage: voltage, adaptation: adaptation, spikeTimes: spikeTimes)
    }
}
