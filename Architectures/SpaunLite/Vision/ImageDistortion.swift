import BrainCore
import Foundation

/// Small random distortions of 8×8 images: the handwriting variation a writer adds (slant,
/// size, shear, position, local wobble, stroke thickness, ink), used to multiply the handwritten
/// training images.
///
/// A distortion maps each output pixel `p` back into the source image about the image centre:
/// undo a shift `(dx, dy)` (uniform in `±maxShift` pixels, not necessarily whole), a rotation
/// (uniform in `±maxRotation` degrees) and a scaling (uniform in `1 ± maxScale`), then apply a
/// horizontal shear (uniform in `±maxShear`, `x − shear · y`), and add a local displacement
/// `u(p)`: bilinear over a 3×3 grid of control points (the corners, edge midpoints and centre
/// of the image), each moved by a displacement uniform in `±maxElastic` pixels along each axis.
/// The source is read by bilinear interpolation, zero outside the image.
///
/// The warped image `w` then changes its strokes' thickness by `t` (uniform in
/// `±maxThickness`): `(1 − |t|) w + |t| D(w)`, where `D` is the grey-level dilation (the
/// maximum over each pixel's 3×3 neighbourhood within the image) for `t > 0` and the erosion
/// (the minimum) for `t < 0`; and its ink by `c` (uniform in `1 ± maxInk`): `min(c · w, 1)`.
///
/// The draws come from the caller's `RandomState` in the order rotation, scale, shear, x shift,
/// y shift; then, only for the parameters that are not zero, thickness, ink and the 18 control
/// point displacements (x then y of each, row by row), so a distortion without the last three
/// draws what one without them always drew.
public struct ImageDistortion: Sendable, Equatable {
    /// The largest rotation in degrees (0…45).
    public let maxRotation: Double
    /// The largest relative change of size (0…0.5).
    public let maxScale: Double
    /// The largest horizontal shear (0…1).
    public let maxShear: Double
    /// The largest shift in pixels along each axis (0…2).
    public let maxShift: Double
    /// The largest local displacement in pixels of a control point along each axis (0…2).
    public let maxElastic: Double
    /// The largest blend with the dilated (thicker) or eroded (thinner) image (0…1).
    public let maxThickness: Double
    /// The largest relative change of ink (0…0.5).
    public let maxInk: Double

    /// Spaun-lite's training distortions: rotations up to 8 degrees, sizes within 8 %, shears up
    /// to 0.15 and shifts up to half a pixel; no local displacement, thickness or ink change.
    public static let standard = ImageDistortion(unchecked: 8, 0.08, 0.15, 0.5, 0, 0, 0)

    /// - Throws: `BrainKitError` naming the parameter out of range.
    public init(
        maxRotation: Double = 8, maxScale: Double = 0.08, maxShear: Double = 0.15, maxShift: Double = 0.5,
        maxElastic: Double = 0, maxThickness: Double = 0, maxInk: Double = 0
    ) throws(BrainKitError) {
        for (parameter, value, limit) in [
            ("maxRotation", maxRotation, 45.0), ("maxScale", maxScale, 0.5), ("maxShear", maxShear, 1.0), ("maxShift", maxShift, 2.0),
            ("maxElastic", maxElastic, 2.0), ("maxThickness", maxThickness, 1.0), ("maxInk", maxInk, 0.5),
        ] {
            guard value.isFinite, (0...limit).contains(value) else {
                throw BrainKitError(
                    .validation, object: "ImageDistortion", parameter: parameter, message: "must be in 0...\(limit), got \(value)")
            }
        }
        self.init(unchecked: maxRotation, maxScale, maxShear, maxShift, maxElastic, maxThickness, maxInk)
    }

    private init(
        unchecked maxRotation: Double, _ maxScale: Double, _ maxShear: Double, _ maxShift: Double, _ maxElastic: Double,
        _ maxThickness: Double, _ maxInk: Double
    ) {
        self.maxRotation = maxRotation
        self.maxScale = maxScale
        self.maxShear = maxShear
        self.maxShift = maxShift
        self.maxElastic = maxElastic
        self.maxThickness = maxThickness
        self.maxInk = maxInk
    }

