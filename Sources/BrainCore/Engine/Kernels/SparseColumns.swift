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
    /// Scratch: the columns that fire in the current step.
    private let firing: UnsafeMutablePointer<Int32>

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
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: max(entries, 1))
        let sorted = UnsafeMutablePointer<Float>.allocate(capacity: max(entries, 1))
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
    }

    func deallocate() {
        columnStarts.deallocate()
        rowIndices.deallocate()
        values.deallocate()
        firing.deallocate()
    }

    /// The same matrix restricted to `range` (a sub-range of ``rowRange``).
    func restricted(to range: Range<Int>) -> SparseColumns {
        SparseColumns(source, values: sourceValues, rowRange: range)
    }

    /// `y[rowRange] (+)= M[rowRange, :]·x`, adding column by column in ascending column order.
    @inline(__always)
    func multiply(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { (y + rowRange.lowerBound).update(repeating: 0, count: rowRange.count) }
        let count = SpikeScan.firing(x, count: columns, into: firing)
        for f in 0..<count {
            let c = Int(firing[f])
            let input = x[c]
            var k = Int(columnStarts[c])
            let end = Int(columnStarts[c + 1])
            while k < end {
                y[Int(rowIndices[k])] += values[k] * input
                k += 1
            }
        }
    }
}
