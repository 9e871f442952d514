/// A sparse matrix in compressed sparse row (CSR) form, for sparse connection transforms such
/// as neuron-to-neuron connectivity (Nengo's `nengo.transforms.Sparse`).
///
/// Row r's entries are `values[rowStarts[r]..<rowStarts[r + 1]]`, at columns
/// `columnIndices[...]` (ascending within a row).
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// `rows + 1` offsets into ``columnIndices`` and ``values``.
    public let rowStarts: [Int]
    /// The column of each stored entry.
    public let columnIndices: [Int]
    /// The stored entries, row by row.
    public let values: [Double]

    /// A sparse matrix from `(row, column, value)` entries in any order.
    /// - Throws: ``BrainKitError`` for an index out of range, a repeated (row, column) pair or
    ///   a non-finite value.
    public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Double)]) throws(BrainKitError) {
        try Check.atLeast(rows, 1, "SparseMatrix", "rows")
        try Check.atLeast(columns, 1, "SparseMatrix", "columns")
        try Check.fits(
            bytes: Size.product(rows, 8), limit: MemoryBudget.available, "row starts for \(rows) rows", "SparseMatrix",
            "rows")
        let sorted = entries.sorted { $0.row != $1.row ? $0.row < $1.row : $0.column < $1.column }
        var starts = [Int](repeating: 0, count: rows + 1)
        for (k, entry) in sorted.enumerated() {
            guard entry.row >= 0, entry.row < rows, entry.column >= 0, entry.column < columns else {
                throw .validation(
                    "SparseMatrix", "entries",
                    "index (\(entry.row), \(entry.column)) is outside a \(rows)x\(columns) matrix")
            }
            guard entry.value.isFinite else {
                throw .validation("SparseMatrix", "entries", "value at (\(entry.row), \(entry.column)) is not finite")
            }
            if k > 0, sorted[k - 1].row == entry.row, sorted[k - 1].column == entry.column {
                throw .validation("SparseMatrix", "entries", "(\(entry.row), \(entry.column)) is given twice")
            }
            starts[entry.row + 1] += 1
        }
        for r in 0..<rows { starts[r + 1] += starts[r] }
        self.rows = rows
        self.columns = columns
        self.rowStarts = starts
        self.columnIndices = sorted.map(\.column)
        self.values = sorted.map(\.value)
    }

    /// The number of stored entries.
    public var entryCount: Int { values.count }

    /// The same matrix, dense.
    public var dense: Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for r in 0..<rows {
            for k in rowStarts[r]..<rowStarts[r + 1] { m[r, columnIndices[k]] = values[k] }
        }
        return m
    }
}