    /// A randomly distorted copy of `pixels` (64 values, row-major).
    public func apply(to pixels: [Double], rng: inout RandomState) -> [Double] {
        let angle = rng.uniform(-maxRotation, maxRotation) * Double.pi / 180
        let scale = rng.uniform(1 - maxScale, 1 + maxScale)
        let shear = rng.uniform(-maxShear, maxShear)
        let dx = rng.uniform(-maxShift, maxShift), dy = rng.uniform(-maxShift, maxShift)
        let thickness = maxThickness > 0 ? rng.uniform(-maxThickness, maxThickness) : 0
        let ink = maxInk > 0 ? rng.uniform(1 - maxInk, 1 + maxInk) : 1
        var displacements: [Double] = []
        if maxElastic > 0 { displacements = (0..<18).map { _ in rng.uniform(-maxElastic, maxElastic) } }
        var result = ImageDistortion.warp(
            pixels, angle: angle, scale: scale, shear: shear, dx: dx, dy: dy, displacements: displacements)
        if thickness != 0 { result = ImageDistortion.thicken(result, by: thickness) }
        if ink != 1 { result = result.map { min($0 * ink, 1) } }
        return result
    }

    /// The image warped as described above with the given parameters (`angle` in radians;
    /// `displacements`: the control points' x and y displacements, row by row, 18 values, or
    /// none for no local displacement).
    static func warp(
        _ pixels: [Double], angle: Double, scale: Double, shear: Double, dx: Double, dy: Double, displacements: [Double] = []
    ) -> [Double] {
        let side = GlyphFont.side
        let (cosine, sine) = (cos(angle), sin(angle))
        let centre = Double(side - 1) / 2
        let local = displacements.count == 18
        var result = [Double](repeating: 0, count: side * side)
        for row in 0..<side {
            for column in 0..<side {
                let u = Double(column) - dx - centre, v = Double(row) - dy - centre
                var y = (-sine * u + cosine * v) / scale
                var x = (cosine * u + sine * v) / scale - shear * y
                if local {
                    // The control points sit at 0, centre and side − 1 along each axis.
                    let gx = Double(column) / centre, gy = Double(row) / centre
                    let cx = min(Int(gx), 1), cy = min(Int(gy), 1)
                    let fx = gx - Double(cx), fy = gy - Double(cy)
                    func moved(_ axis: Int) -> Double {
                        func at(_ i: Int, _ j: Int) -> Double { displacements[2 * (j * 3 + i) + axis] }
                        let top = at(cx, cy) * (1 - fx) + at(cx + 1, cy) * fx
                        let bottom = at(cx, cy + 1) * (1 - fx) + at(cx + 1, cy + 1) * fx
                        return top * (1 - fy) + bottom * fy
                    }
                    x += moved(0)
                    y += moved(1)
                }
                result[row * side + column] = sample(pixels, x: x + centre, y: y + centre)
            }
        }
        return result
    }

    /// The image's strokes thickened (`t > 0`) or thinned (`t < 0`) as described above:
    /// `(1 − |t|) w + |t| D(w)`, `D` the 3×3 grey-level dilation or erosion within the image.
    static func thicken(_ pixels: [Double], by t: Double) -> [Double] {
        let side = GlyphFont.side
        guard pixels.count == side * side else { return pixels }
        let weight = min(abs(t), 1)
        var result = pixels
        for row in 0..<side {
            for column in 0..<side {
                var extreme = pixels[row * side + column]
                for r in max(row - 1, 0)...min(row + 1, side - 1) {
                    for c in max(column - 1, 0)...min(column + 1, side - 1) {
                        let value = pixels[r * side + c]
                        extreme = t > 0 ? max(extreme, value) : min(extreme, value)
                    }
                }
                result[row * side + column] = (1 - weight) * pixels[row * side + column] + weight * extreme
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
