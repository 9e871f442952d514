import CStepLoops
import Foundation

/// The spiking LIF update in `Float`, in Nengo's exact order, for one time step:
///
/// 1. `ref -= dt`
/// 2. `Δ = clip(dt - ref, 0, dt)` (partial in the step where the refractory period ends)
/// 3. `v -= (J - v) * expm1(-Δ / tauRC)` (the exact solution for constant `J`)
/// 4. spike when `v > 1`; the output is `amplitude / dt` then, else 0
/// 5. the crossing time `tSpike = dt + tauRC * log1p(-(v - 1) / (J - 1))`
/// 6. `v = max(v, minVoltage)`, then `v = 0` for a spiking neuron
/// 7. `ref = tauRef + tSpike` for a spiking neuron (`ref` is never clamped at 0)
///
/// ``step(count:voltage:refractoryTime:output:current:scalarCurrent:)`` updates neurons
/// sixteen at a time (``Group``) with no branch per neuron. Nearly every neuron takes a whole
/// step (`Δ == dt`), using `expm1(-dt / tauRC)` computed once per call (bit-identical to
/// computing it per neuron, since `Δ` is exactly `dt` there), or none (`Δ == 0`, no change).
/// The few that end their refractory period or spike in this step need `expm1(-Δ / tauRC)`
/// and `log1p`; these are evaluated for the whole group by short polynomials
/// (``LIFPolynomials``, within about 2 ulp of the C library). Branching to `expm1f` /
/// `log1pf` for just those neurons costs more than it saves, because the branches are
/// unpredictable (docs/engine.md has the measurements).
///
/// ``step(count:voltage:refractoryTime:output:current:)``, for a current in memory (``LIF``),
/// runs the same group step as one C loop (`csl_lif_step` in CStepLoops), compiled for
/// several instruction sets and chosen for the CPU at load time; it gives the same bits as the
/// Swift group step (same operations, same order, no fused multiply-add). The Swift group
/// step serves currents formed on the fly (``AdaptiveLIF``).
///
/// The scalar ``step(voltage:refractoryTime:current:)``, with the C library's functions, is
/// the reference. It takes over where the polynomials do not apply: for the whole population
/// when `dt / tauRC > 0.5`, and for neurons that start a step above threshold (`v > 1`, only
/// possible from an initial state), which the group step leaves untouched.
struct LIFStep {
    /// The neurons updated together.
    typealias Group = SIMD16<Float>
    typealias GroupMask = SIMDMask<SIMD16<Int32>>

    let dt: Float
    let tauRC: Float
    let tauRef: Float
    let minVoltage: Float
    /// `amplitude / dt`, the output in a spiking step.
    let spikeHeight: Float
    /// `expm1(-dt / tauRC)`.
    let fullStepFactor: Float
    /// `-1 / tauRC`.
    let negativeRate: Float
    /// Which polynomials cover steps of `dt / tauRC`, or nil when none do.
    let polynomials: LIFPolynomials.Range?

    /// - Parameter dt: the step in seconds; `amplitude / dt` is formed in `Double`, so a spike
    ///   of a unit amplitude at dt = 0.001 is exactly 1000.
    init(dt: Double, tauRC: Double, tauRef: Double, minVoltage: Double, amplitude: Double) {
        let dt32 = Float(dt)
        self.dt = dt32
        self.tauRC = Float(tauRC)
        self.tauRef = Float(tauRef)
        self.minVoltage = Float(minVoltage)
        self.spikeHeight = Float(amplitude / dt)
        self.fullStepFactor = expm1f(-dt32 / Float(tauRC))
        self.negativeRate = -1 / Float(tauRC)
        self.polynomials = LIFPolynomials.Range(stepOverTau: Double(dt32) / tauRC)
    }

