import Foundation

/// Clock readings around every kernel of every step, for ``Simulator/startProfiling()``:
/// nanoseconds per kernel (in each thread's run order) and per thread at the barriers.
/// Allocated before the steps it times; each thread writes only its own counters.
final class KernelTimer: @unchecked Sendable {
    /// Per thread, one counter per kernel of its list.
    let kernelNanoseconds: [UnsafeMutablePointer<UInt64>]
    /// Per thread, the time spent waiting at barriers.
    let waitNanoseconds: UnsafeMutablePointer<UInt64>
    /// Steps timed so far (written by the calling thread).
    var steps = 0

    init(kernelCounts: [Int]) {
        kernelNanoseconds = kernelCounts.map { count in
            let counters = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
            counters.initialize(repeating: 0, count: max(count, 1))
            return counters
        }
        waitNanoseconds = .allocate(capacity: kernelCounts.count)
        waitNanoseconds.initialize(repeating: 0, count: kernelCounts.count)
    }

    deinit {
        for counters in kernelNanoseconds { counters.deallocate() }
        waitNanoseconds.deallocate()
    }

    /// A monotonic clock in nanoseconds.
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
