import Foundation
import BrainCore

/// Writes and reads whole files, turning Foundation's errors into `BrainKitError`s of kind
/// `.io` that name the object and the path.
enum FileOutput {
    static func write(_ data: Data, to url: URL, object: String) throws(BrainKitError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .io(object, "path", "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    static func write(_ text: String, to url: URL, object: String) throws(BrainKitError) {
        try write(Data(text.utf8), to: url, object: object)
    }

    static func read(_ url: URL, object: String) throws(BrainKitError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .io(object, "path", "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
