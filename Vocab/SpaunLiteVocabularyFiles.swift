import Foundation

/// Spaun-lite's vocabularies as text files in BrainSPA's vocabulary format (`Files/*.vocab`):
/// the one place their vectors are kept. `SpaunLite` reads them when it builds a model; the
/// files are written by `spaun-lite vocab` from the recipe in `SpaunVocabularies`, and a test
/// checks that the recipe still gives them bit for bit.
public enum SpaunLiteVocabularyFiles {
    /// The text of `Files/<name>.vocab`, or nil when there is no such file.
    public static func text(named name: String) -> String? {
        guard let url = url(named: name) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// The file `Files/<name>.vocab` in the bundle, or nil.
    public static func url(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "vocab", subdirectory: "Files")
            ?? Bundle.module.url(forResource: name, withExtension: "vocab")
    }

    /// The names of the shipped files (without `.vocab`), sorted.
    public static var names: [String] {
        let directory = Bundle.module.resourceURL?.appendingPathComponent("Files")
        let files = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        return files.filter { $0.hasSuffix(".vocab") }.map { String($0.dropLast(6)) }.sorted()
    }
}
