import BrainCore
import Foundation

/// Vocabularies as text files.
///
/// The format (UTF-8, one item per line; blank lines and lines starting with `#` are
/// ignored):
///
///     # BrainKit vocabulary
///     name: colours
///     dimensions: 4
///     algebra: HRR
///     strict: true
///     max_similarity: 0.1
///     RED: 0.5 -0.5 0.5 0.5
///     BLUE: 0.25 0.75 -0.5 0.3535533905932738
///
/// The five settings come first, each once (`algebra` is HRR, VTB or TVTB); then one line
/// per key in order, `KEY:` and the vector's values separated by spaces, written with the
/// shortest digits that read back to the same Double, so a saved vocabulary loads bit for
/// bit.
extension Vocabulary {
    /// The vocabulary in the text format above.
    public var fileText: String {
        var lines = [
            "# BrainKit vocabulary",
            "name: \(name)",
            "dimensions: \(dimensions)",
            "algebra: \(algebra.name)",
            "strict: \(strict)",
            "max_similarity: \(maxSimilarity)",
        ]
        for key in keys {
            let values = self[key]?.vector ?? []
            lines.append("\(key): " + values.map { "\($0)" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes ``fileText`` to `url`.
    /// - Throws: `BrainKitError` when the file cannot be written.
    public func save(to url: URL) throws(BrainKitError) {
        do {
            try fileText.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw BrainKitError(.validation, object: object, parameter: "file", message: "cannot be written to \(url.path): \(error)")
        }
    }

    /// A vocabulary read from the text format; new pointers (non-strict use, ``populate(_:)``)
    /// come from `generator` (unseeded by default).
    /// - Throws: `BrainKitError` naming the line at fault.
    public static func load(
        fileText text: String, source: String = "vocabulary text", generator: PointerGenerator? = nil
    ) throws(BrainKitError) -> Vocabulary {
        var settings: [String: (value: String, line: Int)] = [:]
        var entries: [(key: String, values: [Double], line: Int)] = []
        let names = ["name", "dimensions", "algebra", "strict", "max_similarity"]
        func fail(_ line: Int, _ message: String) -> BrainKitError {
            BrainKitError(.validation, object: "Vocabulary file \(source)", parameter: "line \(line)", message: message)
        }
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharacters(in: .whitespacesAndNewlines), lineNumber = number + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { throw fail(lineNumber, "expected 'name: value', got \"\(line)\"") }
            let head = String(line[..<colon]).trimmingCharacters(in: .whitespacesAndNewlines)
            let tail = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
            if names.contains(head) {
                guard entries.isEmpty else { throw fail(lineNumber, "setting '\(head)' after the first key") }
                guard settings[head] == nil else { throw fail(lineNumber, "setting '\(head)' given twice") }
                settings[head] = (tail, lineNumber)
                continue
            }
            var values: [Double] = []
            for field in tail.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let value = Double(field), value.isFinite else {
                    throw fail(lineNumber, "'\(field)' in the vector of \(head) is not a finite number")
                }
                values.append(value)
            }
            entries.append((head, values, lineNumber))
        }
        for name in names where settings[name] == nil {
            throw fail(0, "the setting '\(name)' is missing")
        }
        let name = settings["name"]!.value
        guard let dimensions = Int(settings["dimensions"]!.value) else {
            throw fail(settings["dimensions"]!.line, "dimensions must be an integer, got '\(settings["dimensions"]!.value)'")
        }
        let algebra: any Algebra
        switch settings["algebra"]!.value {
        case "HRR": algebra = HRR()
        case "VTB": algebra = VTB()
        case "TVTB": algebra = TVTB()
        case let other: throw fail(settings["algebra"]!.line, "algebra must be HRR, VTB or TVTB, got '\(other)'")
        }
        guard let strict = Bool(settings["strict"]!.value) else {
            throw fail(settings["strict"]!.line, "strict must be true or false, got '\(settings["strict"]!.value)'")
        }
        guard let maxSimilarity = Double(settings["max_similarity"]!.value) else {
            throw fail(settings["max_similarity"]!.line, "max_similarity must be a number, got '\(settings["max_similarity"]!.value)'")
        }
        let vocabulary = try Vocabulary(
            dimensions: dimensions, name: name, strict: strict, maxSimilarity: maxSimilarity, algebra: algebra,
            generator: generator ?? .unseeded())
        for entry in entries {
            do {
                try vocabulary.add(entry.key, vector: entry.values)
            } catch {
                throw fail(entry.line, error.description)
            }
        }
        return vocabulary
    }

    /// A vocabulary read from a file in the text format.
    public static func load(contentsOf url: URL, generator: PointerGenerator? = nil) throws(BrainKitError) -> Vocabulary {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BrainKitError(.validation, object: "Vocabulary file \(url.path)", parameter: nil, message: "cannot be read: \(error)")
        }
        return try load(fileText: text, source: url.lastPathComponent, generator: generator)
    }
}
