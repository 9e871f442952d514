import Foundation

/// A fresh directory under the system's temporary directory, for files a test writes.
func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("BrainPlotTests-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A path that cannot be written: inside a directory that does not exist.
let unwritableURL = URL(fileURLWithPath: "/nonexistent-brainplot-directory/out.file")
