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
