/// `y (+)= M·x` for a sparse M: the structure is fixed at build, the values live in the arena
/// (row-major order, as in ``SparseMatrix``).
///
/// A constant matrix (no learning rule changes it) is run column by column from a column-major
/// copy, skipping the columns whose input is zero: for spiking inputs (neuron-to-neuron
/// connectivity) only the few neurons that spiked this step cost anything. Otherwise each row
/// is a dot product over its entries.
final class SparseMatrixVectorKernel: Kernel, @unchecked Sendable {
    let rowStarts: UnsafeMutablePointer<Int>
    let columnIndices: UnsafeMutablePointer<Int>
    let values: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let rows: Int
    let columns: Int
    let entries: Int
    let accumulate: Bool
    /// The column-major copy of a constant matrix: column c's entries are
    /// `columnStarts[c]..<columnStarts[c + 1]` of `rowIndices` and `columnValues`.
    private let columnStarts: UnsafeMutablePointer<Int>?
    private let rowIndices: UnsafeMutablePointer<Int>?
    private let columnValues: UnsafeMutablePointer<Float>?

    init(matrix: SparseMatrix, values: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>,
         y: UnsafeMutablePointer<Float>, accumulate: Bool, constant: Bool) {
        rows = matrix.rows
        columns = matrix.columns
        entries = matrix.entryCount
        rowStarts = .allocate(capacity: rows + 1)
        rowStarts.initialize(from: matrix.rowStarts, count: rows + 1)
        columnIndices = .allocate(capacity: max(entries, 1))
        columnIndices.initialize(from: matrix.columnIndices, count: entries)
        self.values = values
        self.x = x
        self.y = y
        self.accumulate = accumulate
        if constant {
            // Counting sort of the entries by column, keeping row order within a column.
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
            starts.initialize(repeating: 0, count: columns + 1)
            for k in 0..<entries { starts[matrix.columnIndices[k] + 1] += 1 }
            for c in 0..<columns { starts[c + 1] += starts[c] }
            let rowsOut = UnsafeMutablePointer<Int>.allocate(capacity: max(entries, 1))
            let valuesOut = UnsafeMutablePointer<Float>.allocate(capacity: max(entries, 1))
            var next = Array(UnsafeBufferPointer(start: starts, count: columns))
            for r in 0..<rows {
                for k in matrix.rowStarts[r]..<matrix.rowStarts[r + 1] {
                    let c = matrix.columnIndices[k]
                    rowsOut[next[c]] = r
                    valuesOut[next[c]] = values[k]
                    next[c] += 1
                }
            }
            columnStarts = starts
            rowIndices = rowsOut
            columnValues = valuesOut
        } else {
            columnStarts = nil
            rowIndices = nil
            columnValues = nil
        }
    }

    deinit {
        rowStarts.deallocate()
        columnIndices.deallocate()
        columnStarts?.deallocate()
        rowIndices?.deallocate()
        columnValues?.deallocate()
    }

    override func run(time: Double) {
        if let columnStarts, let rowIndices, let columnValues {
            if !accumulate { y.update(repeating: 0, count: rows) }
            var c = 0
            while c < columns {
                let input = x[c]
                if input != 0 {
                    var k = columnStarts[c]
                    let end = columnStarts[c + 1]
                    while k < end {
                        y[rowIndices[k]] += columnValues[k] * input
                        k += 1
                    }
                }
                c += 1
            }
            return
        }
        var r = 0
        while r < rows {
            var sum: Float = 0
            var k = rowStarts[r]
            let end = rowStarts[r + 1]
            while k < end {
                sum += values[k] * x[columnIndices[k]]
                k += 1
            }
            y[r] = accumulate ? y[r] + sum : sum
            r += 1
        }
    }

    override var cost: Int { entries + rows }
}
