import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The child's side: its memory limit and the one line it reports.
enum ChildProcess {
    /// The address space a case may use: 4 GiB (the runtime, the threads' stacks and
    /// OpenBLAS's per-core buffers take a few hundred MiB of it; BrainKit's own checks read
    /// the limit through `MemoryBudget.available`).
    static let memoryLimit = 4 << 30

    /// Limits this process's address space (`RLIMIT_AS`): an allocation beyond it fails.
    static func limitMemory(bytes: Int) {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        _ = withUnsafePointer(to: &limit) { setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), $0) }
    }

    /// The line a child prints: `outcome<TAB>detail`, the detail on one line.
    static func report(_ outcome: Outcome, _ detail: String) -> String {
        "OUTCOME\t\(outcome.rawValue)\t" + detail.replacingOccurrences(of: "\n", with: " ")
    }

    /// The outcome and detail from a child's output, or nil when it printed none.
    static func parse(_ output: String) -> (Outcome, String)? {
        for line in output.split(separator: "\n") where line.hasPrefix("OUTCOME\t") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let outcome = Outcome(rawValue: String(fields[1])) else { continue }
            return (outcome, fields.count > 2 ? String(fields[2]) : "")
        }
        return nil
    }
}
