/// The linear map a connection applies after its function (Nengo's `transform`).
///
/// A number literal is a scalar transform (`transform: 0.9`); an array literal is diagonal
/// (`transform: [0.5, 2]`) or, of rows, dense (`transform: [[1, 0], [0, -1]]`).
public enum Transform: Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// No transform: the function's output (or the pre value) passes unchanged; sizes must
    /// match.
    case identity
    /// Every element multiplied by the same number (sizes must match).
    case scalar(Double)
    /// Element i multiplied by `values[i]` (sizes must match).
    case diagonal([Double])
    /// A full `sizeOut x sizeMid` matrix.
    case dense(Matrix)
    /// A sparse `sizeOut x sizeMid` matrix (only on connections without decoders, such as
    /// neurons to neurons).
    case sparse(SparseMatrix)

    public init(floatLiteral value: Double) { self = .scalar(value) }
    public init(integerLiteral value: Int) { self = .scalar(Double(value)) }

    /// The transform as a `sizeOut x sizeMid` matrix.
    func matrix(sizeMid: Int, sizeOut: Int) -> Matrix {
        switch self {
        case .identity: return Matrix.identity(sizeMid)
        case .scalar(let s): return Matrix.identity(sizeMid).scaled(by: s)
        case .diagonal(let values): return Matrix.diagonal(values)
        case .dense(let m): return m
        case .sparse(let m): return m.dense
        }
    }

    /// Checks the transform against the connection's sizes.
    func validate(sizeMid: Int, sizeOut: Int, object: String) throws(BrainKitError) {
        switch self {
        case .identity, .scalar:
            if case .scalar(let value) = self { try Check.floatFinite([value], object, "transform") }
            guard sizeMid == sizeOut else {
                throw .validation(
                    object, "transform",
                    "output size (\(sizeMid)) is not equal to the connection's output size (\(sizeOut))")
            }
        case .diagonal(let values):
            guard values.count == sizeMid, sizeMid == sizeOut else {
                throw .validation(
                    object, "transform",
                    "diagonal of \(values.count) values does not fit input size \(sizeMid) and output size \(sizeOut)")
            }
            try Check.floatFinite(values, object, "transform")
        case .dense(let m):
            guard m.rows == sizeOut, m.columns == sizeMid else {
                throw .validation(object, "transform", "must be \(sizeOut)x\(sizeMid), got \(m.rows)x\(m.columns)")
            }
            try Check.floatFinite(m.values, object, "transform")
        case .sparse(let m):
            guard m.rows == sizeOut, m.columns == sizeMid else {
                throw .validation(object, "transform", "must be \(sizeOut)x\(sizeMid), got \(m.rows)x\(m.columns)")
            }
            try Check.floatFinite(m.values, object, "transform")
        }
    }

    /// True for transforms that mix elements (dense or sparse matrices).
    var isDense: Bool {
        switch self {
        case .dense, .sparse: return true
        default: return false
        }
    }

    var isSparse: Bool {
        if case .sparse = self { return true }
        return false
    }
}

/// One element of a transform written as an array literal: a number, making the transform
/// diagonal (`transform: [0.5, 2]`, Nengo's 1-D array), or a row, making it dense
/// (`transform: [[1, 0], [0, -1]]`, rows of the matrix).
public enum TransformLiteralElement: Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral
{
    /// A diagonal entry.
    case number(Double)
    /// A row of a dense matrix.
    case row([Double])

    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: Double...) { self = .row(elements) }
}

extension Transform: ExpressibleByArrayLiteral {
    /// A transform from an array literal: numbers make ``diagonal(_:)``, rows make
    /// ``dense(_:)``. A literal mixing the two, or with rows of different lengths, reads as a
    /// 0x0 dense matrix, which the connection refuses (naming `transform`) when it is made.
    public init(arrayLiteral elements: TransformLiteralElement...) {
        var numbers: [Double] = [], rows: [[Double]] = []
        for element in elements {
            switch element {
            case .number(let value): numbers.append(value)
            case .row(let row): rows.append(row)
            }
        }
        if rows.isEmpty {
            self = .diagonal(numbers)
        } else if numbers.isEmpty, rows.allSatisfy({ $0.count == rows[0].count }) {
            self = .dense(Matrix(rows))
        } else {
            self = .dense(Matrix(rows: 0, columns: 0))
        }
    }
}
