/// A constant sparse matrix stored column by column, for products with a mostly-zero input
/// (spikes): `y (+)= M·x` visits only the columns with `x_c ≠ 0` that have entries. Column c's
/// entries are `columnStarts[c]..<columnStarts[c + 1]` of ``pairs``, in ascending row order; an
/// entry is one 8-byte pair, the row (a `UInt32`) in the low half and the value's bits in the
/// high half, so a short column is one cache line (random columns of a large matrix come from
/// the last-level cache or memory: separate row and value arrays cost two misses).
///
/// Shared by a kernel and, when it is cut for threads, its ``SparseExchange``.
final class SparseColumns: @unchecked Sendable {
    let rows: Int
    let columns: Int
    let entries: Int
    private let columnStarts: UnsafeMutablePointer<Int32>
    private let pairs: UnsafeMutablePointer<UInt64>
    /// Pairs copied per column before looking at its length: 8 or 16 (whichever holds nine
    /// columns in ten).
    private let copyWidth: Int
    /// Bit `c % 64` of word `c / 64`: column c has entries (the product skips the firing
    /// columns that have none).
    private let occupied: UnsafeMutablePointer<UInt64>
    /// Scratch: the columns that fire in the current step.
    private let firing: UnsafeMutablePointer<Int32>
    /// Scratch: gathered pairs (``batchSize``, plus the longest column and one copy's overshoot).
    private let batch: UnsafeMutablePointer<UInt64>

