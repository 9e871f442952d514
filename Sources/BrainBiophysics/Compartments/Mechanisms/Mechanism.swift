import BrainCore

/// A membrane mechanism inserted into a ``Section`` (NEURON's `insert`): its current flows
/// through every segment of the section, in proportion to the segment's area.
public enum Mechanism: Sendable, Equatable, CustomStringConvertible {
    /// Hodgkin–Huxley sodium, potassium and leak channels (NEURON's `hh`).
    case hodgkinHuxley(HodgkinHuxley)
    /// A passive leak (NEURON's `pas`).
    case passive(PassiveLeak)

    /// NEURON's `hh` with its default parameters.
    public static var hh: Mechanism { .hodgkinHuxley(.standard) }
    /// NEURON's `pas` with its default parameters.
    public static var pas: Mechanism { .passive(.standard) }

    /// The mechanism's NEURON name (`hh`, `pas`); a section holds at most one of each.
    public var name: String {
        switch self {
        case .hodgkinHuxley: "hh"
        case .passive: "pas"
        }
    }

    public var description: String {
        switch self {
        case .hodgkinHuxley(let channels): channels.description
        case .passive(let leak): leak.description
        }
    }
}
