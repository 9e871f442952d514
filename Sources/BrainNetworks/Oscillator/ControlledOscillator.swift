import BrainCore

/// An oscillator whose speed is an input (Nengo's "controlled oscillator" example, made a
/// reusable network): one 3-D ensemble representing `(x₀, x₁, w)` (default 500 neurons,
/// radius 1.7), fed back through `Lowpass(τ)` with the decoded function
///
///     f(x₀, x₁, w) = (x₀ − w·ω_max·τ·x₁,  x₁ + w·ω_max·τ·x₀,  0),
///
/// so that, as for ``Oscillator``, the state `(x₀, x₁)` rotates counterclockwise at
/// `ω = w·ω_max` rad/s (`w·ω_max/2π` Hz): `w` in [−1, 1] sets the speed and direction, w = 0
/// stops it. The neurons compute the product `w·x` a little small, so the speed follows the
/// command to within a few percent (Nengo, 500 neurons, ω_max = 10 rad/s, seeds 0–11: 3–7 %
/// slow at w = 1, within ±5 % at w = −0.5).
///
/// Ports (passthrough nodes, no synapse inside the network): ``input`` (2 values) kicks
/// `(x₀, x₁)` to start the oscillation; ``control`` (1 value) is `w`, added to the third
/// dimension (which the feedback leaves at 0, so it follows the control exactly — filter the
/// control upstream); ``output`` (2 values) is the decoded `(x₀, x₁)`.
///
/// The radius 1.7 leaves room for `|(x₀, x₁, w)| ≤ √2` when the amplitude is about 1 and
/// |w| ≤ 1. Ensemble parameters come from `defaults`, then the parent network's defaults.
public final class ControlledOscillator {
    /// The subnetwork holding the ensemble and nodes.
    public let network: Network
    /// The 3-D ensemble holding `(x₀, x₁, w)`.
    public let ensemble: Ensemble
    /// The kick: a passthrough node of 2 values added to `(x₀, x₁)` with no synapse.
    public let input: Node
    /// The speed command `w` (fraction of ``maxFrequency``): a passthrough node of 1 value.
    public let control: Node
    /// The state `(x₀, x₁)`, decoded: a passthrough node of 2 values.
    public let output: Node
    /// The recurrent connection computing `f` through `Lowpass(recurrentTau)`.
    public let recurrentConnection: Connection
    /// The time constant τ of the recurrent lowpass synapse, in seconds.
    public let recurrentTau: Double
    /// ω_max, the angular frequency in rad/s at control w = 1.
    public let maxFrequency: Double

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: the number of neurons in the 3-D ensemble (Nengo's example: 500).
    ///   - recurrentTau: τ, the time constant of the recurrent `Lowpass` in seconds (> 0).
    ///   - maxFrequency: ω_max in rad/s (> 0), the speed at control w = 1 (Nengo's example:
    ///     10 rad/s, about 1.6 Hz).
    ///   - radius: the ensemble's radius (Nengo's example: 1.7).
    ///   - defaults: further ensemble parameters (neuron type, ...) for this network.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    /// - Throws: `BrainKitError` for τ ≤ 0, ω_max ≤ 0, a non-finite value, neurons < 1, or an
    ///   invalid ensemble parameter.
    public init(
        in parent: Network, label: String = "ControlledOscillator", neurons: Int = 500, recurrentTau: Double = 0.1,
        maxFrequency: Double = 10, radius: Double = 1.7, defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "ControlledOscillator '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.greaterThan(recurrentTau, 0, name, "recurrentTau")
        try Check.greaterThan(maxFrequency, 0, name, "maxFrequency")
        try Check.finite([recurrentTau], name, "recurrentTau")
        try Check.finite([maxFrequency], name, "maxFrequency")
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        self.recurrentTau = recurrentTau
        self.maxFrequency = maxFrequency
        input = try network.node(label: "input", sizeIn: 2)
        control = try network.node(label: "control", sizeIn: 1)
        ensemble = try network.ensemble(label: "oscillator", neurons: neurons, dimensions: 3, radius: radius)
        let turn = maxFrequency * recurrentTau
        recurrentConnection = try network.connect(
            ensemble, to: ensemble, synapse: try Lowpass(recurrentTau),
            function: { x in [x[0] - x[2] * turn * x[1], x[1] + x[2] * turn * x[0], 0] })
        try network.connect(input, to: ensemble[0..<2], synapse: nil)
        try network.connect(control, to: ensemble[2], synapse: nil)
        output = try network.node(label: "output", sizeIn: 2)
        try network.connect(ensemble[0..<2], to: output, synapse: nil)
    }
}
