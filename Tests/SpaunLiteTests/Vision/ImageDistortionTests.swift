import BrainCore
import Testing
@testable import SpaunLite

/// The random affine distortions that multiply the handwritten training images.
@Suite("Image distortion")
struct ImageDistortionTests {
    static let image = GlyphFont.bitmap(of: .seven)

    @Test func noDistortionKeepsTheImage() throws {
        let none = try ImageDistortion(maxRotation: 0, maxScale: 0, maxShear: 0, maxShift: 0)
        var rng = RandomState(seed: 1)
        let result = none.apply(to: Self.image, rng: &rng)
        #expect(zip(result, Self.image).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func wholePixelShiftMovesTheImage() {
        let shifted = ImageDistortion.warp(Self.image, angle: 0, scale: 1, shear: 0, dx: 1, dy: -1)
        for row in 0..<8 {
            for column in 0..<8 {
                let (sourceRow, sourceColumn) = (row + 1, column - 1)
                let expected = (0..<8).contains(sourceRow) && (0..<8).contains(sourceColumn) ? Self.image[sourceRow * 8 + sourceColumn] : 0
                #expect(abs(shifted[row * 8 + column] - expected) < 1e-12)
            }
        }
    }

    @Test func distortionsAreSeededSmallAndInRange() {
        var a = RandomState(seed: 9), b = RandomState(seed: 9)
        var changed = 0
        for _ in 0..<50 {
            let first = ImageDistortion.standard.apply(to: Self.image, rng: &a)
            #expect(first == ImageDistortion.standard.apply(to: Self.image, rng: &b))
            #expect(first.count == 64 && first.allSatisfy { (0...1).contains($0) })
            let difference = zip(first, Self.image).reduce(0) { $0 + abs($1.0 - $1.1) }
            let ink = Self.image.reduce(0, +)
            #expect(difference < 1.2 * ink, "a distortion should leave the digit recognisable")
            if difference > 0.1 { changed += 1 }
        }
        #expect(changed >= 45)
    }

    @Test func thicknessBlendsWithTheDilationOrErosion() {
        var dot = [Double](repeating: 0, count: 64)
        dot[3 * 8 + 3] = 1
        let thick = ImageDistortion.thicken(dot, by: 1)
        for row in 0..<8 {
            for column in 0..<8 {
                let expected = (2...4).contains(row) && (2...4).contains(column) ? 1.0 : 0
                #expect(thick[row * 8 + column] == expected)
            }
        }
        #expect(ImageDistortion.thicken(dot, by: -1).allSatisfy { $0 == 0 })
        let half = ImageDistortion.thicken(dot, by: 0.5)
        #expect(half[3 * 8 + 3] == 1 && half[2 * 8 + 4] == 0.5 && half[0] == 0)
        let full = [Double](repeating: 0.75, count: 64)
        #expect(ImageDistortion.thicken(full, by: -0.7) == full, "the erosion looks only within the image")
    }

    @Test func uniformLocalDisplacementShiftsTheImage() {
        let displaced = ImageDistortion.warp(
            Self.image, angle: 0, scale: 1, shear: 0, dx: 0, dy: 0, displacements: Array(repeating: [1.0, 0], count: 9).flatMap { $0 })
        let shifted = ImageDistortion.warp(Self.image, angle: 0, scale: 1, shear: 0, dx: -1, dy: 0)
        #expect(zip(displaced, shifted).allSatisfy { abs($0 - $1) < 1e-12 })
        let still = ImageDistortion.warp(
            Self.image, angle: 0.1, scale: 1.05, shear: 0.1, dx: 0.3, dy: 0, displacements: Array(repeating: 0, count: 18))
        #expect(still == ImageDistortion.warp(Self.image, angle: 0.1, scale: 1.05, shear: 0.1, dx: 0.3, dy: 0))
    }

    @Test func writerDistortionsAreSeededAndKeepTheAffineDraws() throws {
        let writer = try ImageDistortion(maxElastic: 0.6, maxThickness: 0.4, maxInk: 0.2)
        let plain = try ImageDistortion(maxElastic: 0, maxThickness: 0, maxInk: 0)
        #expect(plain == ImageDistortion.standard)
        var a = RandomState(seed: 4), b = RandomState(seed: 4), c = RandomState(seed: 4)
        var differs = 0
        for _ in 0..<30 {
            let first = writer.apply(to: Self.image, rng: &a)
            #expect(first == writer.apply(to: Self.image, rng: &b))
            #expect(first.count == 64 && first.allSatisfy { (0...1).contains($0) })
            var affine = RandomState(seed: c.nextSeed())
            var same = affine
            let standard = ImageDistortion.standard.apply(to: Self.image, rng: &affine)
            let angle = same.uniform(-8, 8) * Double.pi / 180, scale = same.uniform(0.92, 1.08), shear = same.uniform(-0.15, 0.15)
            let dx = same.uniform(-0.5, 0.5), dy = same.uniform(-0.5, 0.5)
            #expect(standard == ImageDistortion.warp(Self.image, angle: angle, scale: scale, shear: shear, dx: dx, dy: dy))
            if zip(first, Self.image).contains(where: { abs($0 - $1) > 0.05 }) { differs += 1 }
        }
        #expect(differs >= 28)
    }

    @Test func nonFinitePositionsReadAsBlank() {
        #expect(ImageDistortion.sample(Self.image, x: .nan, y: 3) == 0)
        #expect(ImageDistortion.sample(Self.image, x: 3, y: .infinity) == 0)
        #expect(ImageDistortion.sample(Self.image, x: -1e300, y: 3) == 0)
        #expect(ImageDistortion.sample([0.5], x: 3, y: 3) == 0)
    }

    @Test func badParametersAreTypedErrors() {
        let cases: [(String, () throws(BrainKitError) -> ImageDistortion)] = [
            ("maxRotation", { () throws(BrainKitError) in try ImageDistortion(maxRotation: -1) }),
            ("maxRotation", { () throws(BrainKitError) in try ImageDistortion(maxRotation: 90) }),
            ("maxScale", { () throws(BrainKitError) in try ImageDistortion(maxScale: 0.6) }),
            ("maxShear", { () throws(BrainKitError) in try ImageDistortion(maxShear: .nan) }),
            ("maxShift", { () throws(BrainKitError) in try ImageDistortion(maxShift: -0.5) }),
            ("maxShift", { () throws(BrainKitError) in try ImageDistortion(maxShift: 3) }),
            ("maxElastic", { () throws(BrainKitError) in try ImageDistortion(maxElastic: 2.5) }),
            ("maxThickness", { () throws(BrainKitError) in try ImageDistortion(maxThickness: -0.1) }),
            ("maxInk", { () throws(BrainKitError) in try ImageDistortion(maxInk: .infinity) }),
        ]
        for (parameter, make) in cases {
            do {
                _ = try make()
                Issue.record("accepted a bad \(parameter)")
            } catch {
                #expect(error.kind == .validation && error.object == "ImageDistortion" && error.parameter == parameter, "\(error)")
            }
        }
    }
}