    /// - Parameter values: the matrix's values in row-major order (read once, here).
    init(_ matrix: SparseMatrix, values matrixValues: UnsafeMutablePointer<Float>) {
        rows = matrix.rows
        columns = matrix.columns
        entries = matrix.entryCount
        // Counting sort of the entries by column, keeping row order within a column.
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: columns + 1)
        starts.initialize(repeating: 0, count: columns + 1)
        for k in 0..<entries { starts[matrix.columnIndices[k] + 1] += 1 }
        for c in 0..<columns { starts[c + 1] += starts[c] }
        // 16 pairs of slack: the product copies whole groups from a column's start.
        let pairs = UnsafeMutablePointer<UInt64>.allocate(capacity: entries + 16)
        pairs.initialize(repeating: 0, count: entries + 16)
        var next = (0..<columns).map { Int(starts[$0]) }
        for r in 0..<rows {
            for k in matrix.rowStarts[r]..<matrix.rowStarts[r + 1] {
                let c = matrix.columnIndices[k]
                pairs[next[c]] = UInt64(UInt32(r)) | UInt64(matrixValues[k].bitPattern) << 32
                next[c] += 1
            }
        }
        columnStarts = starts
        self.pairs = pairs
        firing = .allocate(capacity: max(columns, 1))
        occupied = .allocate(capacity: (columns + 63) / 64)
        occupied.initialize(repeating: 0, count: (columns + 63) / 64)
        var lengths: [Int32] = []
        for c in 0..<columns where starts[c + 1] > starts[c] {
            lengths.append(starts[c + 1] - starts[c])
            occupied[c / 64] |= 1 << UInt64(c % 64)
        }
        lengths.sort()
        copyWidth = lengths.isEmpty || lengths[lengths.count * 9 / 10] <= 8 ? 8 : 16
        batch = .allocate(capacity: SparseColumns.batchSize + Int(lengths.last ?? 0) + 16)
    }

    deinit {
        columnStarts.deallocate()
        pairs.deallocate()
        firing.deallocate()
        occupied.deallocate()
        batch.deallocate()
    }

    /// `y (+)= M·x`, adding column by column in ascending column order.
    ///
    /// Columns have different lengths, so a loop over each column's entries would mispredict
    /// its exit once per firing column. Instead each firing column's first 8 or 16 pairs are
    /// copied into a batch (over-reading into the next column) and the batch advances by the
    /// true length; longer columns (rare) copy the rest in a loop. The batch is then added into
    /// `y` in one predictable loop, `y[row] += value · x_c`. A batch holds columns of one input
    /// value (spikes all have the same), so it is added whenever the value changes.
    @inline(__always)
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { y.update(repeating: 0, count: rows) }
        let count = SpikeScan.firing(x, count: columns, among: occupied, into: firing)
        guard count > 0 else { return }
        let source = UnsafeRawPointer(pairs), target = UnsafeMutableRawPointer(batch)
        let wide = copyWidth == 16
        var filled = 0
        var scale = x[Int(firing[0])]
        for f in 0..<count {
            let c = Int(firing[f])
            let input = x[c]
            if input != scale {
                SparseColumns.add(batch, count: filled, scaledBy: scale, into: y)
                filled = 0
                scale = input
            }
            var k = Int(columnStarts[c])
            let end = Int(columnStarts[c + 1])
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: k * 8, as: SIMD16<UInt32>.self), toByteOffset: filled * 8,
                as: SIMD16<UInt32>.self)
            if wide {
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: k * 8 + 64, as: SIMD16<UInt32>.self),
                    toByteOffset: filled * 8 + 64, as: SIMD16<UInt32>.self)
            }
            var copied = copyWidth
            while k + copied < end {
                // A long column: the rest, eight pairs at a time.
                k += copied
                filled += copied
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: k * 8, as: SIMD16<UInt32>.self), toByteOffset: filled * 8,
                    as: SIMD16<UInt32>.self)
                copied = 8
            }
            filled += end - k
            if filled >= SparseColumns.batchSize {
                SparseColumns.add(batch, count: filled, scaledBy: scale, into: y)
                filled = 0
            }
        }
        SparseColumns.add(batch, count: filled, scaledBy: scale, into: y)
    }

    /// Pairs gathered before they are added into `y` (16 KiB: stays in L1).
    private static let batchSize = 2048

    @inline(__always)
    private static func add(
        _ pairs: UnsafeMutablePointer<UInt64>, count: Int, scaledBy scale: Float, into y: UnsafeMutablePointer<Float>
    ) {
        for k in 0..<count {
            let pair = pairs[k]
            y[Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: pair))] +=
                Float(bitPattern: UInt32(truncatingIfNeeded: pair >> 32)) * scale
        }
    }

    // MARK: - Distribution among the parts of a cut product (see ``SparseExchange``)

    /// Pairs a copy may write past a bucket's last entry.
    static let overshoot = 16

    /// Pairs `..<end` of a bucket (from the end of the run before) were scaled by `scale`.
    struct Run {
        var scale: Float
        var end: Int32
    }

    /// The entries of `columns` whose rows fall in each of the `parts` ranges
    /// `bounds[p]..<bounds[p + 1]`.
    func entries(columns range: Range<Int>, splitAt bounds: UnsafePointer<Int>, parts: Int) -> [Int] {
        var sizes = [Int](repeating: 0, count: parts)
        for c in range {
            for k in Int(columnStarts[c])..<Int(columnStarts[c + 1]) {
                let row = Int(UInt32(truncatingIfNeeded: pairs[k]))
                var p = 0
                while row >= bounds[p + 1] { p += 1 }
                sizes[p] += 1
            }
        }
        return sizes
    }

    /// Copies the entries of the firing columns among `columns` into `buckets[p]`, split by
    /// the row ranges `rowBounds[p]..<rowBounds[p + 1]`, in ascending column order, with runs
    /// of one input value (`runs[p]`, `runCounts[p]` of them). A column of up to 16 entries
    /// splits without a branch: its rows are ascending, so each part's entries are one run of
    /// it, found by counting rows below each bound with vector compares.
    func distribute(
        _ x: UnsafePointer<Float>, columns range: Range<Int>, firing: UnsafeMutablePointer<Int32>,
        rowBounds: UnsafePointer<Int>, parts: Int, buckets: UnsafePointer<UnsafeMutablePointer<UInt64>>,
        runs: UnsafePointer<UnsafeMutablePointer<Run>>, runCounts: UnsafeMutablePointer<Int>
    ) {
        for p in 0..<parts { runCounts[p] = 0 }
        let count = SpikeScan.firing(x + range.lowerBound, count: range.count, into: firing)
        guard count > 0 else { return }
        let source = UnsafeRawPointer(pairs)
        let evenLanes = SIMD16<UInt32>(1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0)
        let lowPairs = SIMD16<UInt32>(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: parts) { filled in
            let filled = filled.baseAddress!
            filled.initialize(repeating: 0, count: parts)
            var scale = x[range.lowerBound + Int(firing[0])]
            for f in 0..<count {
                let c = range.lowerBound + Int(firing[f])
                let input = x[c]
                if input != scale {
                    for p in 0..<parts {
                        runs[p][runCounts[p]] = Run(scale: scale, end: Int32(filled[p]))
                        runCounts[p] += 1
                    }
                    scale = input
                }
                let start = Int(columnStarts[c]), end = Int(columnStarts[c + 1]), length = end - start
                if length <= 16 {
                    let low = source.loadUnaligned(fromByteOffset: start * 8, as: SIMD16<UInt32>.self)
                    let high = source.loadUnaligned(fromByteOffset: start * 8 + 64, as: SIMD16<UInt32>.self)
                    let inColumn = SIMD16<UInt32>(repeating: UInt32(length))
                    let lowValid = ((lowPairs &- inColumn) &>> 31) & evenLanes
                    let highValid = ((lowPairs &+ 8 &- inColumn) &>> 31) & evenLanes
                    var first = 0
                    for p in 0..<parts {
                        var next = length
                        if p < parts - 1 {
                            let bound = SIMD16<UInt32>(repeating: UInt32(rowBounds[p + 1]))
                            let below = (((low &- bound) &>> 31) & lowValid) &+ (((high &- bound) &>> 31) & highValid)
                            next = Int(below.wrappedSum())
                        }
                        let target = UnsafeMutableRawPointer(buckets[p] + filled[p])
                        target.storeBytes(
                            of: source.loadUnaligned(fromByteOffset: (start + first) * 8, as: SIMD16<UInt32>.self),
                            as: SIMD16<UInt32>.self)
                        target.storeBytes(
                            of: source.loadUnaligned(fromByteOffset: (start + first) * 8 + 64, as: SIMD16<UInt32>.self),
                            toByteOffset: 64, as: SIMD16<UInt32>.self)
                        filled[p] += next - first
                        first = next
                    }
                } else {
                    var p = 0
                    for k in start..<end {
                        let row = Int(UInt32(truncatingIfNeeded: pairs[k]))
                        while row >= rowBounds[p + 1] { p += 1 }
                        buckets[p][filled[p]] = pairs[k]
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

    /// Adds a bucket's pairs into `y`, each run scaled by its input value.
    static func add(
        _ pairs: UnsafeMutablePointer<UInt64>, runs: UnsafeMutablePointer<Run>, count: Int,
        into y: UnsafeMutablePointer<Float>
    ) {
        var start = 0
        for r in 0..<count {
            let end = Int(runs[r].end)
            add(pairs + start, count: end - start, scaledBy: runs[r].scale, into: y)
            start = end
        }
    }
}
