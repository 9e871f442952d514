import BrainCore
import Foundation

/// The typed (canonical) symbols of Spaun-lite's input stream, drawn from a built-in 8×8 bitmap
/// font, and their jittered renderings.
///
/// Every glyph is pixel art of grey levels in [0, 1] in the handwritten images' layout (row-major,
/// row 0 at the top, dark strokes as high values on a 0 background, stroke cores at 1 with grey
/// edges) and fits the central 6×6 square (rows and columns 1…6), so that a shift of one pixel
/// never cuts a stroke off. A rendering moves the glyph by a whole number of pixels in each
/// direction (uniform in `-maxShift…maxShift`), rotates it about the image centre by an angle
/// uniform in `±maxRotation` degrees (bilinear interpolation, zero outside the bitmap), adds
/// Gaussian pixel noise of standard deviation `noise` and clips to [0, 1]. The draws come from the
/// caller's `RandomState` in that order (x shift, y shift, angle, then one normal draw per pixel
/// when `noise` > 0), so a seeded generator gives the same images everywhere.
public struct GlyphFont: Sendable, Equatable {
    /// The glyphs of the font. The raw value is the character that names the glyph in a
    /// stimulus string (`" "` for the visible-space mark `␣`).
    public enum Symbol: Character, CaseIterable, Sendable {
        /// The digit 0.
        case zero = "0"
        /// The digit 1.
        case one = "1"
        /// The digit 2.
        case two = "2"
        /// The digit 3.
        case three = "3"
        /// The digit 4.
        case four = "4"
        /// The digit 5.
        case five = "5"
        /// The digit 6.
        case six = "6"
        /// The digit 7.
        case seven = "7"
        /// The digit 8.
        case eight = "8"
        /// The digit 9.
        case nine = "9"
        /// The list opening `[`.
        case open = "["
        /// The list closing `]`.
        case close = "]"
        /// The question mark `?`.
        case question = "?"
        /// The visible-space mark `␣`.
        case space = " "
        /// The letter `A`.
        case a = "A"
        /// The letter `C`.
        case c = "C"
        /// The letter `F`.
        case f = "F"
        /// The letter `K`.
        case k = "K"
        /// The letter `L`.
        case l = "L"
        /// The letter `M`.
        case m = "M"
        /// The letter `P`.
        case p = "P"
        /// The letter `R`.
        case r = "R"
        /// The letter `V`.
        case v = "V"
        /// The letter `W`.
        case w = "W"
        /// The response slot `X`: it has a glyph but no visual class (a stream shows no image
        /// for it).
        case x = "X"

        /// The key of the symbol's class in the visual vocabulary (`ZER`…`NIN`, `OPEN`, `CLOSE`,
        /// `QM`, `SPACE`, the letter itself), or nil for `X`, which has no class.
        public var visualKey: String? {
            switch self {
            case .zero: "ZER"
            case .one: "ONE"
            case .two: "TWO"
            case .three: "THR"
            case .four: "FOR"
            case .five: "FIV"
            case .six: "SIX"
            case .seven: "SEV"
            case .eight: "EIG"
            case .nine: "NIN"
            case .open: "OPEN"
            case .close: "CLOSE"
            case .question: "QM"
            case .space: "SPACE"
            case .x: nil
            default: String(rawValue)
            }
        }

        /// The digit 0…9 the symbol shows, or nil for the other symbols.
        public var digit: Int? { rawValue.wholeNumberValue }

        /// The symbol of a digit 0…9.
        /// - Throws: `BrainKitError` for a number outside 0…9.
        public static func digit(_ value: Int) throws(BrainKitError) -> Symbol {
            guard (0...9).contains(value), let character = String(value).first, let symbol = Symbol(rawValue: character)
            else {
                throw BrainKitError(.validation, object: "GlyphFont", parameter: "digit", message: "must be 0...9, got \(value)")
            }
            return symbol
        }

        /// The symbol named by `character` in a stimulus string.
        /// - Throws: `BrainKitError` naming the character when the font has no glyph for it.
        public static func named(_ character: Character) throws(BrainKitError) -> Symbol {
            guard let symbol = Symbol(rawValue: character) else {
                let known = String(allCases.map(\.rawValue))
                throw BrainKitError(
                    .validation, object: "GlyphFont", parameter: "symbol",
                    message: "has no glyph for '\(character)'; the font draws \"\(known)\"")
            }
            return symbol
        }
    }

    /// The image side in pixels.
    public static let side = 8
    /// The number of pixels of an image.
    public static let pixelCount = side * side

    /// The largest shift in pixels along each axis (0…2).
    public let maxShift: Int
    /// The largest rotation in degrees (0…45).
    public let maxRotation: Double
    /// The standard deviation of the Gaussian pixel noise (0…1).
    public let noise: Double

