import Foundation
import Testing

@testable import BrainCore

/// WhiteNoise against Nengo's `make_step(..., rng=RandomState(seed))` (processes.json).
@Suite("WhiteNoise matches Nengo")
struct WhiteNoiseTests {
    @Test(arguments: ["default", "gaussian_unscaled", "uniform", "uniform_integer", "choice_rows"])
    func outputsMatchNengo(_ name: String) throws {
        let c = try #require(try Fixture("processes").elements("white_noise").first { $0.string("name") == name })
        let spec = c.object("distribution")
        let distribution: any Distribution =
            switch spec.string("type") {
            case "gaussian": try Gaussian(mean: spec.double("mean"), std: spec.double("std"))
            case "uniform": Uniform(spec.double("low"), spec.double("high"))
            case "uniform_integer": Uniform(spec.double("low"), spec.double("high"), integer: true)
            case "choice": try Choice(rows: Matrix(spec.matrix("options")), weights: spec.doubles("weights"))
            default: Gaussian.standardNormal
            }
        let process = WhiteNoise(distribution: distribution, scale: c.bool("scale"))
        let dt = c.double("dt"), size = Int(c.double("size"))
        let expected = c.matrix("output")
        let times = (1...expected.count).map { Double($0) * dt }

        // Double path.
        var rng = RandomState(seed: Int(c.double("seed")))
        let doubles = try #require(
            try process.makeStepper(sizeIn: 0, sizeOut: size, dt: dt, rng: &rng) as? WhiteNoiseStepper)
        var buffer = [Double](repeating: 0, count: size)
        let rows = times.map { _ in
            buffer.withUnsafeMutableBufferPointer { doubles.nextValues($0.baseAddress!) }
            return buffer
        }
        #expect(maxScaledDifference(rows, expected) < 1e-12)

        // Float path.
        var stepperRNG = RandomState(seed: Int(c.double("seed")))
        let stepper = try process.makeStepper(sizeIn: 0, sizeOut: size, dt: dt, rng: &stepperRNG)
        #expect(maxScaledDifference(runStepper(stepper, size: size, times: times), expected) < 1e-6)
    }

    @Test func defaultIsStandardNormalScaledByRootDt() throws {
        let noise = WhiteNoise()
        #expect(noise.scale)
        let g = try #require(noise.distribution as? Gaussian)
        #expect(g.mean == 0 && g.std == 1)
        var rng = RandomState(seed: 1)
        var reference = rng
        let stepper = try noise.makeStepper(sizeIn: 0, sizeOut: 2, dt: 0.01, rng: &rng)
        let out = runStepper(stepper, size: 2, times: [0.01])[0]
        let expected = (0..<2).map { _ in Double(Float(10 * reference.standardNormal())) }
        #expect(out == expected)
    }

    @Test func shapesTheDistributionRejectsFailAtMakeStepper() throws {
        let choice = try Choice(rows: Matrix([[1, 2], [3, 4]]))
        var rng = RandomState(seed: 0)
        #expect(throws: BrainKitError.self) {
            try WhiteNoise(distribution: choice).makeStepper(sizeIn: 0, sizeOut: 3, dt: 0.001, rng: &rng)
        }
        #expect(throws: BrainKitError.validation("WhiteNoise", "dt", "must be > 0, got 0")) {
            try WhiteNoise().makeStepper(sizeIn: 0, sizeOut: 1, dt: 0, rng: &rng)
        }
    }
}
