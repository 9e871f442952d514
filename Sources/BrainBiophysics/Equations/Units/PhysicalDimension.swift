/// The physical dimension of a quantity: integer exponents of the seven SI base dimensions
/// (length m, mass kg, time s, current A, temperature K, amount mol, luminous intensity cd).
///
/// Volt is `m² kg s⁻³ A⁻¹`, i.e. exponents `(2, 1, -3, -1, 0, 0, 0)`. Multiplying quantities
/// adds exponents, dividing subtracts them, and `x**n` multiplies them by `n`.
struct PhysicalDimension: Hashable, Sendable {
    /// Exponents in the order metre, kilogram, second, ampere, kelvin, mole, candela (lane 7
    /// is always 0).
    var exponents: SIMD8<Int32>

    init(_ exponents: SIMD8<Int32>) {
        self.exponents = exponents
    }

    init(
        metre: Int32 = 0, kilogram: Int32 = 0, second: Int32 = 0, ampere: Int32 = 0,
        kelvin: Int32 = 0, mole: Int32 = 0, candela: Int32 = 0
    ) {
        exponents = SIMD8(metre, kilogram, second, ampere, kelvin, mole, candela, 0)
    }

    static let dimensionless = PhysicalDimension(.zero)
    static let length = PhysicalDimension(metre: 1)
    static let mass = PhysicalDimension(kilogram: 1)
    static let time = PhysicalDimension(second: 1)
    static let current = PhysicalDimension(ampere: 1)
    static let temperature = PhysicalDimension(kelvin: 1)
    static let amount = PhysicalDimension(mole: 1)
    static let luminousIntensity = PhysicalDimension(candela: 1)
    static let voltage = PhysicalDimension(metre: 2, kilogram: 1, second: -3, ampere: -1)

    var isDimensionless: Bool { exponents == .zero }

    static func * (lhs: PhysicalDimension, rhs: PhysicalDimension) -> PhysicalDimension {
        PhysicalDimension(lhs.exponents &+ rhs.exponents)
    }

    static func / (lhs: PhysicalDimension, rhs: PhysicalDimension) -> PhysicalDimension {
        PhysicalDimension(lhs.exponents &- rhs.exponents)
    }

    /// The dimension raised to an integer power.
    func power(_ n: Int32) -> PhysicalDimension {
        PhysicalDimension(exponents &* SIMD8(repeating: n))
    }

    /// The dimension raised to `1 / n`, or nil when an exponent is not divisible by `n`
    /// (`sqrt(volt)` has no dimension with integer exponents).
    func root(_ n: Int32) -> PhysicalDimension? {
        guard n != 0 else { return nil }
        let divisible = (0..<8).allSatisfy { exponents[$0] % n == 0 }
        return divisible ? PhysicalDimension(exponents / SIMD8(repeating: n)) : nil
    }
}
