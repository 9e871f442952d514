/// A constant sparse matrix stored column by column, for products with a mostly-zero input
/// (spikes): `y (+)= M·x` visits only the columns with `x_c ≠ 0` that have entries. Column c's
/// entries are `columnStarts[c]..<columnStarts[c + 1]`, in ascending row order.
///
/// Random columns of a large matrix come from the last-level cache or memory, so an entry is
/// as small as the matrix allows (``SparseColumnEntry``): 4 bytes — a 24-bit row and an 8-bit
/// index into the matrix's distinct values — when it has at most 256 distinct values and 2²⁴
/// rows (connectivity with a few weights: a short column is then 16 entries to a cache line),
/// otherwise 8 bytes, the row and the value's bits (separate row and value arrays would cost
/// two misses per column).
///
/// Entry counts and byte offsets stay far below `Int.max` (a matrix holds fewer than 2³¹
/// entries), so the per-column loops use wrapping arithmetic: no overflow checks there.
///
/// Shared by a kernel and, when it is cut for threads, its ``SparseExchange``.
final class SparseColumns: @unchecked Sendable {
    let rows: Int
    let columns: Int
    let entries: Int
    /// Bytes per entry: 4 (``PackedEntry``) or 8 (``PairEntry``).
    let entryBytes: Int
    private let columnStarts: UnsafeMutablePointer<Int32>
    private let storage: UnsafeMutableRawPointer
    /// The distinct values packed entries index (unused for pairs).
    private let palette: UnsafeMutablePointer<Float>
    /// How many distinct values `palette` holds (0 for pairs).
    let paletteCount: Int
    /// Scratch for the uncut product: the palette times the input value being added.
    private let scaledPalette: UnsafeMutablePointer<Float>
    /// Bytes copied per column before looking at its length: 64 or 128 (whichever holds nine
    /// columns in ten).
    private let copyBytes: Int
    /// Bit `c % 64` of word `c / 64`: column c has entries (the product skips the firing
    /// columns that have none).
    private let occupied: UnsafeMutablePointer<UInt64>
    /// Scratch: the columns that fire in the current step.
    private let firing: UnsafeMutablePointer<Int32>
    /// Scratch: gathered entries (``batchBytes``, plus the longest column and one copy's overshoot).
    private let batch: UnsafeMutableRawPointer

