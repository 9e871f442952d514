import BrainTestSupport
import Foundation
import Testing
@testable import BrainCore

/// UniformHypersphere, QuasirandomSequence and ScatteredHypersphere against Nengo 4.1.
@Suite("Hypersphere and quasirandom distributions match Nengo")
struct HypersphereDistributionTests {
    @Test(arguments: [1, 3, 16])
    func uniformHypersphere(_ d: Int) throws {
        let ball = try DistributionCase("uniform_hypersphere_ball_d\(d)")
        #expect(maxAbsoluteDifference(try ball.draw(UniformHypersphere()).values, ball.values.values) <= 1e-15)
        let surface = try DistributionCase("uniform_hypersphere_surface_d\(d)")
        #expect(try surface.draw(UniformHypersphere(surface: true)) == surface.values)
    }

    @Test func uniformHypersphereMinMagnitude() throws {
        let c = try DistributionCase("uniform_hypersphere_ball_min_magnitude_d3")
        let drawn = try c.draw(UniformHypersphere(minMagnitude: 0.4))
        #expect(maxAbsoluteDifference(drawn.values, c.values.values) <= 1e-15)
    }

    @Test(arguments: [1, 2, 5])
    func quasirandomSequence(_ d: Int) throws {
        let c = try DistributionCase("quasirandom_d\(d)")
        #expect(try c.draw(QuasirandomSequence()) == c.values)
    }

    @Test func goldenRatios() {
        #expect(abs(QuasirandomSequence.generalizedGoldenRatio(1) - (1 + 5.0.squareRoot()) / 2) < 1e-15)
        #expect(abs(QuasirandomSequence.generalizedGoldenRatio(2) - 1.324717957244746) < 1e-15)
    }

    /// The 1-D draws make 1-D ensembles identical to Nengo's, so they must agree exactly.
    @Test(arguments: [7, 50, 750])
    func scatteredOneDimensional(_ n: Int) throws {
        let surface = try DistributionCase("scattered_surface_d1_n\(n)")
        #expect(try surface.draw(ScatteredHypersphere(surface: true)) == surface.values)
        let ball = try DistributionCase("scattered_ball_d1_n\(n)")
        #expect(try ball.draw(ScatteredHypersphere()) == ball.values)
    }

    @Test func scatteredOneDimensionalMinMagnitude() throws {
        let c = try DistributionCase("scattered_ball_min_magnitude_d1")
        let drawn = try c.draw(ScatteredHypersphere(minMagnitude: 0.25))
        #expect(drawn == c.values)
        #expect(drawn.values.allSatisfy { abs($0) >= 0.25 && abs($0) < 1 })
    }

    /// d ≥ 2 goes through betaincinv, sin/cos and the SVD rotation, so agreement is to rounding.
    @Test(arguments: [2, 3, 16])
    func scatteredExactTransform(_ d: Int) throws {
        let surface = try DistributionCase("scattered_sct_surface_d\(d)")
        let drawnSurface = try surface.draw(ScatteredHypersphere(surface: true))
        #expect(maxAbsoluteDifference(drawnSurface.values, surface.values.values) <= 1e-12)
        let ball = try DistributionCase("scattered_sct_ball_d\(d)")
        let drawnBall = try ball.draw(ScatteredHypersphere())
        #expect(maxAbsoluteDifference(drawnBall.values, ball.values.values) <= 1e-12)
    }

    @Test func scatteredExactTransformMinMagnitude() throws {
        let c = try DistributionCase("scattered_sct_ball_min_magnitude_d3")
        let drawn = try c.draw(ScatteredHypersphere(minMagnitude: 0.3))
        #expect(maxAbsoluteDifference(drawn.values, c.values.values) <= 1e-12)
    }

    /// Properties Nengo does not pin down for other sizes: unit norms on the surface, norms in
    /// [minMagnitude, 1) in the ball, and an even spread (a centred mean).
    @Test(arguments: [4, 40])
    func scatteredGeometry(_ d: Int) throws {
        var rng = RandomState(seed: 5)
        let surface = try ScatteredHypersphere(surface: true).sample(count: 400, dimensions: d, rng: &rng)
        let ball = try ScatteredHypersphere(minMagnitude: 0.2).sample(count: 400, dimensions: d, rng: &rng)
        for r in 0..<400 {
            let surfaceNorm = surface.row(r).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(surfaceNorm - 1) < 1e-12)
            let ballNorm = ball.row(r).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(ballNorm >= 0.2 - 1e-12 && ballNorm <= 1 + 1e-12)
        }
        for c in 0..<d {
            #expect(abs(mean(surface.column(c))) < 0.02)
        }
    }
}
