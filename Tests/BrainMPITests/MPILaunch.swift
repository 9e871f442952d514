import Foundation

/// One run of `brainkit-bench` (or another executable built beside the tests), alone or under
/// `mpirun`, as a child process: its exit status and output. A run still going after `limit` seconds is killed (a guard against a hang, which
/// the tests then report as a failure).
struct MPILaunch {
    /// The folder holding the built executables: the test binary's own (`swift test` builds
    /// every product into it), nil when brainkit-bench is not there.
    static let binDirectory: URL? = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()]
        where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("brainkit-bench").path) {
            return folder
        }
        return nil
    }()

    /// `mpirun` on the PATH, nil when Open MPI's launcher is not installed.
    static let mpirun: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("mpirun")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    let status: Int32
    let output: String
    let errors: String
    /// Whether the run was killed for outliving its limit.
    let timedOut: Bool

    /// Runs `executable arguments`, under `mpirun -np ranks` when `ranks` is given.
    init(ranks: Int?, _ arguments: [String], executable: String = "brainkit-bench", limit: Double = 600) throws {
        guard let bin = MPILaunch.binDirectory else { throw MPILaunchError.notBuilt }
        let bench = bin.appendingPathComponent(executable).path
        let process = Process()
        if let ranks {
            guard let mpirun = MPILaunch.mpirun else { throw MPILaunchError.noMPI }
            process.executableURL = mpirun
            process.arguments = ["--oversubscribe", "--allow-run-as-root", "-np", "\(ranks)", bench] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: bench)
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        // Shared-memory transport without cross-memory attach, which containers often forbid.
        environment["OMPI_MCA_btl_vader_single_copy_mechanism"] = "none"
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brainkit-mpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("stdout.txt"), errorFile = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: outputFile), errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        timedOut = process.isRunning
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }
        process.waitUntilExit()
        try outputHandle.close()
        try errorHandle.close()
        status = process.terminationStatus
        output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }
}

enum MPILaunchError: Error, CustomStringConvertible {
    case notBuilt
    case noMPI

    var description: String {
        switch self {
        case .notBuilt: "brainkit-bench is not built beside the tests"
        case .noMPI: "mpirun is not installed"
        }
    }
}
