import Testing

@testable import BrainBiophysics

/// The unit names equations know are exactly Brian2's (its `DEFAULT_UNITS`, from
/// Fixtures/equations_units_brian2.json), with the same values and dimensions.
@Suite("Equation units")
struct UnitTableTests {
    @Test func everyBrian2UnitNameMatches() throws {
        let brian = try Brian2UnitTable.load().units
        #expect(brian.count == 1710)
        var mismatches: [String] = []
        for entry in brian {
            guard let unit = UnitTable.unit(named: entry.name) else {
                mismatches.append("\(entry.name) missing")
                continue
            }
            let exponents = (0..<7).map { Int(unit.dimension.exponents[$0]) }
            if exponents != entry.exponents { mismatches.append("\(entry.name) dimension \(exponents)") }
            if abs(unit.scale - entry.scale) > 1e-12 * abs(entry.scale) {
                mismatches.append("\(entry.name) scale \(unit.scale)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        let extra = Set(UnitTable.names).subtracting(brian.map(\.name))
        #expect(extra.isEmpty, "not Brian units: \(extra.sorted().prefix(10))")
    }

    @Test func dimensionsAreNamedReadably() {
        let volt = PhysicalDimension.voltage
        #expect(volt.description == "volt")
        #expect((volt / .time).description == "volt/second")
        #expect((PhysicalDimension.current * .time).description == "coulomb")
        #expect(PhysicalDimension(metre: -2, kilogram: -1, second: 3, ampere: 2).description == "siemens")
        #expect(PhysicalDimension.dimensionless.description == "1")
        #expect(PhysicalDimension(metre: 5, candela: 1).description == "m^5 cd")
    }

    @Test func rootsAndPowers() {
        let area = PhysicalDimension(metre: 2)
        #expect(area.root(2) == .length)
        #expect(PhysicalDimension.length.root(2) == nil)
        #expect(ExpressionResolver.power(area, 0.5) == .length)
        #expect(ExpressionResolver.power(.voltage, 2) == PhysicalDimension.voltage * .voltage)
        #expect(ExpressionResolver.power(.voltage, 0.3) == nil)
    }
}
