import Foundation

/// A fresh directory under the system's temporary directory, for files a test writes; the test
/// removes it with ``removeTemporaryDirectory(_:)`` when done.
func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("BrainPlotTests-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Removes a directory made by ``temporaryDirectory(_:)`` and what it holds.
func removeTemporaryDirectory(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
}

/// A path that cannot be written: inside a directory that does not exist.
let unwritableURL = URL(fileURLWithPath: "/nonexistent-brainplot-directory/out.file")
