import Foundation

/// A named unit: its size in SI base units and its dimension (`mV` is `1e-3` volt).
struct PhysicalUnit: Sendable, Equatable {
    /// The unit's value in SI base units (`mV` → `0.001`).
    let scale: Double
    let dimension: PhysicalDimension
}

/// The unit names Brian2 2.9 knows in equations (its `DEFAULT_UNITS`, 1710 names), built from
/// the same rules:
/// - 32 SI-style unit names (`volt`, `amp`, `ampere`, `siemens`, `farad`, `ohm`, `second`,
///   `metre`/`meter`, `hertz`, `coulomb`, `molar`, ...), each with one of the 16 prefixes
///   `y z a f p n u m k M G T P E Z Y` or none, and a power suffix `2` or `3` or none
///   (`mvolt`, `namp`, `psiemens2`, `umetre3`);
/// - `liter`/`litre` with those prefixes and `c d da h` (no powers);
/// - `kelvin`, `kilogram`, `kilogramme` (no prefix; powers allowed);
/// - the 27 short symbols `mV nA pA uA mA nS uS pF nF uF ms us Hz kHz MHz um cm mm`
///   (`um2`...) `mM uM nM`.
///
/// Single letters (`V`, `A`, `S`, `F`, `s`, `m`) are not units, as in Brian, so they stay free
/// for variable names such as the capacitance `C`.
enum UnitTable {
    /// The unit called `name`, or nil.
    static func unit(named name: String) -> PhysicalUnit? {
        units[name]
    }

    /// Every known unit name (for tests and "did you mean" messages).
    static var names: Dictionary<String, PhysicalUnit>.Keys { units.keys }

    private static let prefixes: [(String, Double)] = [
        ("y", 1e-24), ("z", 1e-21), ("a", 1e-18), ("f", 1e-15), ("p", 1e-12), ("n", 1e-9), ("u", 1e-6),
        ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
        ("Z", 1e21), ("Y", 1e24),
    ]

    private static let volumePrefixes: [(String, Double)] =
        prefixes + [("c", 1e-2), ("d", 1e-1), ("da", 1e1), ("h", 1e2)]

    /// The prefixable named units, in SI base units.
    private static let namedUnits: [(String, PhysicalUnit)] = {
        func unit(_ scale: Double, _ dimension: PhysicalDimension) -> PhysicalUnit {
            PhysicalUnit(scale: scale, dimension: dimension)
        }
        let one = PhysicalDimension.dimensionless
        return [
            ("amp", unit(1, .current)),
            ("ampere", unit(1, .current)),
            ("becquerel", unit(1, PhysicalDimension(second: -1))),
            ("candle", unit(1, .luminousIntensity)),
            ("coulomb", unit(1, PhysicalDimension(second: 1, ampere: 1))),
            ("farad", unit(1, PhysicalDimension(metre: -2, kilogram: -1, second: 4, ampere: 2))),
            ("gram", unit(1e-3, .mass)),
            ("gramme", unit(1e-3, .mass)),
            ("gray", unit(1, PhysicalDimension(metre: 2, second: -2))),
            ("henry", unit(1, PhysicalDimension(metre: 2, kilogram: 1, second: -2, ampere: -2))),
            ("hertz", unit(1, PhysicalDimension(second: -1))),
            ("joule", unit(1, PhysicalDimension(metre: 2, kilogram: 1, second: -2))),
            ("katal", unit(1, PhysicalDimension(second: -1, mole: 1))),
            ("lumen", unit(1, .luminousIntensity)),
            ("lux", unit(1, PhysicalDimension(metre: -2, candela: 1))),
            ("meter", unit(1, .length)),
            ("metre", unit(1, .length)),
            ("mol", unit(1, .amount)),
            ("molar", unit(1e3, PhysicalDimension(metre: -3, mole: 1))),
            ("mole", unit(1, .amount)),
            ("newton", unit(1, PhysicalDimension(metre: 1, kilogram: 1, second: -2))),
            ("ohm", unit(1, PhysicalDimension(metre: 2, kilogram: 1, second: -3, ampere: -2))),
            ("pascal", unit(1, PhysicalDimension(metre: -1, kilogram: 1, second: -2))),
            ("radian", unit(1, one)),
            ("second", unit(1, .time)),
            ("siemens", unit(1, PhysicalDimension(metre: -2, kilogram: -1, second: 3, ampere: 2))),
            ("sievert", unit(1, PhysicalDimension(metre: 2, second: -2))),
            ("steradian", unit(1, one)),
            ("tesla", unit(1, PhysicalDimension(kilogram: 1, second: -2, ampere: -1))),
            ("volt", unit(1, .voltage)),
            ("watt", unit(1, PhysicalDimension(metre: 2, kilogram: 1, second: -3))),
            ("weber", unit(1, PhysicalDimension(metre: 2, kilogram: 1, second: -2, ampere: -1))),
        ]
    }()

    private static let units: [String: PhysicalUnit] = {
        var table: [String: PhysicalUnit] = [:]
        func addPowers(_ name: String, _ unit: PhysicalUnit) {
            table[name] = unit
            for n in [2, 3] {
                table[name + String(n)] = PhysicalUnit(
                    scale: pow(unit.scale, Double(n)), dimension: unit.dimension.power(Int32(n)))
            }
        }
        for (name, unit) in namedUnits {
            addPowers(name, unit)
            for (prefix, factor) in prefixes {
                addPowers(prefix + name, PhysicalUnit(scale: factor * unit.scale, dimension: unit.dimension))
            }
        }
        let litre = PhysicalUnit(scale: 1e-3, dimension: PhysicalDimension(metre: 3))
        for name in ["liter", "litre"] {
            table[name] = litre
            for (prefix, factor) in volumePrefixes {
                table[prefix + name] = PhysicalUnit(scale: factor * litre.scale, dimension: litre.dimension)
            }
        }
        addPowers("kelvin", PhysicalUnit(scale: 1, dimension: .temperature))
        addPowers("kilogram", PhysicalUnit(scale: 1, dimension: .mass))
        addPowers("kilogramme", PhysicalUnit(scale: 1, dimension: .mass))
        let shortSymbols: [(String, String)] = [
            ("mV", "mvolt"), ("nA", "namp"), ("pA", "pamp"), ("uA", "uamp"), ("mA", "mamp"),
            ("nS", "nsiemens"), ("uS", "usiemens"), ("pF", "pfarad"), ("nF", "nfarad"),
            ("uF", "ufarad"), ("ms", "msecond"), ("us", "usecond"), ("Hz", "hertz"), ("kHz", "khertz"),
            ("MHz", "Mhertz"), ("mM", "mmolar"), ("uM", "umolar"), ("nM", "nmolar"),
            ("um", "umetre"), ("mm", "mmetre"),
            ("um2", "umetre2"), ("um3", "umetre3"), ("mm2", "mmetre2"), ("mm3", "mmetre3"),
        ]
        for (symbol, name) in shortSymbols {
            table[symbol] = table[name]
        }
        // Centimetres have no long form in Brian's equation namespace.
        for n in 1...3 {
            table["cm" + (n == 1 ? "" : String(n))] = PhysicalUnit(
                scale: pow(1e-2, Double(n)), dimension: PhysicalDimension.length.power(Int32(n)))
        }
        return table
    }()
}
