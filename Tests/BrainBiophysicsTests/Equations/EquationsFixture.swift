import Foundation

/// The Brian2 reference runs in `Fixtures/equations_brian2.json` (from make_equations_brian2.py).
struct Brian2EquationRuns: Decodable {
    struct Run: Decodable {
        let name: String
        let method: String?
        /// The method Brian2 used (from its log).
        let brian2_method: String
        let dt_ms: Double
        let duration_ms: Double
        let current_nA: Double
        let spike_times_ms: [Double]
        /// Samples at the start of every step: voltages in mV, currents in nA.
        let traces: [String: [Double]]
    }

    let brian2: String
    let models: [Run]

    static func load() throws -> Brian2EquationRuns {
        try decodeFixture(Brian2EquationRuns.self, "equations_brian2")
    }

    func run(_ name: String) throws -> Run {
        guard let run = models.first(where: { $0.name == name }) else { throw FixtureMissing(name: name) }
        return run
    }
}

/// Brian2's unit names in equations (`Fixtures/equations_units_brian2.json`): name, value in SI
/// base units, exponents of m, kg, s, A, K, mol, cd.
struct Brian2UnitTable: Decodable {
    struct Entry: Decodable {
        let name: String
        let scale: Double
        let exponents: [Int]

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            name = try container.decode(String.self)
            scale = try container.decode(Double.self)
            exponents = try container.decode([Int].self)
        }
    }

    let units: [Entry]

    static func load() throws -> Brian2UnitTable {
        try decodeFixture(Brian2UnitTable.self, "equations_units_brian2")
    }
}
