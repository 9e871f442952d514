import Foundation
import Testing
import BrainSPA

/// The vocabulary text format: `fileText` read back by `load(fileText:)` (and `save(to:)` read
/// back by `load(contentsOf:)`) gives the same name, dimensions, algebra, strictness,
/// maxSimilarity, keys in order and vectors bit for bit; a loaded non-strict vocabulary draws
/// new keys from the generator it is given, reproducibly.
@Suite("Vocabulary files")
struct VocabularyFileTests {
    /// Vocabularies with drawn and derived pointers (values of many magnitudes and signs).
    static func sample(_ algebraName: String) throws -> Vocabulary {
        switch algebraName {
        case "HRR":
            let vocabulary = try Vocabulary(dimensions: 64, name: "words 64", strict: true, maxSimilarity: 0.15, seed: 11)
            try vocabulary.populate("RED; BLUE.unitary(); GREEN; MIX = (RED*BLUE).normalized(); TINY = 1e-300*RED; NEG = -3.5*GREEN")
            try vocabulary.add("AXIS", vector: (0..<64).map { $0 == 5 ? 1 : 0 })
            return vocabulary
        case "VTB":
            let vocabulary = try Vocabulary(dimensions: 16, name: "vtb", strict: false, maxSimilarity: 0.2, algebra: VTB(), seed: 12)
            try vocabulary.populate("X; Y; Z = X*Y; V = X.rinv(); U = X.unitary()")
            return vocabulary
        default:
            let vocabulary = try Vocabulary(dimensions: 16, name: "tvtb", strict: true, maxSimilarity: -0.25, algebra: TVTB(), seed: 13)
            try vocabulary.populate("X; Y; Z = X*Y; V = ~X; I = Identity")
            return vocabulary
        }
    }

    static func expectSame(_ loaded: Vocabulary, _ original: Vocabulary, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(loaded.name == original.name, sourceLocation: sourceLocation)
        #expect(loaded.dimensions == original.dimensions, sourceLocation: sourceLocation)
        #expect(loaded.algebra.name == original.algebra.name, sourceLocation: sourceLocation)
        #expect(loaded.strict == original.strict, sourceLocation: sourceLocation)
        #expect(loaded.maxSimilarity == original.maxSimilarity, sourceLocation: sourceLocation)
        #expect(loaded.keys == original.keys, sourceLocation: sourceLocation)
        // Bit for bit (==, and the same bit patterns, so -0.0 stays -0.0).
        #expect(loaded.vectors == original.vectors, sourceLocation: sourceLocation)
        #expect(
            loaded.vectors.values.map(\.bitPattern) == original.vectors.values.map(\.bitPattern),
            sourceLocation: sourceLocation)
        #expect(loaded.reference != original.reference, sourceLocation: sourceLocation)
    }

    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func fileTextRoundTrips(_ algebraName: String) throws {
        let original = try Self.sample(algebraName)
        let text = original.fileText
        #expect(text.hasPrefix("# BrainKit vocabulary\n"))
        #expect(text.contains("algebra: \(algebraName)\n"))
        #expect(text.components(separatedBy: "\n").count == 6 + original.count + 1)
        let loaded = try Vocabulary.load(fileText: text)
        Self.expectSame(loaded, original)
        // Saving the loaded vocabulary gives the same text.
        #expect(loaded.fileText == text)
    }

    @Test func negativeZeroAndExtremeValuesRoundTrip() throws {
        let vocabulary = try Vocabulary(dimensions: 4, name: "extremes", seed: 0)
        try vocabulary.add("A", vector: [-0.0, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 0.1])
        try vocabulary.add("B", vector: [1 / 3, -2e-308, 123456789.125, .ulpOfOne])
        Self.expectSame(try Vocabulary.load(fileText: vocabulary.fileText), vocabulary)
    }

    @Test func emptyVocabularyRoundTrips() throws {
        let vocabulary = try Vocabulary(dimensions: 9, name: "", strict: false, maxSimilarity: 1, algebra: VTB(), seed: 0)
        Self.expectSame(try Vocabulary.load(fileText: vocabulary.fileText), vocabulary)
    }

    @Test func saveAndLoadThroughAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brainkit-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for algebraName in ["HRR", "VTB", "TVTB"] {
            let original = try Self.sample(algebraName)
            let url = directory.appendingPathComponent("\(algebraName).vocab")
            try original.save(to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == original.fileText)
            Self.expectSame(try Vocabulary.load(contentsOf: url), original)
        }
        // Writing into a missing folder fails with a BrainKitError.
        let nowhere = directory.appendingPathComponent("missing/v.vocab")
        expectBrainKitError(.validation) { try Self.sample("VTB").save(to: nowhere) }
    }

    /// Two loads of a non-strict file with the same seeded generator add the same new keys
    /// with the same vectors, and those are what a vocabulary built with that seed draws.
    @Test func loadedNonStrictVocabularyAddsKeysReproducibly() throws {
        let text = try Self.sample("VTB").fileText
        func loadAndGrow() throws -> Vocabulary {
            let vocabulary = try Vocabulary.load(fileText: text, generator: try .unitLength(seed: 99))
            _ = try vocabulary.parse("NEW*X + OTHER")
            try vocabulary.populate("THIRD")
            return vocabulary
        }
        let first = try loadAndGrow(), second = try loadAndGrow()
        #expect(first.keys == ["X", "Y", "Z", "V", "U", "NEW", "OTHER", "THIRD"])
        #expect(first.keys == second.keys)
        #expect(first.vectors == second.vectors)

        let rebuilt = try Vocabulary(dimensions: 16, name: "vtb", strict: false, maxSimilarity: 0.2, algebra: VTB(), seed: 99)
        for key in ["X", "Y", "Z", "V", "U"] { try rebuilt.add(key, vector: first[key]!.vector) }
        try rebuilt.populate("NEW; OTHER; THIRD")
        #expect(rebuilt.vectors == first.vectors)

        // A strict loaded vocabulary does not add keys.
        let strict = try Vocabulary.load(fileText: try Self.sample("TVTB").fileText, generator: try .unitLength(seed: 99))
        expectBrainKitError(.expression) { _ = try strict.parse("NEW") }
        #expect(strict.count == 5)
    }
}
