import BrainCore
import BrainSPA
import Foundation

/// A neural pacemaker: a ramp that rises while a rate is routed in, and a bistable phase that
/// flips when the ramp reaches the top and back when it reaches the bottom. Spaun paces its
/// writing (about 0.93 s per digit) and its sub-vocal counting with such a ramp.
///
/// - **ramp** `r`: an integrator (`ramp` ensemble, feedback through `Lowpass(τ)`, τ = 0.1 s):
///   `τ dr/dt = rate − fall · [p > 0] − leak(r)`, where `rate` is what is routed into ``rate``
///   (a constant `c` makes `r` rise from 0 to 1 in about `τ / c` seconds) and `leak(r)` pulls
///   values below 0.1 back to 0 at `0.2 r / τ` (fading to none at 0.2), so the ramp rests at 0
///   when nothing is routed in.
/// - **phase** `p`: an attractor (`phase` ensemble, feedback `tanh(4p)` through
///   `Lowpass(0.02)`) with stable states −1 (rising) and +1 (falling), kicked by `+push` while
///   `r > top` and by `−push` while `r < bottom` (decoded from the ramp).
///
/// So while a rate `c` is routed in, `r` climbs to `top`, `p` flips to +1, `r` falls at
/// `(fall − c)/τ` to `bottom`, `p` flips back, and so on. With no rate the ramp settles at 0
/// and the phase at −1. The flip to +1 is the moment a stroke (or a count) is complete.
///
/// Neurons: 2 × `neurons`.
public final class RampOscillator {
    public let network: Network
    /// The rate routed in (a constant from an action).
    public let rate: ScalarInput
    /// `r`, decoded without a synapse.
    public let ramp: ScalarOutput
    /// `p`, decoded without a synapse: −1 rising, +1 falling.
    public let phase: ScalarOutput
    public let rampEnsemble: Ensemble
    public let phaseEnsemble: Ensemble

    /// - Parameters:
    ///   - top: where the phase flips to falling (default 0.8).
    ///   - bottom: where it flips back to rising (default 0.05).
    ///   - fall: the falling drive (default 1).
    ///   - push: the kick that flips the phase (default 2).
    ///   - neurons: neurons of each ensemble (default 100).
    /// - Throws: ``BrainKitError`` naming the oscillator and the parameter.
    public init(
        in parent: Network, label: String, top: Double = 0.8, bottom: Double = 0.05, fall: Double = 1, push: Double = 2,
        neurons: Int = 100, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "RampOscillator '\(label)'"
        try Check.finite([top, bottom, fall, push], name, "top, bottom, fall and push")
        guard bottom < top else { throw .validation(name, "bottom", "must be below top (\(top)), got \(bottom)") }
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label, seed: seed)
        let tau = 0.1
        rampEnsemble = try network.ensemble(label: "ramp", neurons: neurons, dimensions: 1, radius: top * 1.25)
        phaseEnsemble = try network.ensemble(label: "phase", neurons: neurons, dimensions: 1)
        let rateNode = try network.node(label: "rate", sizeIn: 1)
        let rampNode = try network.node(label: "ramp", sizeIn: 1)
        let phaseNode = try network.node(label: "phase", sizeIn: 1)
        try network.connect(rateNode, to: rampEnsemble, synapse: nil)
        try network.connect(
            rampEnsemble, to: rampEnsemble, synapse: try Lowpass(tau),
            function: { x in
                let r = x[0], share = min(max((0.2 - r) / 0.1, 0), 1)
                return [r - 0.2 * r * share]
            })
        try network.connect(
            rampEnsemble, to: phaseEnsemble, synapse: try Lowpass(0.005),
            function: { x in [x[0] > top ? push : (x[0] < bottom ? -push : 0)] })
        try network.connect(
            phaseEnsemble, to: rampEnsemble, synapse: try Lowpass(0.005), function: { [$0[0] > 0.5 ? -fall : 0] })
        try network.connect(phaseEnsemble, to: phaseEnsemble, synapse: try Lowpass(0.02), function: { [tanh(4 * $0[0])] })
        try network.connect(rampEnsemble, to: rampNode, synapse: nil)
        try network.connect(phaseEnsemble, to: phaseNode, synapse: nil)
        rate = ScalarInput(rateNode, name: "\(name) rate")
        ramp = ScalarOutput(rampNode, name: "\(name) ramp")
        phase = ScalarOutput(phaseNode, name: "\(name) phase")
    }

    /// The rate `c` that makes the ramp rise from 0 to `top` in about `seconds`.
    public static func rate(risingIn seconds: Double, top: Double = 0.8) -> Double { 0.1 * top / seconds }
}
