import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The memory a model, a run or a probe may use, and sizes computed in arithmetic that cannot
/// overflow.
///
/// The rule: a size or duration is multiplied out with overflow checks, and the bytes it
/// would need are compared with a limit before anything is allocated — the limit a user gave
/// (`Simulator(memoryLimit:)`), else ``available``, what this process can have. A product
/// that overflows `Int` is larger than any limit.
public enum MemoryBudget {
    /// The bytes this process can have: the least of the machine's physical memory, the
    /// process's address-space limit (`RLIMIT_AS`) and its control group's memory limit
    /// (`/sys/fs/cgroup/memory.max`), whichever are set; measured once, when first used.
    public static let available: Int = measure()

    private static func measure() -> Int {
        var limit = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        #if canImport(Glibc)
            var addressSpace = rlimit()
            let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
            if getrlimit(resource, &addressSpace) == 0, addressSpace.rlim_cur != rlim_t.max {  // max: RLIM_INFINITY
                limit = min(limit, Int(clamping: addressSpace.rlim_cur))
            }
        #endif
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let bytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            limit = min(limit, bytes)
        }
        return max(limit, 1)
    }

    /// `bytes` as a person reads it: `512 B`, `3.2 MB`, `40.0 GB` (powers of 1000).
    public static func describe(bytes: Int) -> String {
        let value = Double(bytes)
        for (unit, scale) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)] where value >= scale {
            return String(format: "%.1f %@", value / scale, unit)
        }
        return "\(bytes) B"
    }
}

/// Sizes multiplied and durations divided without overflow.
package enum Size {
    /// The product of `factors`, or nil when it exceeds `Int.max` (factors are >= 0).
    package static func product(_ factors: Int...) -> Int? {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// The sum of `terms`, or nil when it exceeds `Int.max` (terms are >= 0).
    package static func sum(_ terms: [Int]) -> Int? {
        var result = 0
        for term in terms {
            let (value, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = value
        }
        return result
    }

    /// `round(duration / step)` as an `Int`, or nil when it is not finite or exceeds 2^62
    /// (so that counts of steps can still be added to without overflow).
    package static func steps(_ duration: Double, of step: Double) -> Int? {
        let steps = (duration / step).rounded()
        guard steps.isFinite, steps >= 0, steps <= Double(1 << 62) else { return nil }
        return Int(steps)
    }
}

extension Check {
    /// That `bytes` (nil: more than `Int.max`) fit in `limit`; the error says what needs them.
    package static func fits(
        bytes: Int?, limit: Int, _ what: @autoclosure () -> String, _ object: String, _ parameter: String,
        kind: BrainKitError.Kind = .validation
    ) throws(BrainKitError) {
        if let bytes, bytes <= limit { return }
        let needed = bytes.map { MemoryBudget.describe(bytes: $0) } ?? "more than \(MemoryBudget.describe(bytes: .max))"
        throw BrainKitError(
            kind, object: object, parameter: parameter,
            message: "needs \(what()): \(needed), more than the memory limit of \(MemoryBudget.describe(bytes: limit))")
    }
}
