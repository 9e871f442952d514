import BrainCore
import Testing
@testable import SpaunLite

/// The built-in glyph font: every glyph, the jitter, and bad parameters.
@Suite("Glyph font")
struct GlyphFontTests {
    @Test func everyGlyphIsEightByEightInsideTheCentralSquare() {
        for symbol in GlyphFont.Symbol.allCases {
            let art = GlyphFont.art(symbol)
            #expect(art.count == 8 && art.allSatisfy { $0.count == 8 }, "\(symbol)")
            let pixels = GlyphFont.bitmap(of: symbol)
            #expect(pixels.count == 64)
            #expect(pixels.allSatisfy { (0...1).contains($0) })
            // The border is empty, so a shift of one pixel never cuts a stroke off.
            let border = (0..<64).filter { [0, 7].contains($0 / 8) || [0, 7].contains($0 % 8) }
            #expect(border.allSatisfy { pixels[$0] == 0 }, "\(symbol) touches the border")
            // Ink like the handwritten images': cores at 1, between 7 and 30 dark pixels.
            #expect(pixels.max() == 1, "\(symbol)")
            let dark = pixels.filter { $0 >= 0.5 }.count
            #expect((7...30).contains(dark), "\(symbol) has \(dark) dark pixels")
        }
    }

    @Test func glyphsAreDistinct() {
        let bitmaps = GlyphFont.Symbol.allCases.map { GlyphFont.bitmap(of: $0) }
        for i in bitmaps.indices {
            for j in bitmaps.indices where j > i {
                let distance = zip(bitmaps[i], bitmaps[j]).reduce(0) { $0 + abs($1.0 - $1.1) }
                #expect(distance >= 4, "\(GlyphFont.Symbol.allCases[i]) and \(GlyphFont.Symbol.allCases[j]) differ by \(distance)")
            }
        }
    }

    @Test func symbolsNameTheTwentyFourVisualClasses() throws {
        let keys = GlyphFont.Symbol.allCases.compactMap(\.visualKey)
        #expect(keys.count == 24 && Set(keys) == Set(Vision.classKeys))
        #expect(GlyphFont.Symbol.x.visualKey == nil)
        #expect(Vision.classSymbols.map(\.visualKey) == Vision.classKeys)
        for digit in 0...9 {
            let symbol = try GlyphFont.Symbol.digit(digit)
            #expect(symbol.digit == digit && symbol.visualKey == Vision.digitKeys[digit])
        }
        for (character, key) in [("[", "OPEN"), ("]", "CLOSE"), ("?", "QM"), (" ", "SPACE"), ("A", "A"), ("R", "R")] {
            #expect(try GlyphFont.Symbol.named(Character(character)).visualKey == key)
        }
    }

    @Test func everyClassRendersWithJitterInRange() {
        var rng = RandomState(seed: 11)
        for symbol in GlyphFont.Symbol.allCases {
            let bitmap = GlyphFont.bitmap(of: symbol)
            for _ in 0..<5 {
                let image = GlyphFont.standard.render(symbol, rng: &rng)
                #expect(image.count == 64 && image.allSatisfy { (0...1).contains($0) })
                // Jitter moves ink but keeps most of it.
                let ink = image.reduce(0, +), original = bitmap.reduce(0, +)
                #expect(ink > 0.6 * original && ink < 1.6 * original + 2, "\(symbol): ink \(ink) vs \(original)")
            }
            #expect(GlyphFont.exact.render(symbol, rng: &rng) == bitmap)
        }
    }

    @Test func renderingsAreSeededAndJittered() throws {
        var a = RandomState(seed: 3), b = RandomState(seed: 3)
        let first = GlyphFont.standard.renderings(of: Vision.classSymbols, count: 3, rng: &a)
        let second = GlyphFont.standard.renderings(of: Vision.classSymbols, count: 3, rng: &b)
        #expect(first.count == 72)
        #expect(zip(first, second).allSatisfy { $0.symbol == $1.symbol && $0.pixels == $1.pixels })
        #expect(first[0].pixels != first[1].pixels)
        // A pure shift moves the bitmap by whole pixels.
        let shiftOnly = try GlyphFont(maxShift: 1, maxRotation: 0, noise: 0)
        var rng = RandomState(seed: 5)
        let bitmap = GlyphFont.bitmap(of: .l)
        for _ in 0..<10 {
            let image = shiftOnly.render(.l, rng: &rng)
            let matches = (-1...1).flatMap { dy in (-1...1).map { dx in (dx, dy) } }.contains { dx, dy in
                (0..<64).allSatisfy { index in
                    let row = index / 8 - dy, column = index % 8 - dx
                    let source = (0..<8).contains(row) && (0..<8).contains(column) ? bitmap[row * 8 + column] : 0
                    return abs(image[index] - source) < 1e-12
                }
            }
            #expect(matches)
        }
    }

    @Test func badParametersAreTypedErrors() {
        let cases: [(String, () throws(BrainKitError) -> GlyphFont)] = [
            ("maxShift", { () throws(BrainKitError) in try GlyphFont(maxShift: -1) }),
            ("maxShift", { () throws(BrainKitError) in try GlyphFont(maxShift: 3) }),
            ("maxRotation", { () throws(BrainKitError) in try GlyphFont(maxRotation: -1) }),
            ("maxRotation", { () throws(BrainKitError) in try GlyphFont(maxRotation: 46) }),
            ("maxRotation", { () throws(BrainKitError) in try GlyphFont(maxRotation: .nan) }),
            ("noise", { () throws(BrainKitError) in try GlyphFont(noise: -0.1) }),
            ("noise", { () throws(BrainKitError) in try GlyphFont(noise: .infinity) }),
        ]
        for (parameter, make) in cases {
            #expect(throws: BrainKitError.self) { try make() }
            do {
                _ = try make()
            } catch {
                #expect(error.kind == .validation && error.object == "GlyphFont" && error.parameter == parameter, "\(error)")
            }
        }
        #expect(throws: BrainKitError.self) { try GlyphFont.Symbol.named("Z") }
        #expect(throws: BrainKitError.self) { try GlyphFont.Symbol.digit(10) }
        #expect(throws: BrainKitError.self) { try GlyphFont.Symbol.digit(-1) }
    }
}
