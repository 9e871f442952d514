/// A dense row-major matrix of `Float`: the activities of large decoder solves, which are
/// computed, squared into a Gram matrix and multiplied in single precision (the Cholesky solve
/// itself stays `Double`). Element (r, c) lives at `values[r * columns + c]`.
struct SingleMatrix {
    let rows: Int
    let columns: Int
    var values: [Float]

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        values = [Float](repeating: 0, count: rows * columns)
    }

    init(_ matrix: Matrix) {
        rows = matrix.rows
        columns = matrix.columns
        values = matrix.values.map { Float($0) }
    }

    /// The largest element (NaNs skipped), or -infinity when empty.
    var maxElement: Float {
        values.withUnsafeBufferPointer(LargestElement.of)
    }

    /// The same values in `Double`.
    var double: Matrix {
        Matrix(rows: rows, columns: columns, values: values.map { Double($0) })
    }
}