    /// The renderings Spaun-lite shows by default: shifts of up to one pixel, rotations of up to
    /// 10 degrees and noise of 0.05.
    public static let standard = GlyphFont(unchecked: 1, 10, 0.05)
    /// Renderings without jitter: every rendering is the glyph's bitmap.
    public static let exact = GlyphFont(unchecked: 0, 0, 0)

    /// - Parameters:
    ///   - maxShift: the largest shift in pixels along each axis, 0…2 (default 1).
    ///   - maxRotation: the largest rotation in degrees, 0…45 (default 10).
    ///   - noise: the pixel noise's standard deviation, 0…1 (default 0.05).
    /// - Throws: `BrainKitError` naming the parameter out of range.
    public init(maxShift: Int = 1, maxRotation: Double = 10, noise: Double = 0.05) throws(BrainKitError) {
        guard (0...2).contains(maxShift) else {
            throw BrainKitError(.validation, object: "GlyphFont", parameter: "maxShift", message: "must be in 0...2, got \(maxShift)")
        }
        guard maxRotation.isFinite, (0...45).contains(maxRotation) else {
            throw BrainKitError(
                .validation, object: "GlyphFont", parameter: "maxRotation", message: "must be in 0...45 degrees, got \(maxRotation)")
        }
        guard noise.isFinite, (0...1).contains(noise) else {
            throw BrainKitError(.validation, object: "GlyphFont", parameter: "noise", message: "must be in 0...1, got \(noise)")
        }
        self.init(unchecked: maxShift, maxRotation, noise)
    }

    private init(unchecked maxShift: Int, _ maxRotation: Double, _ noise: Double) {
        self.maxShift = maxShift
        self.maxRotation = maxRotation
        self.noise = noise
    }

    /// The glyph's bitmap without jitter: 64 values in [0, 1], row-major.
    public static func bitmap(of symbol: Symbol) -> [Double] {
        let rows = art(symbol)
        var pixels: [Double] = []
        pixels.reserveCapacity(pixelCount)
        for row in rows {
            for character in row { pixels.append(level(character)) }
        }
        return pixels
    }

    /// A jittered rendering of `symbol`: 64 values in [0, 1], row-major (see the type's
    /// description for the method and the order of the draws).
    public func render(_ symbol: Symbol, rng: inout RandomState) -> [Double] {
        let source = GlyphFont.bitmap(of: symbol)
        let dx = maxShift > 0 ? rng.randint(-maxShift, maxShift + 1) : 0
        let dy = maxShift > 0 ? rng.randint(-maxShift, maxShift + 1) : 0
        let angle = maxRotation > 0 ? rng.uniform(-maxRotation, maxRotation) * Double.pi / 180 : 0
        let (cosine, sine) = (cos(angle), sin(angle))
        let centre = Double(GlyphFont.side - 1) / 2
        var pixels = [Double](repeating: 0, count: GlyphFont.pixelCount)
        for row in 0..<GlyphFont.side {
            for column in 0..<GlyphFont.side {
                // Where this pixel comes from: undo the shift, then the rotation about the centre.
                let u = Double(column - dx) - centre, v = Double(row - dy) - centre
                let x = cosine * u + sine * v + centre, y = -sine * u + cosine * v + centre
                pixels[row * GlyphFont.side + column] = ImageDistortion.sample(source, x: x, y: y)
            }
        }
        if noise > 0 {
            for index in pixels.indices {
                pixels[index] = min(max(pixels[index] + rng.normal(mean: 0, std: noise), 0), 1)
            }
        }
        return pixels
    }

    /// `count` renderings of each symbol, symbol by symbol in `symbols` order.
    public func renderings(of symbols: [Symbol], count: Int, rng: inout RandomState) -> [(symbol: Symbol, pixels: [Double])] {
        var result: [(symbol: Symbol, pixels: [Double])] = []
        result.reserveCapacity(symbols.count * max(count, 0))
        for symbol in symbols {
            for _ in 0..<max(count, 0) { result.append((symbol, render(symbol, rng: &rng))) }
        }
        return result
    }

    /// The grey level of a character of the pixel art: `#` 1, `*` 0.75, `+` 0.5, `.` 0.25,
    /// anything else 0.
    private static func level(_ character: Character) -> Double {
        switch character {
        case "#": 1
        case "*": 0.75
        case "+": 0.5
        case ".": 0.25
        default: 0
        }
    }

