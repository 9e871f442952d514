import BrainTestSupport
import Testing
@testable import BrainCore

/// Uniform, Gaussian, Exponential and Choice draw exactly what Nengo 4.1 draws.
@Suite("Element-wise distributions match Nengo bit for bit")
struct ElementwiseDistributionTests {
    @Test func uniform() throws {
        let c = try DistributionCase("uniform")
        #expect(try c.draw(Uniform(-1.0, 0.9)) == c.values)
    }

    @Test func uniformInteger() throws {
        let c = try DistributionCase("uniform_integer")
        #expect(try c.draw(Uniform(-3, 7, integer: true)) == c.values)
    }

    @Test func gaussian() throws {
        let c = try DistributionCase("gaussian")
        #expect(try c.draw(Gaussian(mean: 0.5, std: 2.0)) == c.values)
    }

    @Test func exponential() throws {
        let c = try DistributionCase("exponential")
        #expect(try c.draw(Exponential(scale: 1.7)) == c.values)
    }

    @Test func exponentialShiftedAndClipped() throws {
        let c = try DistributionCase("exponential_clipped")
        let drawn = try c.draw(Exponential(scale: 0.8, shift: 0.3, high: 1.2))
        #expect(drawn == c.values)
        #expect(drawn.values.contains(1.2.nextDown))
        #expect(drawn.values.allSatisfy { $0 >= 0.3 && $0 < 1.2 })
    }

    @Test(arguments: ["choice_scalar", "choice_many"])
    func scalarChoice(_ name: String) throws {
        let c = try DistributionCase(name)
        let choice = try Choice(c.fixture.doubles("options"), weights: c.fixture.doubles("weights"))
        #expect(try c.draw(choice) == c.values)
    }

    @Test func vectorChoice() throws {
        let c = try DistributionCase("choice_vector")
        let choice = try Choice(rows: Matrix(c.fixture.matrix("options")), weights: c.fixture.doubles("weights"))
        #expect(try c.draw(choice) == c.values)
    }
}
