import BrainTestSupport
import Testing
@testable import BrainCore

/// Uniform, Gaussian, Exponential, Choice, SqrtBeta, SubvectorLength and CosineSimilarity draw
/// exactly what Nengo 4.1 draws, and RandomState's beta and standard gamma exactly what numpy's
/// legacy RandomState draws.
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

    // MARK: - Beta-based distributions

    @Test(arguments: [3, 18, 34, 66], [1, 3, 16])
    func cosineSimilarity(vectorDimensions m: Int, columns d: Int) throws {
        let c = try DistributionCase("cosine_similarity_m\(m)_d\(d)")
        #expect(Int(c.fixture.object("parameters").double("dimensions")) == m)
        let drawn = try c.draw(CosineSimilarity(dimensions: m))
        #expect(drawn == c.values)
        #expect(drawn.values.allSatisfy { abs($0) <= 1 })
    }

    /// `sample(n)` without a dimension; m = 2 is Beta(1/2, 1/2) (Jöhnk's algorithm).
    @Test(arguments: [2, 18])
    func scalarCosineSimilarity(vectorDimensions m: Int) throws {
        let c = try DistributionCase("cosine_similarity_m\(m)_scalar")
        var rng = RandomState(seed: c.seed)
        #expect(try CosineSimilarity(dimensions: m).sample(count: c.count, rng: &rng) == c.values.values)
    }

    @Test(arguments: ["subvector_length_16_1_d1", "subvector_length_16_1_d3", "subvector_length_16_4_d3",
                      "subvector_length_5_3_d16", "subvector_length_64_32_d3"])
    func subvectorLength(_ name: String) throws {
        let c = try DistributionCase(name)
        let parameters = c.fixture.object("parameters")
        let distribution = try SubvectorLength(
            dimensions: Int(parameters.double("dimensions")), subdimensions: Int(parameters.double("subdimensions")))
        #expect(try c.draw(distribution) == c.values)
    }

    /// Beta(m/2, n/2) through Jöhnk's algorithm ((1, 1), (2, 2), (1, 2)) and through standard
    /// gammas of shape < 1, = 1 and > 1.
    @Test(arguments: ["n1_m1", "n2_m2", "n1_m2", "n200_m1", "n3_m2", "n1_m4", "n2_m3", "n1_m3", "n50_m30", "n300_m300"],
          [1, 3, 16])
    func sqrtBeta(_ shapes: String, columns d: Int) throws {
        let c = try DistributionCase("sqrt_beta_\(shapes)_d\(d)")
        let parameters = c.fixture.object("parameters")
        let drawn = try c.draw(SqrtBeta(n: Int(parameters.double("n")), m: Int(parameters.double("m"))))
        #expect(drawn == c.values)
        #expect(drawn.values.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    // MARK: - numpy's legacy beta and standard gamma

    /// Includes a = b = 0.001 and 0.002, whose powers underflow to 0 (the log-space branch of
    /// Jöhnk's algorithm) or to subnormals.
    @Test(arguments: 0..<13)
    func numpyBeta(_ index: Int) throws {
        let c = try DistributionCase("numpy_beta_\(index)")
        let parameters = c.fixture.object("parameters")
        let a = parameters.double("a"), b = parameters.double("b")
        var rng = RandomState(seed: c.seed)
        let drawn = (0..<c.count).map { _ in rng.beta(a, b) }
        #expect(drawn == c.values.values, "beta(\(a), \(b))")
    }

    @Test(arguments: 0..<12)
    func numpyStandardGamma(_ index: Int) throws {
        let c = try DistributionCase("numpy_standard_gamma_\(index)")
        let shape = c.fixture.object("parameters").double("shape")
        var rng = RandomState(seed: c.seed)
        let drawn = (0..<c.count).map { _ in rng.standardGamma(shape: shape) }
        #expect(drawn == c.values.values, "standard_gamma(\(shape))")
    }

    /// Gammas of shape > 1 share the polar Gaussian's cached value with `standardNormal()`.
    @Test func numpyStandardGammaThenNormal() throws {
        let c = try DistributionCase("numpy_standard_gamma_then_normal")
        let parameters = c.fixture.object("parameters")
        let shape = parameters.double("shape")
        var rng = RandomState(seed: c.seed)
        let gammas = (0..<Int(parameters.double("gammas"))).map { _ in rng.standardGamma(shape: shape) }
        let normals = (0..<Int(parameters.double("normals"))).map { _ in rng.standardNormal() }
        #expect(gammas + normals == c.values.values)
    }
}
