import Foundation

/// The arithmetic the AdEx integrator needs from its number type (`Float` for the ensemble
/// step, `Double` for single cells and the rate curve).
protocol AdExScalar: BinaryFloatingPoint, Sendable {
    /// `exp(x)`.
    static func adExExp(_ x: Self) -> Self
}

extension Float: AdExScalar {
    @inline(__always) static func adExExp(_ x: Float) -> Float { Foundation.exp(x) }
}

extension Double: AdExScalar {
    @inline(__always) static func adExExp(_ x: Double) -> Double { Foundation.exp(x) }
}

/// Bounds on the exponential term's argument `(V - VT) / ΔT`.
enum AdExExponent {
    /// The voltage seen by the right-hand sides is capped at `VT + cap ΔT`, so that `exp`
    /// stays finite in `Float` (exp(88.7) overflows) and `w` stays sane even in Runge–Kutta
    /// stages far above `Vcut` (a huge input current). `V` is never above `Vcut` at the start
    /// of a step and ``largestCutoffExponent`` keeps `Vcut` at least 5 ΔT below the cap, so the
    /// cap only acts inside a step that ends in a spike.
    static let cap = 85.0
    /// The largest `(Vcut - VT) / ΔT` accepted.
    static let largestCutoffExponent = 80.0
}

/// AdEx dynamics in the scaled units mV, ms, nA, µS and nF (consistent: µS·mV = nA and
/// nF·mV/ms = nA), so that `Float` resolves voltages near -70 mV to ~1e-5 mV:
///
///     dV/dt = (gL (EL - V) + gL ΔT exp((V - VT)/ΔT) + I - w) / C
///     dw/dt = (a (V - EL) - w) / τw
///
/// with `V` replaced by `min(V, VT + 85 ΔT)` on the right-hand sides (``AdExExponent``).
///
/// Shared by the single-cell simulation, the rate curve and the ensemble step, so all three
/// integrate the same arithmetic.
struct AdExScaledDynamics<T: AdExScalar>: Sendable {
    /// 1 / C (1/nF).
    let inverseCapacitance: T
    /// gL (µS).
    let leakConductance: T
    /// EL (mV).
    let restingPotential: T
    /// VT (mV).
    let thresholdPotential: T
    /// 1 / ΔT (1/mV).
    let inverseSlopeFactor: T
    /// gL ΔT (nA).
    let exponentialScale: T
    /// Vcut (mV).
    let cutoffPotential: T
    /// Vr (mV).
    let resetPotential: T
    /// 1 / τw (1/ms).
    let inverseAdaptationTimeConstant: T
    /// a (µS).
    let subthresholdAdaptation: T
    /// b (nA).
    let spikeTriggeredAdaptation: T
    /// τref (ms).
    let refractoryPeriod: T
    /// VT + 85 ΔT (mV), the largest voltage the right-hand sides see (``AdExExponent``).
    let voltageCeiling: T

    init(_ neuron: AdEx) {
        let millivolt = 1e-3, millisecond = 1e-3, nanoampere = 1e-9, microsiemens = 1e-6, nanofarad = 1e-9
        inverseCapacitance = T(nanofarad / neuron.capacitance)
        leakConductance = T(neuron.leakConductance / microsiemens)
        restingPotential = T(neuron.restingPotential / millivolt)
        thresholdPotential = T(neuron.thresholdPotential / millivolt)
        inverseSlopeFactor = T(millivolt / neuron.slopeFactor)
        exponentialScale = T(neuron.leakConductance * neuron.slopeFactor / nanoampere)
        cutoffPotential = T(neuron.cutoffPotential / millivolt)
        resetPotential = T(neuron.resetPotential / millivolt)
        inverseAdaptationTimeConstant = T(millisecond / neuron.adaptationTimeConstant)
        subthresholdAdaptation = T(neuron.subthresholdAdaptation / microsiemens)
        spikeTriggeredAdaptation = T(neuron.spikeTriggeredAdaptation / nanoampere)
        refractoryPeriod = T(neuron.refractoryPeriod / millisecond)
        voltageCeiling = T((neuron.thresholdPotential + AdExExponent.cap * neuron.slopeFactor) / millivolt)
    }

    /// dV/dt (mV/ms) at voltage `v` (mV), adaptation `w` (nA) and input `current` (nA).
    @inline(__always)
    func voltageRate(_ voltage: T, _ w: T, _ current: T) -> T {
        let v = min(voltage, voltageCeiling)
        let exponent = (v - thresholdPotential) * inverseSlopeFactor
        let leak = leakConductance * (restingPotential - v)
        return (leak + exponentialScale * T.adExExp(exponent) + current - w) * inverseCapacitance
    }

    /// dw/dt (nA/ms) at voltage `v` (mV) and adaptation `w` (nA).
    @inline(__always)
    func adaptationRate(_ voltage: T, _ w: T) -> T {
        let v = min(voltage, voltageCeiling)
        return (subthresholdAdaptation * (v - restingPotential) - w) * inverseAdaptationTimeConstant
    }

    /// Advances `(v, w)` by `h` ms with `method`; with `holdVoltage` (refractory) `dV/dt = 0`.
    /// No threshold or reset here.
    @inline(__always)
    func advance(
        _ v: inout T, _ w: inout T, current: T, h: T, method: AdExIntegrationMethod, holdVoltage: Bool
    ) {
        switch method {
        case .euler:
            let dv = holdVoltage ? 0 : voltageRate(v, w, current)
            let dw = adaptationRate(v, w)
            v += h * dv
            w += h * dw
        case .rk4:
            let half = h / 2
            let v0 = v, w0 = w
            let kv1 = holdVoltage ? 0 : voltageRate(v0, w0, current)
            let kw1 = adaptationRate(v0, w0)
            let v1 = v0 + half * kv1, w1 = w0 + half * kw1
            let kv2 = holdVoltage ? 0 : voltageRate(v1, w1, current)
            let kw2 = adaptationRate(v1, w1)
            let v2 = v0 + half * kv2, w2 = w0 + half * kw2
            let kv3 = holdVoltage ? 0 : voltageRate(v2, w2, current)
            let kw3 = adaptationRate(v2, w2)
            let v3 = v0 + h * kv3, w3 = w0 + h * kw3
            let kv4 = holdVoltage ? 0 : voltageRate(v3, w3, current)
            let kw4 = adaptationRate(v3, w3)
            v = v0 + h / 6 * (kv1 + 2 * kv2 + 2 * kv3 + kv4)
            w = w0 + h / 6 * (kw1 + 2 * kw2 + 2 * kw3 + kw4)
        }
    }
}

extension AdExScaledDynamics {
    /// One sub-step of the ensemble step and of the rate curve (`h` in ms; `remaining` is
    /// the refractory time left, ms): while refractory (`remaining > h / 2`) `V` is held and
    /// `remaining -= h`; otherwise `(V, w)` advance and, when `V > Vcut`, the neuron resets
    /// (`V = Vr`, `w += b`, `remaining = τref - h`). Returns whether it spiked.
    @inline(__always)
    func substep(
        _ v: inout T, _ w: inout T, _ remaining: inout T, current: T, h: T, method: AdExIntegrationMethod
    ) -> Bool {
        let refractory = remaining > h / 2
        advance(&v, &w, current: current, h: h, method: method, holdVoltage: refractory)
        if refractory {
            remaining -= h
            return false
        }
        guard v > cutoffPotential else { return false }
        v = resetPotential
        w += spikeTriggeredAdaptation
        remaining = refractoryPeriod - h
        return true
    }
}
