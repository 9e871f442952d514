/// One compiled operator: runs once per step over pointers into the simulator's arena.
///
/// The base class of every kernel (subclasses override ``run(time:)``; a class rather than a
/// protocol so the executor can call kernels without reference counting). Kernels are created by the engine from a built model and live exactly as long as the
/// arena they point into (both are owned by one ``Simulator``). A kernel must not allocate in
/// `run`.
///
/// Concurrency: kernels are handed to the executor's worker threads. That is safe because
/// (a) a kernel only touches the arena regions its operator declares, (b) the schedule never
/// runs two kernels touching the same region at once (operators of a parallel group share no
/// written signal), and (c) kernels that call user code (``runsOnCallingThread``) always run
/// on the thread that called `step()`.
class Kernel: @unchecked Sendable {
    /// Runs one step at simulation time `time` (seconds). Every kernel overrides it.
    func run(time: Double) {
        preconditionFailure("\(type(of: self)) does not override run(time:)")
    }

    /// True for kernels that call user closures (node and connection functions), which may
    /// not be thread-safe: they always run on the thread stepping the simulator.
    var runsOnCallingThread: Bool { false }

    /// A rough cost estimate (in multiply-adds), used to balance work across threads.
    var cost: Int { 1 }

    /// The index of the kernel (or, for a part, of the kernel it was cut from) in the engine's
    /// canonical list: the executor looks up its signal accesses by it.
    var index = -1

    /// How many independent elements (neurons, rows, vector elements) the work can be cut
    /// along for several threads; 0 when it cannot be cut.
    var splittableLength: Int { 0 }

    /// Cuts fall on multiples of this many elements: 16 floats are a cache line, so parts on
    /// different threads share no line of an aligned signal, and kernels over the same signals
    /// cut at the same places (which lets the executor chain them without a barrier).
    var splitAlignment: Int { 16 }

    /// True for the parts of a kernel that meet each other inside a step (``SparseExchange``):
    /// they must run at the same time, one per thread, never moved onto one thread.
    var runsWithSiblings: Bool { false }

    /// Called once the executor has placed every kernel, before the first step: the place for
    /// allocations that depend on how a kernel was cut.
    func prepare() {}

    /// The arena memory this kernel touches, when it can say so more narrowly than its
    /// operator's signals (parts of cut kernels); nil: the operator's signals, whole.
    var footprint: MemoryFootprint? { nil }

    /// The work on the elements `range` (within `0..<splittableLength`) alone, computing each
    /// of them exactly as the whole kernel would. Parts of one kernel write disjoint ranges.
    func part(_ range: Range<Int>) -> Kernel {
        preconditionFailure("\(type(of: self)) cannot be cut")
    }
}

/// Where kernels report a failure during a step (a node returning NaN); checked by the
/// simulator after every step. Written only on the calling thread.
final class StepFault: @unchecked Sendable {
    var message: String?
    var owner: String?

    func report(_ owner: String, _ message: String) {
        if self.message == nil {
            self.owner = owner
            self.message = message
        }
    }

    func clear() {
        message = nil
        owner = nil
    }
}

/// The arena memory a kernel reads and writes, as address ranges: for a part of a cut kernel
/// exactly its slice, so the executor can tell that two threads' parts never meet.
struct MemoryFootprint {
    private(set) var reads: [Range<UInt>] = []
    private(set) var writes: [Range<UInt>] = []

    mutating func reads(_ start: UnsafePointer<Float>, count: Int) {
        reads.append(MemoryFootprint.range(start, count))
    }

    mutating func writes(_ start: UnsafePointer<Float>, count: Int) {
        writes.append(MemoryFootprint.range(start, count))
    }

    /// Whether this kernel, on one thread, may run while another thread runs kernels that
    /// read `othersRead` and write `othersWrote`: neither side writes what the other touches.
    func isIndependent(ofReads othersRead: AddressSet, writes othersWrote: AddressSet) -> Bool {
        !writes.contains { othersWrote.overlaps($0) || othersRead.overlaps($0) }
            && !reads.contains { othersWrote.overlaps($0) }
    }

    private static func range(_ start: UnsafePointer<Float>, _ count: Int) -> Range<UInt> {
        let address = UInt(bitPattern: start)
        return address..<(address + UInt(max(count, 0) * MemoryLayout<Float>.stride))
    }
}

/// A set of address ranges, sorted and merged, that answers overlap queries by binary search.
struct AddressSet {
    private var ranges: [Range<UInt>]

    init(_ ranges: some Sequence<Range<UInt>>) {
        var merged: [Range<UInt>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// How many addresses of `range` are in the set.
    func overlapCount(_ range: Range<UInt>) -> Int {
        ranges.reduce(0) { total, stored in
            let low = max(stored.lowerBound, range.lowerBound), high = min(stored.upperBound, range.upperBound)
            return total + (low < high ? Int(high - low) : 0)
        }
    }

    /// Whether some address of `range` is in the set.
    func overlaps(_ range: Range<UInt>) -> Bool {
        guard !range.isEmpty else { return false }
        // The first stored range ending after range's start.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].lowerBound < range.upperBound
    }
}
