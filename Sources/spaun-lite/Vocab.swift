import ArgumentParser
import BrainKit
import Foundation
import SpaunLite

extension SpaunLiteCommand {
    /// `spaun-lite vocab --dimensions 64 --output Vocab/Files`: writes the vocabularies' files
    /// from their recipe.
    struct Vocab: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Spaun-lite's vocabulary files (main at the given dimensions; task, state, dec).")

        @Option(help: "Dimensions of the main vocabulary (repeatable).")
        var dimensions: [Int] = [64]

        @Option(help: "The folder to write into.")
        var output = "Vocab/Files"

        func run() throws {
            let folder = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var files: [(SpaunVocabularies.Name, Int)] = dimensions.map { (.main, $0) }
            for name in [SpaunVocabularies.Name.task, .state, .dec] { files.append((name, SpaunVocabularies.controlDimensions)) }
            for (name, size) in files {
                let vocabulary = try SpaunVocabularies.recipe(name, dimensions: size)
                let url = folder.appendingPathComponent(SpaunVocabularies.fileName(name, dimensions: size) + ".vocab")
                try vocabulary.save(to: url)
                print("wrote \(url.path) (\(vocabulary.keys.count) keys)")
            }
        }
    }
}
