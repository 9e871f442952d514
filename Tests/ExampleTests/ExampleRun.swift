import Foundation

/// One run of an example executable: its standard output, exit status and the JSON object on
/// its last line.
struct ExampleRun {
    /// The folder holding the built executables: the test binary's own (`swift test` builds
    /// every product into it), nil when no example is there.
    static let binDirectory: URL? = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        // Under swift-corelibs-xctest the test binary sits in the bin folder; a bundle layout
        // would put it two folders deeper.
        for folder in [here, here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()]
        where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("squaring").path) {
            return folder
        }
        return nil
    }()

    let status: Int32
    let output: String
    let errors: String
    /// The files the example left in its folder (names relative to it), sorted.
    let files: [String]

    /// Runs `example` with `arguments` in a fresh temporary folder (so files it writes go
    /// there), waiting for it to end.
    init(_ example: String, _ arguments: [String] = []) throws {
        guard let bin = ExampleRun.binDirectory else { throw ExampleRunError.notBuilt(example) }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("brainkit-example-\(example)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = bin.appendingPathComponent(example)
        process.arguments = arguments.map { $0.replacingOccurrences(of: "$TMP", with: folder.path) }
        process.currentDirectoryURL = folder
        let outputFile = folder.appendingPathComponent("stdout.txt")
        let errorFile = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: outputFile)
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        try outputHandle.close()
        try errorHandle.close()
        files = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 != "stdout.txt" && $0 != "stderr.txt" }.sorted()
        status = process.terminationStatus
        output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }

    /// The JSON object on the last nonempty line of the output, after checking that the
    /// example ended normally.
    func json() throws -> [String: Any] {
        guard status == 0 else { throw ExampleRunError.failed(status, errors) }
        guard let line = output.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }),
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { throw ExampleRunError.noJSON(output) }
        return object
    }
}

/// Why an example's run could not be checked.
enum ExampleRunError: Error, CustomStringConvertible {
    /// The executable is not in the bin folder.
    case notBuilt(String)
    /// The example exited with a nonzero status (its standard error).
    case failed(Int32, String)
    /// The last line of the output is not a JSON object.
    case noJSON(String)

    var description: String {
        switch self {
        case .notBuilt(let example): "\(example) is not built beside the tests"
        case .failed(let status, let errors): "exited with status \(status):\n\(errors)"
        case .noJSON(let output): "no JSON object on the last line of:\n\(output)"
        }
    }
}
