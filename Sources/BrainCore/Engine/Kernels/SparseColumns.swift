/// Rows `rowRange` of a constant sparse matrix stored column by column, for products with a
/// mostly-zero input (spikes): `y[rowRange] (+)= M[rowRange, :]·x` visits only the columns with
/// `x_c ≠ 0`. Column c's entries are `columnStarts[c]..<columnStarts[c + 1]` of ``rowIndices``
/// (absolute row numbers) and ``values``, in ascending row order.
///
/// Owned by one kernel, which calls ``deallocate()``.
struct SparseColumns {
    let rowRange: Range<Int>
    let columns: Int
    let entries: Int
    /// The matrix in row-major form, kept to cut further row ranges.
    private let source: SparseMatrix
    private let sourceValues: UnsafeMutablePointer<Float>
    private let columnStarts: UnsafeMutablePointer<Int32>
    private let rowIndices: UnsafeMutablePointer<Int32>
    private let values: UnsafeMutablePointer<Float>
    /// Bit `c % 64` of word `c / 64`: column c has entries in these rows (a part of a matrix
    /// cut for threads skips the firing columns that have none).
    private let occupied: UnsafeMutablePointer<UInt64>
    /// Scratch: the columns that fire in the current step.
    private let firing: UnsafeMutablePointer<Int32>
    /// Scratch: a batch of gathered entries (``batchSize``, plus the longest column and one
    /// copy's overshoot).
    private let batchRows: UnsafeMutablePointer<Int32>
    private let batchValues: UnsafeMutablePointer<Float>

    /// - Parameter values: the matrix's values in row-major order (read once, here).
    init(_ matrix: SparseMatrix, values matrixValues: UnsafeMutablePointer<Float>, rowRange: Range<Int>) {
        self.rowRange = rowRange
        self.columns = matrix.columns
        self.source = matrix
        self.sourceValues = matrixValues
        let first = matrix.rowStarts[rowRange.lowerBound], last = matrix.rowStarts[rowRange.upperBound]
        entries = last - first
        // Counting sort of the entries by column, keeping row order within a column.
        let columns = matrix.columns
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: columns + 1)
        starts.initialize(repeating: 0, count: columns + 1)
        for k in first..<last { starts[matrix.columnIndices[k] + 1] += 1 }
        for c in 0..<columns { starts[c + 1] += starts[c] }
        // 16 entries of slack: the product copies 16 at a time from a column's start.
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: entries + 16)
        rows.initialize(repeating: 0, count: entries + 16)
        let sorted = UnsafeMutablePointer<Float>.allocate(capacity: entries + 16)
        sorted.initialize(repeating: 0, count: entries + 16)
        var next = (0..<columns).map { Int(starts[$0]) }
        for r in rowRange {
            for k in matrix.rowStarts[r]..<matrix.rowStarts[r + 1] {
                let c = matrix.columnIndices[k]
                rows[next[c]] = Int32(r)
                sorted[next[c]] = matrixValues[k]
                next[c] += 1
            }
        }
        columnStarts = starts
        rowIndices = rows
        values = sorted
        firing = .allocate(capacity: max(columns, 1))
        occupied = .allocate(capacity: (columns + 63) / 64)
        occupied.initialize(repeating: 0, count: (columns + 63) / 64)
        var longest = 0
        for c in 0..<columns where starts[c + 1] > starts[c] {
            longest = max(longest, Int(starts[c + 1] - starts[c]))
            occupied[c / 64] |= 1 << UInt64(c % 64)
        }
        batchRows = .allocate(capacity: SparseColumns.batchSize + longest + 16)
        batchValues = .allocate(capacity: SparseColumns.batchSize + longest + 16)
    }

    func deallocate() {
        columnStarts.deallocate()
        rowIndices.deallocate()
        values.deallocate()
        firing.deallocate()
        occupied.deallocate()
        batchRows.deallocate()
        batchValues.deallocate()
    }

    /// The same matrix restricted to `range` (a sub-range of ``rowRange``).
    func restricted(to range: Range<Int>) -> SparseColumns {
        SparseColumns(source, values: sourceValues, rowRange: range)
    }

    /// `y[rowRange] (+)= M[rowRange, :]·x`, adding column by column in ascending column order.
    ///
    /// Columns have different lengths, so a loop over each column's entries would mispredict
    /// its exit once per firing column. Instead the firing columns' entries, scaled by their
    /// input, are first copied into a small batch 16 at a time (the copy over-reads into the
    /// next column and advances by the true length: no branch per column), and the batch is then
    /// added into `y` in one predictable loop.
    @inline(__always)
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { (y + rowRange.lowerBound).update(repeating: 0, count: rowRange.count) }
        let count = SpikeScan.firing(x, count: columns, among: occupied, into: firing)
        let rows = UnsafeRawPointer(rowIndices), vals = UnsafeRawPointer(values)
        let batchRows = UnsafeMutableRawPointer(self.batchRows), batchValues = UnsafeMutableRawPointer(self.batchValues)
        var filled = 0
        for f in 0..<count {
            let c = Int(firing[f])
            let input = x[c]
            var k = Int(columnStarts[c])
            let end = Int(columnStarts[c + 1])
            repeat {
                batchRows.storeBytes(
                    of: rows.loadUnaligned(fromByteOffset: k * 4, as: SIMD16<Int32>.self), toByteOffset: filled * 4,
                    as: SIMD16<Int32>.self)
                batchValues.storeBytes(
                    of: vals.loadUnaligned(fromByteOffset: k * 4, as: SIMD16<Float>.self) * input,
                    toByteOffset: filled * 4, as: SIMD16<Float>.self)
                let copied = min(16, end - k)
                filled += copied
                k += copied
            } while k < end
            if filled >= SparseColumns.batchSize {
                SparseColumns.add(batchCount: filled, rows: self.batchRows, values: self.batchValues, into: y)
                filled = 0
            }
        }
        SparseColumns.add(batchCount: filled, rows: self.batchRows, values: self.batchValues, into: y)
    }

    /// Entries gathered before they are added into `y` (16 KiB of rows and values: stays in L1).
    private static let batchSize = 2048

    @inline(__always)
    private static func add(
        batchCount: Int, rows: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Float>,
        into y: UnsafeMutablePointer<Float>
    ) {
        for k in 0..<batchCount { y[Int(rows[k])] += values[k] }
    }
}
