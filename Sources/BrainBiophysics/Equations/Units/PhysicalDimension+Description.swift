extension PhysicalDimension: CustomStringConvertible {
    /// A readable name: a named SI unit when one matches (`volt`, `amp`, `siemens`), such a unit
    /// per second or times a second (`volt/second`, `amp*second`), `1` when dimensionless, or
    /// else a product of base units in Brian's style (`m^2 kg s^-3`).
    var description: String {
        if isDimensionless { return "1" }
        for (name, dimension) in PhysicalDimension.readableUnits where dimension == self {
            return name
        }
        for (name, dimension) in PhysicalDimension.readableUnits {
            for power: Int32 in [1, 2] {
                let perSecond = power == 1 ? "/second" : "/second**2"
                if dimension / PhysicalDimension.time.power(power) == self { return name + perSecond }
            }
            if dimension * PhysicalDimension.time == self { return name + "*second" }
        }
        let symbols = ["m", "kg", "s", "A", "K", "mol", "cd"]
        var parts: [String] = []
        for (lane, symbol) in symbols.enumerated() where exponents[lane] != 0 {
            parts.append(exponents[lane] == 1 ? symbol : "\(symbol)^\(exponents[lane])")
        }
        return parts.joined(separator: " ")
    }

    /// The units error messages name dimensions by, in order of preference.
    private static let readableUnits: [(String, PhysicalDimension)] = [
        ("volt", .voltage), ("amp", .current), ("second", .time), ("metre", .length), ("kilogram", .mass),
        ("kelvin", .temperature), ("mole", .amount), ("candle", .luminousIntensity),
        ("siemens", PhysicalDimension(metre: -2, kilogram: -1, second: 3, ampere: 2)),
        ("farad", PhysicalDimension(metre: -2, kilogram: -1, second: 4, ampere: 2)),
        ("ohm", PhysicalDimension(metre: 2, kilogram: 1, second: -3, ampere: -2)),
        ("coulomb", PhysicalDimension(second: 1, ampere: 1)),
        ("hertz", PhysicalDimension(second: -1)),
        ("joule", PhysicalDimension(metre: 2, kilogram: 1, second: -2)),
        ("watt", PhysicalDimension(metre: 2, kilogram: 1, second: -3)),
        ("newton", PhysicalDimension(metre: 1, kilogram: 1, second: -2)),
        ("molar", PhysicalDimension(metre: -3, mole: 1)),
        ("metre**2", PhysicalDimension(metre: 2)),
        ("metre**3", PhysicalDimension(metre: 3)),
    ]
}
