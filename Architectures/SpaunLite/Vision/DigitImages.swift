import BrainCore
import Foundation

/// 8×8 grey images of handwritten digits with their labels: the shipped set
/// (Resources/Digits, CC BY 4.0, see its README) or a file of the same format.
///
/// The format is CSV, one image per line: 64 integer pixels (row-major, 0…16) and the label
/// 0…9. Pixels are stored scaled to [0, 1].
public struct DigitImages: Sendable {
    /// One image: 64 values in [0, 1], row-major.
    public struct Image: Sendable, Equatable {
        /// 64 pixels in [0, 1], row-major.
        public let pixels: [Double]
        /// The digit shown, 0…9.
        public let label: Int
        /// The line of the file it came from (1-based).
        public let line: Int
    }

    /// The images, in file order.
    public let images: [Image]

    /// A set of these images.
    public init(images: [Image]) { self.images = images }

    /// The images shipped with BrainKit (1,497 of the UCI set's test portion).
    /// - Throws: `BrainKitError` when the resource is missing or malformed.
    public static func shipped() throws(BrainKitError) -> DigitImages {
        guard let url = Bundle.module.url(forResource: "digits", withExtension: "csv", subdirectory: "Resources/Digits")
            ?? Bundle.module.url(forResource: "digits", withExtension: "csv")
        else {
            throw BrainKitError(.validation, object: "DigitImages", parameter: "resource", message: "digits.csv is missing from the bundle")
        }
        return try load(contentsOf: url)
    }

    /// The images of a CSV file in the format above.
    /// - Throws: `BrainKitError` naming the file and line of the first malformed row.
    public static func load(contentsOf url: URL) throws(BrainKitError) -> DigitImages {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BrainKitError(.validation, object: "DigitImages", parameter: "file", message: "\(url.path) cannot be read: \(error)")
        }
        return try parse(text, source: url.lastPathComponent)
    }

    /// The images of CSV text in the format above.
    public static func parse(_ text: String, source: String = "digits") throws(BrainKitError) -> DigitImages {
        var images: [Image] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            func fail(_ message: String) -> BrainKitError {
                BrainKitError(.validation, object: "DigitImages \(source)", parameter: "line \(index + 1)", message: message)
            }
            guard fields.count == 65 else { throw fail("has \(fields.count) fields; expected 64 pixels and a label") }
            var pixels: [Double] = []
            pixels.reserveCapacity(64)
            for field in fields.prefix(64) {
                guard let value = Int(field.trimmingCharacters(in: .whitespaces)), (0...16).contains(value) else {
                    throw fail("pixel '\(field)' is not an integer in 0...16")
                }
                pixels.append(Double(value) / 16)
            }
            guard let label = Int(fields[64].trimmingCharacters(in: .whitespaces)), (0...9).contains(label) else {
                throw fail("label '\(fields[64])' is not a digit 0...9")
            }
            images.append(Image(pixels: pixels, label: label, line: index + 1))
        }
        return DigitImages(images: images)
    }

    /// A split that keeps writers apart as far as the file's order allows: the images are cut
    /// into `blocks` contiguous blocks by line and every `heldOutEvery`-th block is held out
    /// (never used for training or tuning); the rest train.
    public func split(blocks: Int = 10, heldOutEvery: Int = 5) -> (training: DigitImages, heldOut: DigitImages) {
        let blockCount = max(blocks, 1), every = max(heldOutEvery, 1)
        var training: [Image] = [], heldOut: [Image] = []
        for (index, image) in images.enumerated() {
            let block = index * blockCount / max(images.count, 1)
            if block % every == every - 1 { heldOut.append(image) } else { training.append(image) }
        }
        return (DigitImages(images: training), DigitImages(images: heldOut))
    }

    /// Fold `fold` of a `folds`-fold cross-validation that keeps writers apart as ``split(blocks:heldOutEvery:)``
    /// does: the images are cut into `blocks` contiguous blocks by line, the blocks `b` with
    /// `b % folds == fold` validate and the rest train. Meant for the training part of a split.
    /// - Throws: `BrainKitError` (`.validation`) unless `1 < folds <= blocks` and
    ///   `0 <= fold < folds`.
    public func fold(_ fold: Int, of folds: Int, blocks: Int = 10) throws(BrainKitError)
        -> (training: DigitImages, validation: DigitImages)
    {
        guard folds > 1, folds <= blocks else {
            throw .validation("DigitImages", "folds", "must be in 2...\(blocks) (the blocks), got \(folds)")
        }
        guard (0..<folds).contains(fold) else {
            throw .validation("DigitImages", "fold", "must be in 0..<\(folds), got \(fold)")
        }
        var training: [Image] = [], validation: [Image] = []
        for (index, image) in images.enumerated() {
            if index * blocks / max(images.count, 1) % folds == fold { validation.append(image) } else { training.append(image) }
        }
        return (DigitImages(images: training), DigitImages(images: validation))
    }
}