    /// Advances `count` neurons whose inputs are `current[0..<count]`, with the C group loop;
    /// with `owed` (one count a block of 64 neurons), where `minVoltage` is +0, silent blocks
    /// leave their refractory time owing (`csl_lif_step`). Where the polynomials do not apply
    /// every neuron is stepped in full and nothing is owed.
    func step(
        count: Int, voltage: UnsafeMutablePointer<Float>, refractoryTime: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, current: UnsafePointer<Float>,
        owed: UnsafeMutablePointer<UInt32>? = nil
    ) {
        guard let polynomials else {
            for i in 0..<count {
                output[i] = step(voltage: &voltage[i], refractoryTime: &refractoryTime[i], current: current[i])
            }
            return
        }
        var constants = csl_lif_constants(
            dt: dt, tau_rc: tauRC, tau_ref: tauRef, min_voltage: minVoltage, spike_height: spikeHeight,
            full_step_factor: fullStepFactor, negative_rate: negativeRate)
        let aboveThreshold = csl_lif_step(
            count, voltage, refractoryTime, output, current, &constants, polynomials == .long, owed)
        if aboveThreshold {
            for k in 0..<count where voltage[k] > 1 {
                output[k] = step(voltage: &voltage[k], refractoryTime: &refractoryTime[k], current: current[k])
            }
        }
    }

    /// Advances `count` neurons; `current(i)` gives the input of neuron `i` (inlined).
    @inline(__always)
    func step(
        count: Int, voltage: UnsafeMutablePointer<Float>, refractoryTime: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, current: (Int) -> Group, scalarCurrent: (Int) -> Float
    ) {
        let aboveThreshold: Bool
        switch polynomials {
        case nil:
            for i in 0..<count {
                output[i] = step(voltage: &voltage[i], refractoryTime: &refractoryTime[i], current: scalarCurrent(i))
            }
            return
        // One copy of the loop per range, each with its range fixed: a range tested inside the
        // loop kept the compiler from vectorizing the polynomials cleanly (a third slower).
        case .short:
            aboveThreshold = stepGroups(
                count: count, voltage: voltage, refractoryTime: refractoryTime, output: output, current: current,
                scalarCurrent: scalarCurrent, .short)
        case .long:
            aboveThreshold = stepGroups(
                count: count, voltage: voltage, refractoryTime: refractoryTime, output: output, current: current,
                scalarCurrent: scalarCurrent, .long)
        }
        if aboveThreshold {
            // Only the neurons that started above threshold still are (the group step leaves
            // them untouched; every other neuron ends at or below 1).
            for k in 0..<count where voltage[k] > 1 {
                output[k] = step(voltage: &voltage[k], refractoryTime: &refractoryTime[k], current: scalarCurrent(k))
            }
        }
    }

    /// The group loop of ``step(count:voltage:refractoryTime:output:current:scalarCurrent:)``
    /// for one range of polynomials; returns whether any neuron started above threshold.
    @inline(__always)
    private func stepGroups(
        count: Int, voltage: UnsafeMutablePointer<Float>, refractoryTime: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>, current: (Int) -> Group, scalarCurrent: (Int) -> Float,
        _ polynomials: LIFPolynomials.Range
    ) -> Bool {
        var aboveThreshold = false
        var i = 0
        let groupEnd = count - count % Group.scalarCount
        while i < groupEnd {
            var v = UnsafeRawPointer(voltage + i).loadUnaligned(as: Group.self)
            var ref = UnsafeRawPointer(refractoryTime + i).loadUnaligned(as: Group.self)
            let out = step(voltage: &v, refractoryTime: &ref, current: current(i), polynomials, &aboveThreshold)
            UnsafeMutableRawPointer(voltage + i).storeBytes(of: v, as: Group.self)
            UnsafeMutableRawPointer(refractoryTime + i).storeBytes(of: ref, as: Group.self)
            UnsafeMutableRawPointer(output + i).storeBytes(of: out, as: Group.self)
            i += Group.scalarCount
        }
        if i < count {
            // The tail, as a group padded with neurons at rest.
            var v = Group()
            var ref = Group()
            var j = Group()
            for lane in 0..<(count - i) {
                v[lane] = voltage[i + lane]
                ref[lane] = refractoryTime[i + lane]
                j[lane] = scalarCurrent(i + lane)
            }
            let out = step(voltage: &v, refractoryTime: &ref, current: j, polynomials, &aboveThreshold)
            for lane in 0..<(count - i) {
                voltage[i + lane] = v[lane]
                refractoryTime[i + lane] = ref[lane]
                output[i + lane] = out[lane]
            }
        }
        return aboveThreshold
    }

