import BrainCore

/// An unbranched cylinder of membrane (NEURON's `Section`), split into ``segmentCount``
/// equal segments, each computed as one compartment at its centre.
///
/// Geometry and units follow NEURON: lengths in µm, specific membrane capacitance in µF/cm²,
/// axial resistivity in Ω·cm. A segment has membrane area `π diameter length / segmentCount`
/// and capacitance `membraneCapacitance × area`; neighbouring segment centres are joined by
/// the axial resistance of the cylinder between them (`axialResistivity × distance /
/// (π diameter² / 4)`).
///
/// Sections are values. ``connect(at:to:at:)`` records the parent by name; a ``Cell`` built
/// from the sections resolves the names into a tree.
public struct Section: Sendable, Equatable, CustomStringConvertible {
    /// The section's name, unique within a ``Cell``.
    public let name: String
    /// Length (µm), NEURON's `L`.
    public let length: Double
    /// Diameter (µm), NEURON's `diam`.
    public let diameter: Double
    /// Specific membrane capacitance (µF/cm²), NEURON's `cm`.
    public let membraneCapacitance: Double
    /// Axial resistivity (Ω·cm), NEURON's `Ra`.
    public let axialResistivity: Double
    /// Number of segments, NEURON's `nseg`.
    public let segmentCount: Int
    /// The inserted mechanisms, at most one of each kind (``Mechanism/name``).
    public private(set) var mechanisms: [Mechanism]
    /// Where this section's ``SectionConnection/childEnd`` attaches to its parent; nil for a
    /// root section.
    public private(set) var parent: SectionConnection?

    /// The memory a segment takes at most once compiled (its node's voltage, matrix entries
    /// and gates, in `Double`), for the size check of ``segmentCount``.
    static let bytesPerSegment = 128

    /// - Parameters:
    ///   - name: a non-empty name.
    ///   - length: length (µm), > 0.
    ///   - diameter: diameter (µm), > 0.
    ///   - membraneCapacitance: µF/cm², > 0 (NEURON's default 1).
    ///   - axialResistivity: Ω·cm, > 0 (NEURON's default 35.4).
    ///   - segmentCount: segments, >= 1 (NEURON's default 1).
    ///   - mechanisms: mechanisms to insert, at most one of each kind.
    /// - Throws: `BrainKitError` (validation) naming the section and the parameter.
    public init(
        name: String, length: Double, diameter: Double, membraneCapacitance: Double = 1,
        axialResistivity: Double = 35.4, segmentCount: Int = 1, mechanisms: [Mechanism] = []
    ) throws(BrainKitError) {
        guard !name.isEmpty else { throw .validation("Section", "name", "must not be empty") }
        let object = "Section '\(name)'"
        try Check.finite([length], object, "length")
        try Check.greaterThan(length, 0, object, "length")
        try Check.finite([diameter], object, "diameter")
        try Check.greaterThan(diameter, 0, object, "diameter")
        try Check.finite([membraneCapacitance], object, "membraneCapacitance")
        try Check.greaterThan(membraneCapacitance, 0, object, "membraneCapacitance")
        try Check.finite([axialResistivity], object, "axialResistivity")
        try Check.greaterThan(axialResistivity, 0, object, "axialResistivity")
        try Check.atLeast(segmentCount, 1, object, "segmentCount")
        try Check.fits(
            bytes: Size.product(segmentCount, Section.bytesPerSegment), limit: MemoryBudget.available,
            "\(segmentCount) segments", object, "segmentCount")
        var seen: Set<String> = []
        for mechanism in mechanisms where !seen.insert(mechanism.name).inserted {
            throw .validation(object, "mechanisms", "contains '\(mechanism.name)' more than once")
        }
        self.name = name
        self.length = length
        self.diameter = diameter
        self.membraneCapacitance = membraneCapacitance
        self.axialResistivity = axialResistivity
        self.segmentCount = segmentCount
        self.mechanisms = mechanisms
        self.parent = nil
    }

    /// Inserts `mechanism` (NEURON's `insert`), replacing one of the same kind.
    public mutating func insert(_ mechanism: Mechanism) {
        if let index = mechanisms.firstIndex(where: { $0.name == mechanism.name }) {
            mechanisms[index] = mechanism
        } else {
            mechanisms.append(mechanism)
        }
    }

    /// Attaches this section's `end` (0 or 1) to `parent` at `position` (0…1 along the
    /// parent), as NEURON's `child.connect(parent(position), end)`; a section has one parent,
    /// so connecting again replaces the previous connection.
    ///
    /// The attachment point is the parent's node at `position`: its 0 or 1 end, or (for
    /// `0 < position < 1`) the centre of the segment containing `position`.
    /// - Throws: `BrainKitError` (validation) when `end` is not 0 or 1, `position` is
    ///   outside [0, 1], or `parent` is this section (same name). Cycles through several
    ///   sections are found by ``Cell/init(sections:)``.
    public mutating func connect(
        at end: Double = 0, to parent: Section, at position: Double = 1
    ) throws(BrainKitError) {
        let object = "Section '\(name)'"
        guard end == 0 || end == 1 else {
            throw .validation(object, "end", "must be 0 or 1 (the end of the child that attaches), got \(end)")
        }
        guard position >= 0, position <= 1 else {
            throw .validation(object, "position", "must be in [0, 1], got \(position)")
        }
        guard parent.name != name else {
            throw .validation(object, "parent", "cannot be the section itself")
        }
        self.parent = SectionConnection(parent: parent.name, position: position, childEnd: end == 0 ? 0 : 1)
    }

    /// The point at `position` (0…1 from the 0 end) on this section, as NEURON's `sec(x)`.
    public func callAsFunction(_ position: Double) -> SectionLocation {
        SectionLocation(section: name, position: position)
    }

    public var description: String {
        var text = "Section(\(name): length \(length), diameter \(diameter), cm \(membraneCapacitance), "
            + "Ra \(axialResistivity), nseg \(segmentCount), ["
            + mechanisms.map(\.description).joined(separator: ", ") + "]"
        if let parent {
            text += ", \(parent)"
        }
        return text + ")"
    }
}

/// How a section attaches to its parent: its ``childEnd`` at ``position`` on ``parent``.
public struct SectionConnection: Sendable, Equatable, CustomStringConvertible {
    /// The parent section's name.
    public let parent: String
    /// Where on the parent (0…1).
    public let position: Double
    /// Which end of the child attaches: 0 or 1.
    public let childEnd: Int

    public var description: String { "end \(childEnd) on \(parent)(\(position))" }
}

/// A point on a section: `position` from 0 (the section's 0 end) to 1, NEURON's `sec(x)`.
public struct SectionLocation: Sendable, Hashable, CustomStringConvertible {
    /// The section's name.
    public let section: String
    /// The position along the section (0…1).
    public let position: Double

    /// The point at `position` (0…1) along the section named `section`.
    public init(section: String, position: Double) {
        self.section = section
        self.position = position
    }

    public var description: String { "\(section)(\(position))" }
}
