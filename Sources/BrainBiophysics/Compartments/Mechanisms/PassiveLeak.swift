import BrainCore

/// NEURON's `pas` mechanism: a passive leak with current density (mA/cm², outward positive)
/// `i = conductance (v − reversal)`, `v` in mV.
public struct PassiveLeak: Sendable, Equatable, CustomStringConvertible {
    /// Leak conductance (S/cm²), NEURON's `g_pas`.
    public let conductance: Double
    /// Reversal potential (mV), NEURON's `e_pas`.
    public let reversal: Double

    /// NEURON's defaults: `conductance = 0.001` S/cm², `reversal = −70` mV.
    /// - Throws: `BrainKitError` (validation) for a negative or non-finite conductance or a
    ///   non-finite reversal potential.
    public init(conductance: Double = 0.001, reversal: Double = -70) throws(BrainKitError) {
        try Check.finite([conductance], "PassiveLeak", "conductance")
        try Check.atLeast(conductance, 0, "PassiveLeak", "conductance")
        try Check.finite([reversal], "PassiveLeak", "reversal")
        self.conductance = conductance
        self.reversal = reversal
    }

    /// NEURON's `pas` with its default parameters.
    public static let standard = PassiveLeak(uncheckedConductance: 0.001, reversal: -70)

    private init(uncheckedConductance: Double, reversal: Double) {
        self.conductance = uncheckedConductance
        self.reversal = reversal
    }

    public var description: String { "pas(conductance: \(conductance), reversal: \(reversal))" }
}
