/// The arena memory a kernel reads and writes, as address ranges: for a part of a cut kernel
/// exactly its slice, so the executor can tell that two threads' parts never meet.
struct MemoryFootprint {
    private(set) var reads: [Range<UInt>] = []
    private(set) var writes: [Range<UInt>] = []

    mutating func reads(_ start: UnsafePointer<Float>, count: Int) {
        reads(MemoryFootprint.range(start, count))
    }

    mutating func writes(_ start: UnsafePointer<Float>, count: Int) {
        writes(MemoryFootprint.range(start, count))
    }

    mutating func reads(_ range: Range<UInt>) {
        reads.append(range)
    }

    mutating func writes(_ range: Range<UInt>) {
        writes.append(range)
    }

    /// Whether this kernel, on one thread, may run while another thread runs kernels that
    /// read `othersRead` and write `othersWrote`: neither side writes what the other touches.
    func isIndependent(ofReads othersRead: AddressSet, writes othersWrote: AddressSet) -> Bool {
        !writes.contains { othersWrote.overlaps($0) || othersRead.overlaps($0) }
            && !reads.contains { othersWrote.overlaps($0) }
    }

    /// The addresses of `count` floats from `start`.
    static func range(_ start: UnsafePointer<Float>, _ count: Int) -> Range<UInt> {
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
        let first = firstEnding(after: range.lowerBound)
        return first < ranges.count && ranges[first].lowerBound < range.upperBound
    }

    /// Adds `range`, merging it with the stored ranges it overlaps or touches.
    mutating func insert(_ range: Range<UInt>) {
        guard !range.isEmpty else { return }
        let first = firstEnding(after: range.lowerBound)
        var last = first
        var merged = range
        while last < ranges.count, ranges[last].lowerBound <= merged.upperBound {
            merged = min(merged.lowerBound, ranges[last].lowerBound)..<max(merged.upperBound, ranges[last].upperBound)
            last += 1
        }
        ranges.replaceSubrange(first..<last, with: CollectionOfOne(merged))
    }

    /// The index of the first stored range ending after `address` (binary search).
    private func firstEnding(after address: UInt) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= address { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