    /// - Parameter values: the matrix's values in row-major order (read once, here).
    init(_ matrix: SparseMatrix, values matrixValues: UnsafeMutablePointer<Float>) {
        rows = matrix.rows
        columns = matrix.columns
        entries = matrix.entryCount
        var distinct: [UInt32: UInt32] = [:]
        var table: [Float] = []
        for k in 0..<entries where distinct.count <= PackedEntry.paletteCapacity {
            let bits = matrixValues[k].bitPattern
            if distinct[bits] == nil {
                distinct[bits] = UInt32(table.count)
                table.append(matrixValues[k])
            }
        }
        let packed = distinct.count <= PackedEntry.paletteCapacity && rows <= PackedEntry.rowCapacity
        entryBytes = packed ? 4 : 8
        palette = .allocate(capacity: max(table.count, 1))
        palette.initialize(from: table, count: table.count)
        paletteCount = packed ? table.count : 0
        scaledPalette = .allocate(capacity: max(table.count, 1))
        // Counting sort of the entries by column, keeping row order within a column.
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: columns + 1)
        starts.initialize(repeating: 0, count: columns + 1)
        for k in 0..<entries { starts[matrix.columnIndices[k] + 1] += 1 }
        for c in 0..<columns { starts[c + 1] += starts[c] }
        // Slack for one wide copy from the last column's start.
        let storageBytes = entries * entryBytes + SparseColumns.overshootBytes
        storage = .allocate(byteCount: storageBytes, alignment: 64)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: storageBytes)
        var next = (0..<columns).map { Int(starts[$0]) }
        for r in 0..<rows {
            for k in matrix.rowStarts[r]..<matrix.rowStarts[r + 1] {
                let c = matrix.columnIndices[k]
                if packed {
                    let entry = UInt32(r) | distinct[matrixValues[k].bitPattern]! << 24
                    storage.storeBytes(of: entry, toByteOffset: next[c] * 4, as: UInt32.self)
                } else {
                    let entry = UInt64(UInt32(r)) | UInt64(matrixValues[k].bitPattern) << 32
                    storage.storeBytes(of: entry, toByteOffset: next[c] * 8, as: UInt64.self)
                }
                next[c] += 1
            }
        }
        columnStarts = starts
        firing = .allocate(capacity: max(columns, 1))
        occupied = .allocate(capacity: (columns + 63) / 64)
        occupied.initialize(repeating: 0, count: (columns + 63) / 64)
        var lengths: [Int32] = []
        for c in 0..<columns where starts[c + 1] > starts[c] {
            lengths.append(starts[c + 1] - starts[c])
            occupied[c / 64] |= 1 << UInt64(c % 64)
        }
        lengths.sort()
        let typical = lengths.isEmpty ? 0 : Int(lengths[lengths.count * 9 / 10]) * entryBytes
        copyBytes = typical <= 64 ? 64 : 128
        batch = .allocate(
            byteCount: SparseColumns.batchBytes + Int(lengths.last ?? 0) * entryBytes + SparseColumns.overshootBytes,
            alignment: 64)
    }

    deinit {
        columnStarts.deallocate()
        storage.deallocate()
        palette.deallocate()
        scaledPalette.deallocate()
        firing.deallocate()
        occupied.deallocate()
        batch.deallocate()
    }

    /// `y (+)= M·x`, adding column by column in ascending column order.
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if entryBytes == 4 {
            multiply(PackedEntry.self, x, into: y, accumulate: accumulate)
        } else {
            multiply(PairEntry.self, x, into: y, accumulate: accumulate)
        }
    }

    /// Columns have different lengths, so a loop over each column's entries would mispredict
    /// its exit once per firing column. Instead each firing column's first 64 or 128 bytes are
    /// copied into a batch (over-reading into the next column) and the batch advances by the
    /// true length; longer columns (rare) copy the rest in a loop. The batch is then added into
    /// `y` in one predictable loop, `y[row] += value · x_c`. A batch holds columns of one input
    /// value (spikes all have the same), so it is added whenever the value changes.
    @inline(__always)
    private func multiply<Entry: SparseColumnEntry>(
        _: Entry.Type, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool
    ) {
        if !accumulate { y.update(repeating: 0, count: rows) }
        let count = SpikeScan.firing(x, count: columns, among: occupied, into: firing)
        guard count > 0 else { return }
        let source = UnsafeRawPointer(storage)
        let batchEntries = SparseColumns.batchBytes / Entry.bytes
        let wide = copyBytes == 128
        var filled = 0
        var scale = x[Int(firing[0])]
        for f in 0..<count {
            let c = Int(firing[f])
            let input = x[c]
            if input != scale {
                add(Entry.self, batch, count: filled, scaledBy: scale, into: y, scaledPalette: scaledPalette)
                filled = 0
                scale = input
            }
            var k = Int(columnStarts[c])
            let end = Int(columnStarts[c &+ 1])
            let from = k &* Entry.bytes, to = filled &* Entry.bytes
            SparseColumns.copyLine(from: source, at: from, to: batch, at: to)
            if wide {
                SparseColumns.copyLine(from: source, at: from &+ 64, to: batch, at: to &+ 64)
            }
            var copied = copyBytes / Entry.bytes
            while k + copied < end {
                // A long column: the rest, 64 bytes at a time.
                k += copied
                filled += copied
                SparseColumns.copyLine(from: source, at: k * Entry.bytes, to: batch, at: filled * Entry.bytes)
                copied = Entry.perLine
            }
            filled &+= end &- k
            if filled >= batchEntries {
                add(Entry.self, batch, count: filled, scaledBy: scale, into: y, scaledPalette: scaledPalette)
                filled = 0
            }
        }
        add(Entry.self, batch, count: filled, scaledBy: scale, into: y, scaledPalette: scaledPalette)
    }

    /// Bytes of entries gathered before they are added into `y` (16 KiB: stays in L1).
    private static let batchBytes = 16_384

    /// Bytes a column copy may read or write past its last entry.
    static let overshootBytes = 128

    @inline(__always)
    private static func copyLine(
        from source: UnsafeRawPointer, at sourceOffset: Int, to target: UnsafeMutableRawPointer, at targetOffset: Int
    ) {
        target.storeBytes(
            of: source.loadUnaligned(fromByteOffset: sourceOffset, as: SIMD16<UInt32>.self),
            toByteOffset: targetOffset, as: SIMD16<UInt32>.self)
    }

    /// `y[row] += value · scale` for `count` entries. Packed entries look their term up in
    /// `scaledPalette`, filled here with `palette[v] · scale` (the same product, formed once
    /// per distinct value rather than once per entry).
    @inline(__always)
    private func add<Entry: SparseColumnEntry>(
        _: Entry.Type, _ entries: UnsafeRawPointer, count: Int, scaledBy scale: Float, into y: UnsafeMutablePointer<Float>,
        scaledPalette: UnsafeMutablePointer<Float>
    ) {
        for v in 0..<paletteCount { scaledPalette[v] = palette[v] * scale }
        let typed = entries.assumingMemoryBound(to: Entry.Bits.self)
        for k in 0..<count {
            let entry = typed[k]
            y[Entry.row(entry)] += Entry.term(entry, scaledPalette: scaledPalette, scale: scale)
        }
    }

    // MARK: - Distribution among the parts of a cut product (see ``SparseExchange``)

    /// Entries `..<end` of a bucket (from the end of the run before) were scaled by `scale`.
    struct Run {
        var scale: Float
        var end: Int32
    }

    /// The row of entry k (in column-major order).
    private func row(at k: Int) -> Int {
        entryBytes == 4
            ? PackedEntry.row(storage.load(fromByteOffset: k * 4, as: UInt32.self))
            : PairEntry.row(storage.load(fromByteOffset: k * 8, as: UInt64.self))
    }

    /// The entries of `columns` whose rows fall in each of the `parts` ranges
    /// `bounds[p]..<bounds[p + 1]`.
    func entries(columns range: Range<Int>, splitAt bounds: UnsafePointer<Int>, parts: Int) -> [Int] {
        var sizes = [Int](repeating: 0, count: parts)
        for c in range {
            for k in Int(columnStarts[c])..<Int(columnStarts[c + 1]) {
                let row = row(at: k)
                var p = 0
                while row >= bounds[p + 1] { p += 1 }
                sizes[p] += 1
            }
        }
        return sizes
    }

    /// For each column of `columns` that fits two 64-byte lines, how many of its entries fall
    /// below each inner bound `rowBounds[1]`, …, `rowBounds[parts - 1]` (`parts - 1` bytes per
    /// column; a column's rows are ascending, so each part's entries are one run of it). Fixed
    /// once the parts are known, so the product does not compare rows at every step.
    func splitPoints(columns range: Range<Int>, rowBounds: UnsafePointer<Int>, parts: Int) -> UnsafeMutablePointer<UInt8> {
        let stride = max(parts - 1, 1)
        let points = UnsafeMutablePointer<UInt8>.allocate(capacity: max(range.count * stride, 1))
        points.initialize(repeating: 0, count: max(range.count * stride, 1))
        let twoLines = 128 / entryBytes
        for c in range {
            let start = Int(columnStarts[c]), end = Int(columnStarts[c + 1])
            guard end - start <= twoLines else { continue }
            for p in 1..<max(parts, 1) {
                var below = 0
                for k in start..<end where row(at: k) < rowBounds[p] { below += 1 }
                points[(c - range.lowerBound) * stride + p - 1] = UInt8(below)
            }
        }
        return points
    }

    /// Copies the entries of the firing columns among `columns` into `buckets[p]`, split by
    /// the row ranges `rowBounds[p]..<rowBounds[p + 1]` (for columns of up to two lines, at
    /// the points `splits` gives: ``splitPoints(columns:rowBounds:parts:)``), in ascending
    /// column order, with runs of one input value (`runs[p]`, `runCounts[p]` of them).
    func distribute(
        _ x: UnsafePointer<Float>, columns range: Range<Int>, firing: UnsafeMutablePointer<Int32>,
        rowBounds: UnsafePointer<Int>, splits: UnsafePointer<UInt8>, parts: Int,
        buckets: UnsafePointer<UnsafeMutableRawPointer>, runs: UnsafePointer<UnsafeMutablePointer<Run>>,
        runCounts: UnsafeMutablePointer<Int>
    ) {
        switch (entryBytes, parts) {
        case (4, 2):
            distributeInTwo(
                PackedEntry.self, x, columns: range, firing: firing, rowBound: rowBounds[1], splits: splits,
                buckets: buckets, runs: runs, runCounts: runCounts)
        case (_, 2):
            distributeInTwo(
                PairEntry.self, x, columns: range, firing: firing, rowBound: rowBounds[1], splits: splits,
                buckets: buckets, runs: runs, runCounts: runCounts)
        case (4, _):
            distribute(
                PackedEntry.self, x, columns: range, firing: firing, rowBounds: rowBounds, splits: splits, parts: parts,
                buckets: buckets, runs: runs, runCounts: runCounts)
        default:
            distribute(
                PairEntry.self, x, columns: range, firing: firing, rowBounds: rowBounds, splits: splits, parts: parts,
                buckets: buckets, runs: runs, runCounts: runCounts)
        }
    }

    /// ``distribute(_:columns:firing:rowBounds:splits:parts:buckets:runs:runCounts:)`` for two
    /// parts (two threads, the common case), with both buckets' ends in registers: a column of
    /// up to two lines goes to part 0 as a copy from its start and to part 1 as a copy from
    /// its split point (each over-reading; the buckets advance by the runs' lengths).
    @inline(__always)
    private func distributeInTwo<Entry: SparseColumnEntry>(
        _: Entry.Type, _ x: UnsafePointer<Float>, columns range: Range<Int>, firing: UnsafeMutablePointer<Int32>,
        rowBound: Int, splits: UnsafePointer<UInt8>, buckets: UnsafePointer<UnsafeMutableRawPointer>,
        runs: UnsafePointer<UnsafeMutablePointer<Run>>, runCounts: UnsafeMutablePointer<Int>
    ) {
        runCounts[0] = 0
        runCounts[1] = 0
        let count = SpikeScan.firing(x + range.lowerBound, count: range.count, into: firing)
        guard count > 0 else { return }
        let source = UnsafeRawPointer(storage)
        let low = buckets[0], high = buckets[1]
        var lowFilled = 0, highFilled = 0
        var scale = x[range.lowerBound + Int(firing[0])]
        func endRun() {
            runs[0][runCounts[0]] = Run(scale: scale, end: Int32(lowFilled))
            runs[1][runCounts[1]] = Run(scale: scale, end: Int32(highFilled))
            runCounts[0] += 1
            runCounts[1] += 1
        }
        for f in 0..<count {
            let local = Int(firing[f])
            let c = range.lowerBound &+ local
            let input = x[c]
            if input != scale {
                endRun()
                scale = input
            }
            let start = Int(columnStarts[c]), end = Int(columnStarts[c &+ 1]), length = end &- start
            if length <= 2 * Entry.perLine {
                let split = Int(splits[local])
                let lowStart = start &* Entry.bytes, highStart = (start &+ split) &* Entry.bytes
                let lowEnd = lowFilled &* Entry.bytes, highEnd = highFilled &* Entry.bytes
                SparseColumns.copyLine(from: source, at: lowStart, to: low, at: lowEnd)
                SparseColumns.copyLine(from: source, at: highStart, to: high, at: highEnd)
                if length > Entry.perLine {
                    SparseColumns.copyLine(from: source, at: lowStart &+ 64, to: low, at: lowEnd &+ 64)
                    SparseColumns.copyLine(from: source, at: highStart &+ 64, to: high, at: highEnd &+ 64)
                }
                lowFilled &+= split
                highFilled &+= length &- split
            } else {
                let typed = source.assumingMemoryBound(to: Entry.Bits.self)
                for k in start..<end {
                    if Entry.row(typed[k]) < rowBound {
                        low.storeBytes(of: typed[k], toByteOffset: lowFilled * Entry.bytes, as: Entry.Bits.self)
                        lowFilled += 1
                    } else {
                        high.storeBytes(of: typed[k], toByteOffset: highFilled * Entry.bytes, as: Entry.Bits.self)
                        highFilled += 1
                    }
                }
            }
        }
        endRun()
    }

    /// A column of up to two lines goes to each part as one copy of one or two lines from
    /// where its run starts (over-reading: the bucket advances by the run's length); longer
    /// columns (rare) go entry by entry.
    @inline(__always)
    private func distribute<Entry: SparseColumnEntry>(
        _: Entry.Type, _ x: UnsafePointer<Float>, columns range: Range<Int>, firing: UnsafeMutablePointer<Int32>,
        rowBounds: UnsafePointer<Int>, splits: UnsafePointer<UInt8>, parts: Int,
        buckets: UnsafePointer<UnsafeMutableRawPointer>, runs: UnsafePointer<UnsafeMutablePointer<Run>>,
        runCounts: UnsafeMutablePointer<Int>
    ) {
        for p in 0..<parts { runCounts[p] = 0 }
        let count = SpikeScan.firing(x + range.lowerBound, count: range.count, into: firing)
        guard count > 0 else { return }
        let source = UnsafeRawPointer(storage)
        let twoLines = 2 * Entry.perLine
        let stride = max(parts - 1, 1)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: parts) { filled in
            let filled = filled.baseAddress!
            filled.initialize(repeating: 0, count: parts)
            var scale = x[range.lowerBound + Int(firing[0])]
            for f in 0..<count {
                let local = Int(firing[f])
                let c = range.lowerBound + local
                let input = x[c]
                if input != scale {
                    for p in 0..<parts {
                        runs[p][runCounts[p]] = Run(scale: scale, end: Int32(filled[p]))
                        runCounts[p] += 1
                    }
                    scale = input
                }
                let start = Int(columnStarts[c]), end = Int(columnStarts[c + 1]), length = end - start
                if length <= twoLines {
                    let wide = length > Entry.perLine
                    let split = splits + local * stride
                    var first = 0
                    for p in 0..<parts {
                        let next = p < parts - 1 ? Int(split[p]) : length
                        let target = buckets[p] + filled[p] * Entry.bytes
                        SparseColumns.copyLine(from: source, at: (start + first) * Entry.bytes, to: target, at: 0)
                        if wide {
                            SparseColumns.copyLine(from: source, at: (start + first) * Entry.bytes + 64, to: target, at: 64)
                        }
                        filled[p] += next - first
                        first = next
                    }
                } else {
                    let typed = source.assumingMemoryBound(to: Entry.Bits.self)
                    var p = 0
                    for k in start..<end {
                        while Entry.row(typed[k]) >= rowBounds[p + 1] { p += 1 }
                        buckets[p].storeBytes(of: typed[k], toByteOffset: filled[p] * Entry.bytes, as: Entry.Bits.self)
                        filled[p] += 1
                    }
                }
            }
            for p in 0..<parts {
                runs[p][runCounts[p]] = Run(scale: scale, end: Int32(filled[p]))
                runCounts[p] += 1
            }
        }
    }

    /// Adds a bucket's entries into `y`, each run scaled by its input value.
    /// `scaledPalette`: scratch for ``paletteCount`` values, one per part (parts add at once).
    func add(
        _ bucket: UnsafeRawPointer, runs: UnsafeMutablePointer<Run>, count: Int, into y: UnsafeMutablePointer<Float>,
        scaledPalette: UnsafeMutablePointer<Float>
    ) {
        var start = 0
        for r in 0..<count {
            let end = Int(runs[r].end)
            if entryBytes == 4 {
                add(
                    PackedEntry.self, bucket + start * 4, count: end - start, scaledBy: runs[r].scale, into: y,
                    scaledPalette: scaledPalette)
            } else {
                add(
                    PairEntry.self, bucket + start * 8, count: end - start, scaledBy: runs[r].scale, into: y,
                    scaledPalette: scaledPalette)
            }
            start = end
        }
    }
}