    /// The pixel art: 8 rows of 8 characters each, content in rows and columns 1…6.
    static func art(_ symbol: Symbol) -> [String] {
        switch symbol {
        case .zero: [
            "        ",
            "  *##*  ",
            " *#..#* ",
            " #+  +# ",
            " #+  +# ",
            " *#..#* ",
            "  *##*  ",
            "        "]
        case .one: [
            "        ",
            "   +#+  ",
            "  *##+  ",
            "  + #+  ",
            "    #+  ",
            "    #+  ",
            "  *###* ",
            "        "]
        case .two: [
            "        ",
            "  *##*  ",
            " *+  #* ",
            "    *#  ",
            "   *#.  ",
            "  *#.   ",
            " *####* ",
            "        "]
        case .three: [
            "        ",
            " *###*  ",
            "     #* ",
            "  *##+  ",
            "     #* ",
            " +   #* ",
            " *###*  ",
            "        "]
        case .four: [
            "        ",
            " #+  #  ",
            " #+  #  ",
            " #+  #  ",
            " ###### ",
            "     #  ",
            "     #  ",
            "        "]
        case .five: [
            "        ",
            " *####  ",
            " #      ",
            " ####*  ",
            "     *# ",
            " +   *# ",
            "  ###*  ",
            "        "]
        case .six: [
            "        ",
            "  *##+  ",
            " *#     ",
            " #*##*  ",
            " #+  #* ",
            " *#  #* ",
            "  *##*  ",
            "        "]
        case .seven: [
            "        ",
            " ###### ",
            "     #* ",
            "    *#  ",
            "   *#   ",
            "   #*   ",
            "   #+   ",
            "        "]
        case .eight: [
            "        ",
            "  *##*  ",
            " *#  #* ",
            "  *##*  ",
            " *#  #* ",
            " #+  +# ",
            "  *##*  ",
            "        "]
        case .nine: [
            "        ",
            "  *##*  ",
            " *#  #* ",
            " *#  ## ",
            "  *##*# ",
            "     *# ",
            "  *##*  ",
            "        "]
        case .open: [
            "        ",
            "  ####  ",
            "  #+    ",
            "  #+    ",
            "  #+    ",
            "  #+    ",
            "  ####  ",
            "        "]
        case .close: [
            "        ",
            "  ####  ",
            "    +#  ",
            "    +#  ",
            "    +#  ",
            "    +#  ",
            "  ####  ",
            "        "]
        case .question: [
            "        ",
            "  *##*  ",
            " *+  #* ",
            "    *#  ",
            "   *#   ",
            "        ",
            "   ##   ",
            "        "]
        case .space: [
            "        ",
            "        ",
            "        ",
            "        ",
            "        ",
            " #    # ",
            " ###### ",
            "        "]
        case .a: [
            "        ",
            "   ##   ",
            "  *##*  ",
            "  #++#  ",
            " *#  #* ",
            " ###### ",
            " #+  +# ",
            "        "]
        case .c: [
            "        ",
            "  *###* ",
            " *#     ",
            " #+     ",
            " #+     ",
            " *#     ",
            "  *###* ",
            "        "]
        case .f: [
            "        ",
            " ###### ",
            " #+     ",
            " #####  ",
            " #+     ",
            " #+     ",
            " #+     ",
            "        "]
        case .k: [
            "        ",
            " #+  *# ",
            " #+ *#  ",
            " ###*   ",
            " #+*#   ",
            " #+ *#  ",
            " #+  *# ",
            "        "]
        case .l: [
            "        ",
            " #+     ",
            " #+     ",
            " #+     ",
            " #+     ",
            " #+     ",
            " ###### ",
            "        "]
        case .m: [
            "        ",
            " #*  *# ",
            " ##**## ",
            " #+##+# ",
            " #    # ",
            " #    # ",
            " #    # ",
            "        "]
        case .p: [
            "        ",
            " ####*  ",
            " #+  #* ",
            " #+  #* ",
            " ####*  ",
            " #+     ",
            " #+     ",
            "        "]
        case .r: [
            "        ",
            " ####*  ",
            " #+  #* ",
            " ####*  ",
            " #+*#   ",
            " #+ *#  ",
            " #+  #* ",
            "        "]
        case .v: [
            "        ",
            " #+  +# ",
            " #+  +# ",
            " *#  #* ",
            "  #++#  ",
            "  *##*  ",
            "   ##   ",
            "        "]
        case .w: [
            "        ",
            " #    # ",
            " #    # ",
            " #    # ",
            " #+##+# ",
            " ##**## ",
            " #*  *# ",
            "        "]
        case .x: [
            "        ",
            " #*  *# ",
            "  #**#  ",
            "   ##   ",
            "   ##   ",
            "  #**#  ",
            " #*  *# ",
            "        "]
        }
    }
}
