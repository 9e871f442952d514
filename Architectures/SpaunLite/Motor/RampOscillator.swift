import BrainCore
import BrainSPA
import Foundation

/// A neural pacemaker: a ramp that rises while a rate is routed in, and a bistable phase that
/// flips when the ramp reaches the top and back when it reaches the bottom. Spaun paces its
/// writing (about 0.93 s per digit) and its sub-vocal counting with such a ramp.
///
/// - **ramp**: an integrator (`ramp` ensemble, feedback through `Lowpass(τ)`, τ = 0.1 s). Its
///   state `s`, the fed-back value, follows `τ ds/dt = rate − fall · [p > 0.5] − leak(s)`,
///   where `rate` is what is routed into ``rate`` (a constant `c` makes `s` rise from 0 to 1
///   in about `τ / c` seconds) and `leak(s)` pulls values below 0.1 back to 0 at `0.2 s / τ`
///   (fading to none at 0.2), so the ramp rests at 0 when nothing is routed in. The ensemble
///   itself represents `s` plus what drives it; a second ensemble (`level`) receives the same
///   feedback and so represents `s` alone, without the jumps of the drive.
/// - **phase** `p`: an attractor (`phase` ensemble, feedback `tanh(4p)` through
///   `Lowpass(0.02)`, and a constant −0.2 so that it starts in the rising state) with stable
///   states about −1.2 (rising) and +0.8 (falling), kicked by `+push` while `s > top` and by
///   `−push` while `s < bottom`. The state changes continuously, so a kick lasts until the
///   phase is past its unstable point: the flips are clean.
///
/// So while a rate `c` is routed in, `s` climbs to `top`, `p` flips to +0.8, `s` falls at
/// `(fall − c)/τ` to `bottom`, `p` flips back, and so on
/// (``cycleSeconds(rate:top:bottom:fall:)``). With no rate the ramp settles at 0 and the phase
/// in its rising state. The flip to the falling state is the moment a stroke (or a count) is
/// complete.
///
/// Neurons: 3 × `neurons`.
public final class RampOscillator {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The rate routed in (a constant from an action).
    public let rate: ScalarInput
    /// The ramp's state `s`, decoded without a synapse.
    public let ramp: ScalarOutput
    /// `p`, decoded without a synapse: −1 rising, +1 falling.
    public let phase: ScalarOutput
    /// The ramp's integrator: `s` plus its drive.
    public let rampEnsemble: Ensemble
    /// Represents the ramp's state `s`.
    public let levelEnsemble: Ensemble
    /// The bistable phase `p`.
    public let phaseEnsemble: Ensemble

    /// - Parameters:
    ///   - top: where the phase flips to falling (default 0.8).
    ///   - bottom: where it flips back to rising (default 0.05).
    ///   - fall: the falling drive (default 0.5: a fall of 5/s, less the rate).
    ///   - push: the kick that flips the phase (default 2).
    ///   - neurons: neurons of each ensemble (default 100).
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - parent: the network to build in.
    /// - Throws: `BrainKitError` naming the oscillator and the parameter.
    public init(
        in parent: Network, label: String, top: Double = 0.8, bottom: Double = 0.05, fall: Double = 0.5, push: Double = 2,
        neurons: Int = 100, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "RampOscillator '\(label)'"
        try Check.finite([top, bottom, fall, push], name, "top, bottom, fall and push")
        guard bottom < top else { throw .validation(name, "bottom", "must be below top (\(top)), got \(bottom)") }
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label, seed: seed)
        let tau = 0.1, leak = Self.leak
        let held: ([Double]) -> [Double] = { [$0[0] - leak($0[0])] }
        rampEnsemble = try network.ensemble(
            label: "ramp", neurons: neurons, dimensions: 1, radius: max(top + 0.2, fall - bottom) * 1.25)
        levelEnsemble = try network.ensemble(label: "level", neurons: neurons, dimensions: 1, radius: top * 1.25)
        phaseEnsemble = try network.ensemble(label: "phase", neurons: neurons, dimensions: 1)
        let rateNode = try network.node(label: "rate", sizeIn: 1)
        let rampNode = try network.node(label: "ramp", sizeIn: 1)
        let phaseNode = try network.node(label: "phase", sizeIn: 1)
        try network.connect(rateNode, to: rampEnsemble, synapse: nil)
        try network.connect(
            rampEnsemble, to: rampEnsemble, synapse: try Lowpass(tau), function: held)
        try network.connect(
            rampEnsemble, to: levelEnsemble, synapse: try Lowpass(tau), function: held)
        try network.connect(
            levelEnsemble, to: phaseEnsemble, synapse: try Lowpass(0.005),
            function: { x in [x[0] > top ? push : (x[0] < bottom ? -push : 0)] })
        try network.connect(
            phaseEnsemble, to: rampEnsemble, synapse: try Lowpass(0.005), function: { [$0[0] > 0.5 ? -fall : 0] })
        try network.connect(phaseEnsemble, to: phaseEnsemble, synapse: try Lowpass(0.02), function: { [tanh(4 * $0[0])] })
        try network.connect(try network.node(label: "phase bias", output: -0.2), to: phaseEnsemble, synapse: nil)
        try network.connect(levelEnsemble, to: rampNode, synapse: nil)
        try network.connect(phaseEnsemble, to: phaseNode, synapse: nil)
        rate = ScalarInput(rateNode, name: "\(name) rate")
        ramp = ScalarOutput(rampNode, name: "\(name) ramp")
        phase = ScalarOutput(phaseNode, name: "\(name) phase")
    }

    /// The rate `c` that makes the ramp rise from 0 to `top` in about `seconds`.
    public static func rate(risingIn seconds: Double, top: Double = 0.8) -> Double { 0.1 * top / seconds }

    /// `leak(s)`: `0.2 s` below 0.1, fading linearly to none at 0.2.
    static func leak(_ s: Double) -> Double { 0.2 * s * min(max((0.2 - s) / 0.1, 0), 1) }

    /// The time the two phase flips of a cycle add to ``cycleSeconds(rate:top:bottom:fall:)``:
    /// each kick passes a 5 ms synapse and the phase's 20 ms feedback before the drive changes.
    public static let flipSeconds = 0.08

    /// The constant rate whose cycle, flips included, lasts `seconds` (bisection on
    /// ``cycleSeconds(rate:top:bottom:fall:)`` for rates up to `fall / 2`, where a faster rise
    /// still shortens the cycle more than it slows the fall; a shorter cycle than that rate
    /// gives is not reached).
    public static func rate(cycling seconds: Double, top: Double = 0.8, bottom: Double = 0.05, fall: Double = 0.5) -> Double {
        var low = 1e-4, high = fall / 2
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if cycleSeconds(rate: middle, top: top, bottom: bottom, fall: fall) + flipSeconds > seconds {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }

    /// One cycle's length by the equations above (synapses and neurons left out): the rise
    /// from `bottom` to `top` and the fall back, integrated in steps of 0.1 ms.
    public static func cycleSeconds(rate c: Double, top: Double = 0.8, bottom: Double = 0.05, fall: Double = 0.5) -> Double {
        let tau = 0.1, dt = 1e-4
        var s = bottom, t = 0.0
        while s <= top, t < 100 {
            s += dt * (c - leak(s)) / tau
            t += dt
        }
        while s >= bottom, t < 100 {
            s += dt * (c - fall - leak(s)) / tau
            t += dt
        }
        return t
    }
}
