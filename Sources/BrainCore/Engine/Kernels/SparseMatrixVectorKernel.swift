/// `y (+)= M·x` for a sparse M: the structure is fixed at build, the values live in the arena
/// (row-major order, as in ``SparseMatrix``).
///
/// A constant matrix (no learning rule changes it) runs from a column-major copy
/// (``SparseColumns``), visiting only the columns whose input is nonzero: for spiking inputs
/// (neuron-to-neuron connectivity) only the few neurons that spiked this step cost anything,
/// and the kernel splits into row ranges for several threads. Otherwise each row is a dot
/// product over its entries.
final class SparseMatrixVectorKernel: Kernel, @unchecked Sendable {
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let accumulate: Bool
    private let storage: Storage
    /// Shared by the parts when the kernel is cut for threads.
    private var exchange: SparseExchange?

    private enum Storage {
        /// Row-major entries whose values are read from the arena each step.
        case rows(rowStarts: UnsafeMutablePointer<Int>, columnIndices: UnsafeMutablePointer<Int>,
                  values: UnsafeMutablePointer<Float>, rows: Int, entries: Int)
        /// A column-major copy of a constant matrix.
        case columns(SparseColumns)
    }

    init(matrix: SparseMatrix, values: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>,
         y: UnsafeMutablePointer<Float>, accumulate: Bool, constant: Bool) {
        self.x = x
        self.y = y
        self.accumulate = accumulate
        if constant {
            storage = .columns(SparseColumns(matrix, values: values))
        } else {
            let rowStarts = UnsafeMutablePointer<Int>.allocate(capacity: matrix.rows + 1)
            rowStarts.initialize(from: matrix.rowStarts, count: matrix.rows + 1)
            let columnIndices = UnsafeMutablePointer<Int>.allocate(capacity: max(matrix.entryCount, 1))
            columnIndices.initialize(from: matrix.columnIndices, count: matrix.entryCount)
            storage = .rows(
                rowStarts: rowStarts, columnIndices: columnIndices, values: values, rows: matrix.rows,
                entries: matrix.entryCount)
        }
    }

    deinit {
        if case .rows(let rowStarts, let columnIndices, _, _, _) = storage {
            rowStarts.deallocate()
            columnIndices.deallocate()
        }
    }

    override func run(time: Double) {
        switch storage {
        case .columns(let columns):
            columns.multiply(x, into: y, accumulate: accumulate)
        case .rows(let rowStarts, let columnIndices, let values, let rows, _):
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
    }

    override var cost: Int {
        switch storage {
        case .rows(_, _, _, let rows, let entries): return entries + rows
        case .columns(let columns): return columns.entries + columns.rows
        }
    }

    /// A constant matrix cuts into row ranges (``SparseExchange``): each part writes only its
    /// rows and adds its entries in the same order as the whole.
    override var splittableLength: Int {
        if case .columns(let columns) = storage { return columns.rows }
        return 0
    }

    override var footprint: MemoryFootprint? {
        guard case .columns(let columns) = storage else { return nil }
        var footprint = MemoryFootprint()
        footprint.reads(x, count: columns.columns)
        footprint.writes(y, count: columns.rows)
        return footprint
    }

    override func part(_ range: Range<Int>) -> Kernel {
        guard case .columns(let whole) = storage else { preconditionFailure("SparseMatrixVectorKernel: not cut") }
        if exchange == nil {
            exchange = SparseExchange(matrix: whole, x: x, y: y, accumulate: accumulate)
        }
        return SparseProductPart(exchange: exchange!, rows: range)
    }
}
