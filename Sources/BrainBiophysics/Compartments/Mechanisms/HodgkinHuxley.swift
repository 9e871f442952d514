import BrainCore

/// The Hodgkin–Huxley (1952) squid-axon channels as NEURON's `hh` mechanism defines them: a
/// sodium current with activation `m` and inactivation `h`, a potassium current with
/// activation `n`, and a leak.
///
/// Membrane current density (mA/cm², outward positive), with `v` in mV:
///
///     i = gNaBar m³ h (v − eNa) + gKBar n⁴ (v − eK) + gLeak (v − eLeak)
///
/// Each gate `x ∈ {m, h, n}` follows `dx/dt = (x∞(v) − x) / τx(v)` (t in ms), with
/// `x∞ = α / (α + β)` and `τx = 1 / (q10 (α + β))`, `q10 = 3^((celsius − 6.3) / 10)`:
///
///     αm = 0.1 vtrap(−(v + 40), 10)      βm = 4 exp(−(v + 65) / 18)
///     αh = 0.07 exp(−(v + 65) / 20)      βh = 1 / (exp(−(v + 35) / 10) + 1)
///     αn = 0.01 vtrap(−(v + 55), 10)     βn = 0.125 exp(−(v + 65) / 80)
///
/// where `vtrap(x, y) = x / (exp(x / y) − 1)`, replaced by its expansion `y (1 − x / y / 2)`
/// when `|x / y| < 1e-6` (the removable singularity at `x = 0`).
///
/// Like NEURON (whose `usetable_hh` is 1 by default), the six functions `m∞, τm, h∞, τh, n∞,
/// τn` are by default read from a table at 1 mV spacing over −100…100 mV (201 points, built
/// for the simulation's temperature) with linear interpolation, and clamped to the end values
/// outside that range; ``useRateTable`` `= false` evaluates them exactly.
public struct HodgkinHuxley: Sendable, Equatable, CustomStringConvertible {
    /// Maximal sodium conductance (S/cm²), NEURON's `gnabar_hh`.
    public let gNaBar: Double
    /// Maximal potassium conductance (S/cm²), NEURON's `gkbar_hh`.
    public let gKBar: Double
    /// Leak conductance (S/cm²), NEURON's `gl_hh`.
    public let gLeak: Double
    /// Sodium reversal potential (mV), NEURON's `ena`.
    public let eNa: Double
    /// Potassium reversal potential (mV), NEURON's `ek`.
    public let eK: Double
    /// Leak reversal potential (mV), NEURON's `el_hh`.
    public let eLeak: Double
    /// Read the rate functions from NEURON's 1 mV table (true, NEURON's default) or evaluate
    /// them exactly (false).
    public let useRateTable: Bool

    /// NEURON's defaults: `gNaBar = 0.12`, `gKBar = 0.036`, `gLeak = 0.0003` S/cm²,
    /// `eNa = 50`, `eK = −77`, `eLeak = −54.3` mV, tabulated rates.
    /// - Throws: `BrainKitError` (validation) for a negative or non-finite conductance or
    ///   a non-finite reversal potential.
    public init(
        gNaBar: Double = 0.12, gKBar: Double = 0.036, gLeak: Double = 0.0003,
        eNa: Double = 50, eK: Double = -77, eLeak: Double = -54.3, useRateTable: Bool = true
    ) throws(BrainKitError) {
        let object = "HodgkinHuxley"
        for (value, name) in [(gNaBar, "gNaBar"), (gKBar, "gKBar"), (gLeak, "gLeak")] {
            try Check.finite([value], object, name)
            try Check.atLeast(value, 0, object, name)
        }
        try Check.finite([eNa], object, "eNa")
        try Check.finite([eK], object, "eK")
        try Check.finite([eLeak], object, "eLeak")
        self.gNaBar = gNaBar
        self.gKBar = gKBar
        self.gLeak = gLeak
        self.eNa = eNa
        self.eK = eK
        self.eLeak = eLeak
        self.useRateTable = useRateTable
    }

    /// NEURON's `hh` with its default parameters.
    public static let standard = HodgkinHuxley(
        uncheckedGNaBar: 0.12, gKBar: 0.036, gLeak: 0.0003, eNa: 50, eK: -77, eLeak: -54.3)

    private init(uncheckedGNaBar: Double, gKBar: Double, gLeak: Double, eNa: Double, eK: Double, eLeak: Double) {
        self.gNaBar = uncheckedGNaBar
        self.gKBar = gKBar
        self.gLeak = gLeak
        self.eNa = eNa
        self.eK = eK
        self.eLeak = eLeak
        self.useRateTable = true
    }

    public var description: String {
        "hh(gNaBar: \(gNaBar), gKBar: \(gKBar), gLeak: \(gLeak), eNa: \(eNa), eK: \(eK), eLeak: \(eLeak), "
            + "useRateTable: \(useRateTable))"
    }
}
