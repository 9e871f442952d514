import BrainCore
import Foundation

/// Small random affine distortions of 8×8 images: the handwriting variation a writer adds (slant,
/// size, shear, position), used to multiply the handwritten training images.
///
/// A distortion maps each output pixel back into the source image about the image centre: undo a
/// shift `(dx, dy)` (uniform in `±maxShift` pixels, not necessarily whole), a rotation (uniform in
/// `±maxRotation` degrees) and a scaling (uniform in `1 ± maxScale`), then apply a horizontal shear
/// (uniform in `±maxShear`, `x − shear · y`); the source is read by bilinear interpolation, zero
/// outside the image. The draws come from the caller's `RandomState` in the order rotation,
/// scale, shear, x shift, y shift.
public struct ImageDistortion: Sendable, Equatable {
    /// The largest rotation in degrees (0…45).
    public let maxRotation: Double
    /// The largest relative change of size (0…0.5).
    public let maxScale: Double
    /// The largest horizontal shear (0…1).
    public let maxShear: Double
    /// The largest shift in pixels along each axis (0…2).
    public let maxShift: Double

    /// Spaun-lite's training distortions: rotations up to 8 degrees, sizes within 8 %, shears up
    /// to 0.15 and shifts up to half a pixel.
    public static let standard = ImageDistortion(unchecked: 8, 0.08, 0.15, 0.5)

    /// - Throws: `BrainKitError` naming the parameter out of range.
    public init(maxRotation: Double = 8, maxScale: Double = 0.08, maxShear: Double = 0.15, maxShift: Double = 0.5)
        throws(BrainKitError)
    {
        for (parameter, value, limit) in [
            ("maxRotation", maxRotation, 45.0), ("maxScale", maxScale, 0.5), ("maxShear", maxShear, 1.0), ("maxShift", maxShift, 2.0),
        ] {
            guard value.isFinite, (0...limit).contains(value) else {
                throw BrainKitError(
                    .validation, object: "ImageDistortion", parameter: parameter, message: "must be in 0...\(limit), got \(value)")
            }
        }
        self.init(unchecked: maxRotation, maxScale, maxShear, maxShift)
    }

    private init(unchecked maxRotation: Double, _ maxScale: Double, _ maxShear: Double, _ maxShift: Double) {
        self.maxRotation = maxRotation
        self.maxScale = maxScale
        self.maxShear = maxShear
        self.maxShift = maxShift
    }

    /// A randomly distorted copy of `pixels` (64 values, row-major).
    public func apply(to pixels: [Double], rng: inout RandomState) -> [Double] {
        let angle = rng.uniform(-maxRotation, maxRotation) * Double.pi / 180
        let scale = rng.uniform(1 - maxScale, 1 + maxScale)
        let shear = rng.uniform(-maxShear, maxShear)
        let dx = rng.uniform(-maxShift, maxShift), dy = rng.uniform(-maxShift, maxShift)
        return ImageDistortion.warp(pixels, angle: angle, scale: scale, shear: shear, dx: dx, dy: dy)
    }

    /// The image warped as described above with the given parameters (`angle` in radians).
    static func warp(_ pixels: [Double], angle: Double, scale: Double, shear: Double, dx: Double, dy: Double) -> [Double] {
        let side = GlyphFont.side
        let (cosine, sine) = (cos(angle), sin(angle))
        let centre = Double(side - 1) / 2
        var result = [Double](repeating: 0, count: side * side)
        for row in 0..<side {
            for column in 0..<side {
                let u = Double(column) - dx - centre, v = Double(row) - dy - centre
                let y = (-sine * u + cosine * v) / scale
                let x = (cosine * u + sine * v) / scale - shear * y
                result[row * side + column] = sample(pixels, x: x + centre, y: y + centre)
            }
        }
        return result
    }

    /// An 8×8 image's value at a real position (bilinear; 0 outside the image).
    static func sample(_ pixels: [Double], x: Double, y: Double) -> Double {
        let side = GlyphFont.side
        guard x > -1, y > -1, x < Double(side), y < Double(side) else { return 0 }
        let x0 = Int(floor(x)), y0 = Int(floor(y))
        let fx = x - Double(x0), fy = y - Double(y0)
        func at(_ column: Int, _ row: Int) -> Double {
            guard (0..<side).contains(column), (0..<side).contains(row), row * side + column < pixels.count else { return 0 }
            return pixels[row * side + column]
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }
}
