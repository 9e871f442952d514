import BrainCore
import Foundation

/// The images a stimulus shows, item by item, for the model's image input: typed glyphs
/// rendered with jitter by a ``GlyphFont``, handwritten digits taken from a ``DigitImages`` set,
/// blanks as zeros. Loaded between runs; read by the input node while one runs.
public final class ImageStream: @unchecked Sendable {
    /// Where handwritten `#d` images come from.
    public let handwriting: DigitImages
    /// Renders typed symbols.
    public let font: GlyphFont

    private let lock = NSLock()
    private var schedule: StimulusSchedule?
    private var pixels: [[Float]] = []

    /// - Parameters:
    ///   - handwriting: the images `#d` draws from (at least one of each digit shown).
    ///   - font: how typed glyphs are jittered.
    public init(handwriting: DigitImages, font: GlyphFont = .standard) {
        self.handwriting = handwriting
        self.font = font
    }

    /// Renders every item of `schedule`: glyph jitter from `RandomState(seed)`; the
    /// `occurrence`-th `#d` of a schedule is the `occurrence`-th image of class d in an order
    /// shuffled by the same seed, from `images` (nil: ``handwriting``).
    /// - Throws: `BrainKitError` when the handwriting set has no image of a digit shown.
    public func load(_ schedule: StimulusSchedule, seed: Int, handwriting images: DigitImages? = nil) throws(BrainKitError) {
        var random = RandomState(seed: seed)
        var byClass = [[DigitImages.Image]](repeating: [], count: 10)
        for image in (images ?? handwriting).images { byClass[image.label].append(image) }
        for digit in 0..<10 { random.shuffle(&byClass[digit]) }
        var rendered: [[Float]] = []
        for item in schedule.items {
            switch item.content {
            case .blank:
                rendered.append([Float](repeating: 0, count: GlyphFont.pixelCount))
            case .glyph(let glyph):
                guard let symbol = GlyphFont.Symbol(rawValue: glyph.character) else {
                    throw .validation("ImageStream", "schedule", "has no glyph for '\(glyph.character)'")
                }
                rendered.append(font.render(symbol, rng: &random).map { Float($0) })
            case .handwritten(let digit, let occurrence):
                let pool = byClass[digit]
                guard !pool.isEmpty else {
                    throw .validation("ImageStream", "handwriting", "has no image of the digit \(digit)")
                }
                rendered.append(pool[occurrence % pool.count].pixels.map { Float($0) })
            }
        }
        lock.lock()
        self.schedule = schedule
        pixels = rendered
        lock.unlock()
    }

    /// The loaded schedule.
    public var loaded: StimulusSchedule? {
        lock.lock()
        defer { lock.unlock() }
        return schedule
    }

    /// Writes the image shown at `time` (zeros outside the schedule) into `output`.
    func write(at time: Double, into output: UnsafeMutableBufferPointer<Float>) {
        guard let schedule, let index = schedule.itemIndex(at: time) else {
            for i in output.indices { output[i] = 0 }
            return
        }
        let image = pixels[index]
        for i in output.indices { output[i] = image[i] }
    }
}
