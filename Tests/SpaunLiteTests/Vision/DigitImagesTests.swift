import BrainCore
import Testing
@testable import SpaunLite

/// The shipped digit images and their split.
@Suite("Digit images")
struct DigitImagesTests {
    @Test func shippedImagesLoad() throws {
        let digits = try DigitImages.shipped()
        #expect(digits.images.count == 1497)
        #expect(digits.images.allSatisfy { $0.pixels.count == 64 && $0.pixels.allSatisfy { (0...1).contains($0) } })
        let counts = (0...9).map { label in digits.images.filter { $0.label == label }.count }
        #expect(counts.allSatisfy { (140...160).contains($0) }, "\(counts)")
    }

    @Test func splitKeepsContiguousBlocksApart() throws {
        let digits = try DigitImages.shipped()
        let (training, heldOut) = digits.split()
        #expect(training.images.count + heldOut.images.count == digits.images.count)
        #expect(Set(training.images.map(\.line)).isDisjoint(with: heldOut.images.map(\.line)))
        #expect((280...320).contains(heldOut.images.count), "\(heldOut.images.count)")
        let heldOutCounts = (0...9).map { label in heldOut.images.filter { $0.label == label }.count }
        #expect(heldOutCounts.allSatisfy { $0 >= 20 }, "every class is held out at least 20 times: \(heldOutCounts)")
    }

    @Test func foldsPartitionTheTrainingPartByBlocks() throws {
        let training = try DigitImages.shipped().split().training
        var validated: [Int] = []
        for fold in 0..<5 {
            let (fit, validation) = try training.fold(fold, of: 5)
            #expect(fit.images.count + validation.images.count == training.images.count)
            #expect(Set(fit.images.map(\.line)).isDisjoint(with: validation.images.map(\.line)))
            // Two contiguous blocks of the ten: lines of one run of the file each.
            #expect((220...260).contains(validation.images.count), "\(validation.images.count)")
            validated += validation.images.map(\.line)
        }
        #expect(validated.sorted() == training.images.map(\.line).sorted(), "every training image validates once")
    }

    @Test func foldsOutOfRangeAreTypedErrors() throws {
        let training = try DigitImages.shipped().split().training
        for (fold, folds, parameter) in [(5, 5, "fold"), (-1, 5, "fold"), (0, 1, "folds"), (0, 11, "folds")] {
            do {
                _ = try training.fold(fold, of: folds)
                Issue.record("accepted fold \(fold) of \(folds)")
            } catch {
                #expect(error.parameter == parameter, "\(error)")
            }
        }
    }

    @Test func malformedRowsAreTypedErrors() {
        for (text, line) in [("1,2,3", 1), (String(repeating: "0,", count: 64) + "10", 1), ("\n" + String(repeating: "17,", count: 64) + "1", 2)] {
            do {
                _ = try DigitImages.parse(text)
                Issue.record("accepted \(text.prefix(20))")
            } catch {
                #expect(error.parameter == "line \(line)", "\(error)")
            }
        }
    }
}
