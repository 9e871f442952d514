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
        values.withUnsafeBufferPointer { v in
            var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
            var i = 0
            while i + 4 <= v.count {
                m0 = v[i] > m0 ? v[i] : m0
                m1 = v[i + 1] > m1 ? v[i + 1] : m1
                m2 = v[i + 2] > m2 ? v[i + 2] : m2
                m3 = v[i + 3] > m3 ? v[i + 3] : m3
                i += 4
            }
            var result = max(max(m0, m1), max(m2, m3))
            while i < v.count {
                if v[i] > result { result = v[i] }
                i += 1
            }
            return result
        }
    }

    /// The same values in `Double`.
    var double: Matrix {
        Matrix(rows: rows, columns: columns, values: values.map { Double($0) })
    }
}
