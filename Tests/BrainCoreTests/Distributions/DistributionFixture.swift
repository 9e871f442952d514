@testable import BrainCore

/// `distributions.json` (made by `make_distributions.py`), parsed once for all tests.
enum DistributionFixture {
    private static let parsed = Result<Fixture, any Error> { try Fixture("distributions") }

    static func load() throws -> Fixture {
        try parsed.get()
    }
}

/// One reference draw from `distributions.json`.
struct DistributionCase {
    let seed: Int
    let count: Int
    let dimensions: Int
    let values: Matrix
    let fixture: Fixture

    init(_ name: String) throws {
        let f = try DistributionFixture.load().object("cases").object(name)
        guard !f.keys().isEmpty else { throw FixtureError.missing("distributions.json case \(name)") }
        self.fixture = f
        self.seed = Int(f.double("seed"))
        self.count = Int(f.double("n"))
        self.dimensions = Int(f.double("d"))
        self.values = Matrix(f.matrix("values"))
    }

    /// Draws `count x dimensions` from `distribution` with `RandomState(seed)`.
    func draw(_ distribution: some Distribution) throws -> Matrix {
        var rng = RandomState(seed: seed)
        return try distribution.sample(count: count, dimensions: dimensions, rng: &rng)
    }
}