    /// One neuron, any case, with the C library's `expm1f` / `log1pf`. Returns the output.
    @inline(__always)
    func step(voltage v: inout Float, refractoryTime ref: inout Float, current j: Float) -> Float {
        ref -= dt
        let delta = min(max(dt - ref, 0), dt)
        if delta == dt {
            v -= (j - v) * fullStepFactor
        } else if delta > 0 {
            v -= (j - v) * expm1f(-delta / tauRC)
        }
        if v > 1 {
            let tSpike = dt + tauRC * log1pf(-(v - 1) / (j - 1))
            v = 0
            ref = tauRef + tSpike
            return spikeHeight
        }
        if v < minVoltage { v = minVoltage }
        return 0
    }

    /// A group of neurons. Lanes that start above threshold are left unchanged (output 0), and
    /// `aboveThreshold` is set when there are any. Returns the outputs.
    @inline(__always)
    func step(
        voltage: inout Group, refractoryTime: inout Group, current j: Group, _ polynomials: LIFPolynomials.Range,
        _ aboveThreshold: inout Bool
    ) -> Group {
        let zero = Group()
        let one = Group(repeating: 1)
        let dtV = Group(repeating: dt)
        let oldVoltage = voltage
        var ref = refractoryTime - dtV
        let delta = dtV - ref
        // Δ <= 0 gives a factor of exactly 0 (no change); Δ >= dt the precomputed factor.
        var factor = LIFPolynomials.expm1(delta.replacing(with: zero, where: delta .< zero) * negativeRate, polynomials)
        factor.replace(with: fullStepFactor, where: delta .>= dtV)
        var v = oldVoltage - (j - oldVoltage) * factor
        let spiked = v .> one
        let tSpike = dtV + tauRC * LIFPolynomials.log1pOfNegativeRatio(v - 1, j - 1, polynomials)
        ref.replace(with: tauRef + tSpike, where: spiked)
        v.replace(with: minVoltage, where: v .< Group(repeating: minVoltage))
        v.replace(with: 0, where: spiked)
        var out = zero.replacing(with: spikeHeight, where: spiked)
        // Lanes that started above threshold (only an initial state puts one there) go back
        // to how they were, for the scalar step. Behind a branch that is never taken in a
        // running network: as blends in every group it cost a seventh of the loop.
        let startsAbove = oldVoltage .> one
        if LIFStep.anyLane(startsAbove) {
            v.replace(with: oldVoltage, where: startsAbove)
            ref.replace(with: refractoryTime, where: startsAbove)
            out.replace(with: 0, where: startsAbove)
            aboveThreshold = true
        }
        voltage = v
        refractoryTime = ref
        return out
    }

    /// Whether any lane of `mask` is set, by OR-ing halves (the standard library's `any(_:)`
    /// calls an out-of-line `SIMD.min()` here; docs/engine.md).
    @inline(__always)
    static func anyLane(_ mask: GroupMask) -> Bool {
        let sixteen = unsafeBitCast(mask, to: SIMD16<Int32>.self)
        let lanes = sixteen.lowHalf | sixteen.highHalf
        let four = lanes.lowHalf | lanes.highHalf
        let two = four.lowHalf | four.highHalf
        return (two[0] | two[1]) != 0
    }
}