/// How one entry of ``SparseColumns`` is laid out: ``bytes`` each, ``perLine`` to a 64-byte line.
protocol SparseColumnEntry {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    static var bytes: Int { get }
    static var perLine: Int { get }
    static func row(_ entry: Bits) -> Int
    /// The entry's value times `scale`, for packed entries from `scaledPalette` (the matrix's
    /// distinct values already multiplied by `scale`).
    static func term(_ entry: Bits, scaledPalette: UnsafePointer<Float>, scale: Float) -> Float
}

/// 4 bytes: the row in the low 24 bits, the index of the value in the matrix's table of
/// distinct values in the high 8.
enum PackedEntry: SparseColumnEntry {
    static let paletteCapacity = 256
    static let rowCapacity = 1 << 24
    static var bytes: Int { 4 }
    static var perLine: Int { 16 }

    @inline(__always)
    static func row(_ entry: UInt32) -> Int { Int(entry & 0x00FF_FFFF) }

    @inline(__always)
    static func term(_ entry: UInt32, scaledPalette: UnsafePointer<Float>, scale: Float) -> Float {
        scaledPalette[Int(entry >> 24)]
    }
}

/// 8 bytes: the row (a `UInt32`) in the low half, the value's bits in the high half.
enum PairEntry: SparseColumnEntry {
    static var bytes: Int { 8 }
    static var perLine: Int { 8 }

    @inline(__always)
    static func row(_ entry: UInt64) -> Int { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry)) }

    @inline(__always)
    static func term(_ entry: UInt64, scaledPalette: UnsafePointer<Float>, scale: Float) -> Float {
        Float(bitPattern: UInt32(truncatingIfNeeded: entry >> 32)) * scale
    }
}
