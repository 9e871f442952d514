import BrainCore

/// A current electrode at a point of a cell (NEURON's `IClamp`): it injects ``amplitude`` nA
/// (positive depolarises) from ``delay`` for ``duration`` ms, else nothing.
///
/// Within a step from `t` to `t + dt` the current is evaluated once, at the midpoint
/// `t + dt/2` (time accumulated in half steps, as NEURON does): it is on when
/// `delay ≤ t + dt/2 < delay + duration`. It enters the node at ``location`` (the segment
/// centre or section end NEURON would pick, see ``Section/connect(at:to:at:)``).
public struct CurrentClamp: Sendable, Equatable, CustomStringConvertible {
    /// Where the current is injected.
    public let location: SectionLocation
    /// Onset (ms).
    public let delay: Double
    /// How long it lasts (ms).
    public let duration: Double
    /// The injected current (nA).
    public let amplitude: Double

    /// - Parameters:
    ///   - location: a point on a section, position in [0, 1] (e.g. `soma(0.5)`).
    ///   - delay: onset (ms), >= 0.
    ///   - duration: ms, >= 0.
    ///   - amplitude: nA, finite.
    /// - Throws: `BrainKitError` (validation) for a position outside [0, 1] or a bad time
    ///   or amplitude. Whether the section exists is checked by ``CellSimulation``.
    public init(
        at location: SectionLocation, delay: Double, duration: Double, amplitude: Double
    ) throws(BrainKitError) {
        let object = "CurrentClamp"
        guard location.position >= 0, location.position <= 1 else {
            throw .validation(object, "location", "position must be in [0, 1], got \(location.position)")
        }
        try Check.finite([delay], object, "delay")
        try Check.atLeast(delay, 0, object, "delay")
        try Check.finite([duration], object, "duration")
        try Check.atLeast(duration, 0, object, "duration")
        try Check.finite([amplitude], object, "amplitude")
        self.location = location
        self.delay = delay
        self.duration = duration
        self.amplitude = amplitude
    }

    /// The injected current (nA) at time `t` (ms).
    public func current(at t: Double) -> Double {
        t >= delay && t < delay + duration ? amplitude : 0
    }

    public var description: String {
        "CurrentClamp(\(location), delay \(delay) ms, duration \(duration) ms, amplitude \(amplitude) nA)"
    }
}
