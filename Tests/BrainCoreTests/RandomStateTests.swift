import Testing
@testable import BrainCore

/// numpy's legacy RandomState, call for call (fixture g).
@Suite("RandomState matches numpy.random.RandomState")
struct RandomStateTests {
    @Test func drawsMatchNumpyInCallOrder() throws {
        let g = try Fixture("g_numpy_rng")
        var rng = RandomState(seed: 0)
        let ints = (0..<3).map { _ in rng.nextSeed() }
        #expect(ints == g.ints("randint_maxint_x3"))
        let uniforms = (0..<3).map { _ in rng.randomSample() }
        #expect(uniforms == g.doubles("uniform_0_1_x3"))
        let scaled = (0..<2).map { _ in rng.uniform(200, 400) }
        #expect(scaled == g.doubles("uniform_200_400_x2"))
        let normals = (0..<3).map { _ in rng.standardNormal() }
        #expect(normals == g.doubles("standard_normal_x3"))
    }

    @Test func seed42GivesNengosConnectionSeeds() throws {
        let g = try Fixture("g_numpy_rng")
        var rng = RandomState(seed: 42)
        #expect([rng.nextSeed(), rng.nextSeed()] == g.ints("seed_42_first_randint_maxint_x2"))
    }
}
