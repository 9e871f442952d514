/// A dense row-major matrix of `Double`, used for everything built before the step loop:
/// encoders, eval points, activities, decoders, transforms.
///
/// Element (r, c) lives at `values[r * columns + c]`. A vector is a matrix with one column
/// (or one row); ``init(column:)`` and ``init(row:)`` make them explicit.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Row-major storage, `rows * columns` values.
    public var values: [Double]

    /// A matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative size \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix over row-major `values`.
    /// - Precondition: `values.count == rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "Matrix: \(values.count) values for \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from nested rows; every row must have the same length.
    public init(_ nested: [[Double]]) {
        let columns = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == columns }, "Matrix: ragged rows")
        self.init(rows: nested.count, columns: columns, values: nested.flatMap { $0 })
    }

    /// A column vector (n x 1).
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, values: column)
    }

    /// A row vector (1 x n).
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, values: row)
    }

    /// The n x n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// A square matrix with `diagonal` on its diagonal.
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        var m = Matrix(rows: diagonal.count, columns: diagonal.count)
        for (i, v) in diagonal.enumerated() { m[i, i] = v }
        return m
    }

    /// The element at `row`, `column` (0-based; stored row-major at `row · columns + column`).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Double] {
        Array(values[(r * columns)..<((r + 1) * columns)])
    }

    /// Column `c` as an array.
    public func column(_ c: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + c] }
    }

    /// Rows as nested arrays.
    public var nested: [[Double]] {
        (0..<rows).map { row($0) }
    }

    /// The transpose, a new columns × rows matrix.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                t.values[c * rows + r] = values[r * columns + c]
            }
        }
        return t
    }

    /// The columns `indices` of this matrix, in that order.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var out = Matrix(rows: rows, columns: indices.count)
        for r in 0..<rows {
            for (k, c) in indices.enumerated() {
                out.values[r * indices.count + k] = values[r * columns + c]
            }
        }
        return out
    }

    /// The rows `indices` of this matrix, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        Matrix(rows: indices.count, columns: columns, values: indices.flatMap { row($0) })
    }

    /// Every element multiplied by `scale`.
    public func scaled(by scale: Double) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values.map { $0 * scale })
    }

    /// The largest element (or -infinity for an empty matrix).
    public var maxElement: Double {
        values.withUnsafeBufferPointer(LargestElement.of)
    }

    public var description: String {
        "Matrix(\(rows)x\(columns))"
    }
}
