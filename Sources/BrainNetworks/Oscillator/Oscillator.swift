import BrainCore

/// A neural oscillator (Nengo 3.2's `Oscillator`, removed from Nengo 4): one 2-D ensemble of
/// `neurons` neurons, fed back onto itself through `Lowpass(τ)` with the transform
///
///     A = [[1, −ωτ], [ωτ, 1]] = I + τ·Ω,   Ω = [[0, −ω], [ω, 0]],
///
/// so the recurrent state `r` (the synapse's output, `x = r + u` the represented value) obeys
/// `τ·ṙ = A·x − r`, i.e. `ṙ = Ω·r + A·u/τ`: without input it rotates counterclockwise (x₀
/// towards x₁) at ω rad/s, that is `ω/2π` Hz; a negative ω turns the other way. Input is a
/// kick that sets the amplitude; the neurons then hold it near the edge of the represented
/// range, where decoding errors balance (Nengo: amplitude 0.72–0.99 for 100 neurons).
///
/// In discrete time (step dt, `a = e^(−dt/τ)`) a Direct-mode oscillator steps
/// `r[k+1] = (I + (1 − a)·τ·Ω)·r[k]`: it turns by `atan((1 − a)·ω·τ)` per step (4.975 rad/s for
/// ω = 5 rad/s, τ = 0.1 s, dt = 1 ms) and grows by `√(1 + ((1 − a)·ω·τ)²)` per step.
///
/// It lives in its own subnetwork (``network``): ``input`` (a passthrough node of 2 values)
/// feeds the ensemble with no synapse; ``output`` (a passthrough node of 2 values) receives
/// the ensemble's decoded value with no synapse. Ensemble parameters come from `defaults`,
/// then the parent network's defaults.
public final class Oscillator {
    /// The subnetwork holding the ensemble and nodes.
    public let network: Network
    /// The 2-D ensemble holding the oscillator's state.
    public let ensemble: Ensemble
    /// The kick: a passthrough node of 2 values added to the state with no synapse.
    public let input: Node
    /// The state (the ensemble's decoded value): a passthrough node of 2 values.
    public let output: Node
    /// The recurrent connection, through `Lowpass(recurrentTau)` with transform `I + τ·Ω`.
    public let recurrentConnection: Connection
    /// The time constant τ of the recurrent lowpass synapse, in seconds.
    public let recurrentTau: Double
    /// The angular frequency ω in rad/s (positive: counterclockwise).
    public let frequency: Double

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - recurrentTau: τ, the time constant of the recurrent `Lowpass` in seconds (> 0).
    ///   - frequency: ω, the angular frequency in rad/s (finite; negative turns clockwise).
    ///   - neurons: the number of neurons in the ensemble.
    ///   - defaults: ensemble parameters (radius, neuron type, ...) for this network.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for τ ≤ 0, a non-finite τ or ω, neurons < 1, or an invalid
    ///   ensemble parameter.
    public init(
        in parent: Network, label: String = "Oscillator", recurrentTau: Double, frequency: Double, neurons: Int,
        defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Oscillator '\(label)'"
        try Check.positiveFinite(recurrentTau, name, "recurrentTau")
        try Check.finite([frequency], name, "frequency")
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        self.recurrentTau = recurrentTau
        self.frequency = frequency
        input = try network.node(label: "input", sizeIn: 2)
        ensemble = try network.ensemble(label: "oscillator", neurons: neurons, dimensions: 2)
        let turn = frequency * recurrentTau
        let rotation = Matrix([[1, -turn], [turn, 1]])
        recurrentConnection = try network.connect(
            ensemble, to: ensemble, synapse: try Lowpass(recurrentTau), transform: .dense(rotation))
        try network.connect(input, to: ensemble, synapse: nil)
        output = try network.node(label: "output", sizeIn: 2)
        try network.connect(ensemble, to: output, synapse: nil)
    }
}
