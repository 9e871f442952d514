import Foundation

/// Izhikevich's (2003) two-variable spiking neuron (Nengo's `Izhikevich`), with voltage `v`
/// (mV) and recovery `u`.
///
/// Each step of `dt` seconds (time in the equations is in ms, hence the factor 1000):
/// 1. `J = max(J, -30)`
/// 2. `v += dt * 1000 * (0.04 v² + 5 v + 140 - u + J)`
/// 3. spike when `v >= 30`: output `1 / dt` (there is **no** amplitude), `v = resetVoltage`
/// 4. `u += dt * 1000 * tauRecovery * (coupling * v - u)` with the post-reset `v`, then
///    `u += resetRecovery` for a spiking neuron
///
/// State: `voltage ~ Uniform(0, 1)` (Nengo's default, although the resting voltage is near
/// -65 mV), `recovery ~ Choice([0])`. ``rates(currents:)`` is measured by simulation, and
/// gain and bias come from the generic search (``NeuronType/numericGainBias(maxRates:intercepts:)``).
public struct Izhikevich: NeuronType {
    /// The recovery rate `a` (1/ms), > 0; the recovery time constant is `1 / a` ms.
    public let tauRecovery: Double
    /// The sensitivity `b` of the recovery to the voltage, >= 0.
    public let coupling: Double
    /// The voltage `c` after a spike (mV).
    public let resetVoltage: Double
    /// The recovery increment `d` after a spike.
    public let resetRecovery: Double
    public let stateVariables: [NeuronStateVariable]

    static let defaultState = [
        NeuronStateVariable(name: "voltage", initial: NeuronInitialState.uniformVoltage),
        NeuronStateVariable(name: "recovery", initial: NeuronInitialState.zero),
    ]

    /// Nengo's defaults (regular spiking): `tauRecovery = 0.02`, `coupling = 0.2`,
    /// `resetVoltage = -65`, `resetRecovery = 8`.
    public init() {
        tauRecovery = 0.02
        coupling = 0.2
        resetVoltage = -65
        resetRecovery = 8
        stateVariables = Izhikevich.defaultState
    }

    /// - Parameters:
    ///   - tauRecovery: recovery rate `a`, > 0.
    ///   - coupling: recovery sensitivity `b`, >= 0.
    ///   - resetVoltage: voltage after a spike `c` (mV), finite.
    ///   - resetRecovery: recovery increment after a spike `d`, finite.
    ///   - initialState: distributions replacing the defaults of `voltage` / `recovery`.
    /// - Throws: ``BrainKitError`` (validation) for a parameter out of range or an unknown
    ///   state variable name.
    public init(
        tauRecovery: Double = 0.02, coupling: Double = 0.2, resetVoltage: Double = -65, resetRecovery: Double = 8,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        try Check.greaterThan(tauRecovery, 0, "Izhikevich", "tauRecovery")
        try Check.atLeast(coupling, 0, "Izhikevich", "coupling")
        try Check.finite([resetVoltage], "Izhikevich", "resetVoltage")
        try Check.finite([resetRecovery], "Izhikevich", "resetRecovery")
        self.tauRecovery = tauRecovery
        self.coupling = coupling
        self.resetVoltage = resetVoltage
        self.resetRecovery = resetRecovery
        self.stateVariables = try NeuronInitialState.resolve(
            "Izhikevich", defaults: Izhikevich.defaultState, overrides: initialState)
    }

    public var isSpiking: Bool { true }

    /// The measured rate (Hz): from `v = u = 0`, one step of 1 ms to settle, then the mean
    /// output over 1000 steps of 1 ms (so rates are whole numbers of spikes per second).
    /// Simulated in `Double`, like Nengo.
    public func rates(currents: [Double]) -> [Double] {
        let dt = 0.001
        let settleSteps = 1
        let measureSteps = 1000
        let n = currents.count
        var voltage = [Double](repeating: 0, count: n)
        var recovery = [Double](repeating: 0, count: n)
        var spikes = [Int](repeating: 0, count: n)
        for stepIndex in 0..<(settleSteps + measureSteps) {
            for i in 0..<n {
                let j = max(currents[i], -30)
                var v = voltage[i]
                var u = recovery[i]
                v += dt * (1000 * (0.04 * (v * v) + 5 * v + 140 - u + j))
                let spiked = v >= 30
                if spiked { v = resetVoltage }
                u += dt * (1000 * (tauRecovery * (coupling * v - u)))
                if spiked { u += resetRecovery }
                voltage[i] = v
                recovery[i] = u
                if spiked && stepIndex >= settleSteps { spikes[i] += 1 }
            }
        }
        return spikes.map { Double($0) * (1 / dt) / Double(measureSteps) }
    }

    /// The Izhikevich update (see the type's documentation) in `Float`.
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let dt = Float(stepSeconds)
        let a = Float(tauRecovery)
        let b = Float(coupling)
        let c = Float(resetVoltage)
        let d = Float(resetRecovery)
        let spikeHeight = Float(1 / stepSeconds)
        let voltage = state
        let recovery = state + stateStride
        var i = 0
        while i < count {
            let j = max(current[i], -30)
            var v = voltage[i]
            var u = recovery[i]
            v += dt * (1000 * (0.04 * (v * v) + 5 * v + 140 - u + j))
            let spiked = v >= 30
            if spiked { v = c }
            u += dt * (1000 * (a * (b * v - u)))
            if spiked { u += d }
            voltage[i] = v
            recovery[i] = u
            output[i] = spiked ? spikeHeight : 0
            i += 1
        }
    }

    public var description: String {
        "Izhikevich(tauRecovery: \(tauRecovery), coupling: \(coupling), resetVoltage: \(resetVoltage), "
            + "resetRecovery: \(resetRecovery))"
    }
}
