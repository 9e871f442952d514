import Foundation

/// Runs every case in its own child process (as many at once as there are cores), each with a
/// time limit, and tallies the outcomes.
struct SuiteRunner {
    let cases: [ReliabilityCase]
    let verbose: Bool
    /// A case still running after this long has hung.
    let timeLimit: TimeInterval = 30

    struct Result {
        let name: String
        let outcome: Outcome
        let detail: String
        let seconds: Double
    }

    struct Report {
        let results: [Result]
        let seconds: Double
        var passed: Bool { results.allSatisfy { $0.outcome.passes } }

        /// The table by outcome, then every case that did not end as expected.
        var table: String {
            var lines = ["", "Reliability suite: \(results.count) cases, each in its own process "
                + "(address space limited to \(ChildProcess.memoryLimit >> 20) MiB), "
                + String(format: "%.1f s", seconds), ""]
            lines.append("outcome".padding(toLength: 32, withPad: " ", startingAt: 0) + "cases")
            for outcome in Outcome.allCases {
                let count = results.filter { $0.outcome == outcome }.count
                lines.append(outcome.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0) + String(count))
            }
            let failures = results.filter { !$0.outcome.passes }
            if !failures.isEmpty {
                lines.append("")
                lines.append("Cases that did not end as expected:")
                for f in failures { lines.append("  \(f.name): \(f.outcome.rawValue) — \(f.detail)") }
            }
            let slowest = results.max { $0.seconds < $1.seconds }
            if let slowest {
                lines.append("")
                lines.append(String(format: "slowest case: %@ (%.2f s)", slowest.name, slowest.seconds))
            }
            return lines.joined(separator: "\n")
        }
    }

    func run() -> Report {
        let start = Date()
        let results = ResultBox(count: cases.count)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let names = cases.map(\.name), verbose = verbose, timeLimit = timeLimit
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.next() {
                let result = SuiteRunner.runChild(names[index], executable: executable, timeLimit: timeLimit)
                results.store(result, at: index)
                if verbose {
                    print(String(format: "%-48@ %@ (%.2f s) %@", result.name, result.outcome.rawValue, result.seconds,
                        result.detail))
                }
            }
        }
        return Report(results: results.all, seconds: Date().timeIntervalSince(start))
    }

    /// Runs one case in a child process and classifies how it ended.
    static func runChild(_ name: String, executable: URL, timeLimit: TimeInterval) -> Result {
        let start = Date()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reliability-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        func finish(_ outcome: Outcome, _ detail: String) -> Result {
            Result(name: name, outcome: outcome, detail: detail, seconds: Date().timeIntervalSince(start))
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--case", name]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        guard let out = try? FileHandle(forWritingTo: outURL), let err = try? FileHandle(forWritingTo: errURL) else {
            return finish(.untypedError, "cannot create the child's output files")
        }
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return finish(.untypedError, "cannot start the child: \(error)")
        }
        let deadline = Date().addingTimeInterval(timeLimit)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            // SIGKILL: a child's SIGTERM may be blocked (it inherits the spawning thread's mask).
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return finish(.hung, "still running after \(Int(timeLimit)) s")
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        let lastError = stderr.split(separator: "\n").suffix(2).joined(separator: " ")
        if process.terminationReason == .uncaughtSignal {
            let memory = stderr.contains("allocate") || stderr.contains("memory")
            return finish(memory ? .outOfMemory : .trapped, "signal \(process.terminationStatus): \(lastError)")
        }
        guard let (outcome, detail) = ChildProcess.parse(stdout) else {
            return finish(.trapped, "exit status \(process.terminationStatus), no outcome: \(lastError)")
        }
        return finish(outcome, detail)
    }
}

/// The results as the workers fill them in, and the next case to run.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [SuiteRunner.Result?]
    private var nextIndex = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < results.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ result: SuiteRunner.Result, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    var all: [SuiteRunner.Result] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
