import BrainCore

/// A neural integrator (Nengo 3.2's `Integrator`, removed from Nengo 4): one ensemble of
/// `neurons` neurons representing `dimensions` values, fed back onto itself through a lowpass
/// synapse of time constant τ (``recurrentTau``), with its input scaled by τ.
///
/// The ensemble represents `x = r + τ·u`, where `u` is the value arriving at ``input`` and `r`
/// is the output of the recurrent `Lowpass(τ)` applied to `x`. From `τ·ṙ = x − r = τ·u`,
///
///     ṙ = u,
///
/// so the recurrent state integrates the input. When the input arrives through `Lowpass(τ)`
/// itself (`u = LP(u₀)`, as in Nengo's test), `r = ∫u dt = ∫u₀ dt − τ·u` and the represented
/// value is the integral of the unfiltered signal, `x = ∫u₀ dt`. Neurons make the integral
/// leak or drift slowly; more neurons drift less (Nengo, spec §D4: mean |drift| 0.043 per
/// second with 100 neurons, 0.015 with 200).
///
/// In discrete time (step dt, `a = e^(−dt/τ)`) the recurrent state follows
/// `r[k+1] = r[k] + (1 − a)·τ·u[k]` exactly in Direct mode: an integrator of gain
/// `(1 − a)·τ/dt` (0.995 for τ = 0.1 s, dt = 1 ms).
///
/// It lives in its own subnetwork (``network``) built exactly as Nengo 3.2's: ``input`` (a
/// passthrough node), the ensemble, the recurrent connection, and the connection from the
/// input with transform τ and no synapse, in that order; ``output`` is the ensemble itself
/// (connect or probe its decoded value). So a seeded model draws the same seeds as Nengo's.
/// Ensemble parameters come from `defaults`, then the parent network's defaults.
public final class Integrator {
    /// The subnetwork holding the ensemble and nodes.
    public let network: Network
    /// The ensemble holding the integral.
    public let ensemble: Ensemble
    /// The value to integrate: a passthrough node of ``dimensions`` values.
    public let input: Node
    /// The integral: the ensemble itself, whose decoded value it is (Nengo's
    /// `self.output = self.ensemble`).
    public let output: Ensemble
    /// The recurrent connection, `ensemble → ensemble` through `Lowpass(recurrentTau)`.
    public let recurrentConnection: Connection
    /// The time constant τ of the recurrent lowpass synapse, in seconds.
    public let recurrentTau: Double

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - recurrentTau: τ, the time constant of the recurrent `Lowpass` in seconds (> 0); the
    ///     input is scaled by τ. Longer τ is more robust to neural noise (Nengo's test: 0.1).
    ///   - neurons: the number of neurons in the ensemble.
    ///   - dimensions: the number of values integrated.
    ///   - defaults: ensemble parameters (radius, neuron type, ...) for this network.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for τ ≤ 0 or not finite, sizes < 1, or an invalid ensemble
    ///   parameter.
    public init(
        in parent: Network, label: String = "Integrator", recurrentTau: Double, neurons: Int, dimensions: Int,
        defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "Integrator '\(label)'"
        try Check.positiveFinite(recurrentTau, name, "recurrentTau")
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.fits(
            bytes: Size.product(neurons, dimensions, 8), limit: MemoryBudget.available,
            "\(neurons) neurons x \(dimensions) dimensions", name, neurons >= dimensions ? "neurons" : "dimensions")
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        self.recurrentTau = recurrentTau
        input = try network.node(label: "input", sizeIn: dimensions)
        ensemble = try network.ensemble(label: "integrator", neurons: neurons, dimensions: dimensions)
        recurrentConnection = try network.connect(ensemble, to: ensemble, synapse: try Lowpass(recurrentTau))
        try network.connect(input, to: ensemble, synapse: nil, transform: .scalar(recurrentTau))
        output = ensemble
    }

    /// The number of values integrated.
    public var dimensions: Int { ensemble.dimensions }
}
