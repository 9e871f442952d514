/// The name of a quantity on an axis and its unit, drawn as `Time (s)` (just the name
/// without a unit).
public struct AxisLabel: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The quantity's name, such as `Time`.
    public var name: String
    /// The unit, such as `s`, `Hz`, `mV`; nil for a dimensionless quantity.
    public var unit: String?

    /// A label `name`, with `unit` when given.
    public init(_ name: String, unit: String? = nil) {
        self.name = name
        self.unit = unit
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text drawn on the axis.
    public var text: String {
        guard let unit, !unit.isEmpty else { return name }
        return "\(name) (\(unit))"
    }

    /// `Time (s)`.
    public static let time = AxisLabel("Time", unit: "s")
}
