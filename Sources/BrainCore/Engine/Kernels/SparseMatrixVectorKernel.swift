/// `y (+)= M·x` for a sparse M in compressed sparse row form: the structure is fixed at build,
/// the values live in the arena.
final class SparseMatrixVectorKernel: Kernel, @unchecked Sendable {
    let rowStarts: UnsafeMutablePointer<Int>
    let columns: UnsafeMutablePointer<Int>
    let values: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let rows: Int
    let entries: Int
    let accumulate: Bool

    init(matrix: SparseMatrix, values: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>,
         y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        rows = matrix.rows
        entries = matrix.entryCount
        rowStarts = .allocate(capacity: rows + 1)
        rowStarts.initialize(from: matrix.rowStarts, count: rows + 1)
        columns = .allocate(capacity: max(entries, 1))
        columns.initialize(from: matrix.columnIndices, count: entries)
        self.values = values
        self.x = x
        self.y = y
        self.accumulate = accumulate
    }

    deinit {
        rowStarts.deallocate()
        columns.deallocate()
    }

    override func run(time: Double) {
        var r = 0
        while r < rows {
            var sum: Float = 0
            var k = rowStarts[r]
            let end = rowStarts[r + 1]
            while k < end {
                sum += values[k] * x[columns[k]]
                k += 1
            }
            y[r] = accumulate ? y[r] + sum : sum
            r += 1
        }
    }

    override var cost: Int { entries + rows }
}
