import BrainCore

/// An n-dimensional array as NumPy stores it in a `.npy` file: a shape (C order, last index
/// fastest) and little-endian values of one of three dtypes.
public struct NPYArray: Sendable, Equatable {
    /// The values, flattened in C order, with their dtype.
    public enum Values: Sendable, Equatable {
        /// `<f4`
        case float32([Float])
        /// `<f8`
        case float64([Double])
        /// `<i8`
        case int64([Int64])

        var count: Int {
            switch self {
            case .float32(let v): return v.count
            case .float64(let v): return v.count
            case .int64(let v): return v.count
            }
        }
    }

    /// The array's shape (C order); the product of its entries is the number of values.
    public let shape: [Int]
    /// The values, in C (row-major) order.
    public let values: Values

    /// - Throws: `BrainKitError` (`.validation`) when a dimension is negative or the
    ///   number of values is not the product of the shape (1 for the empty shape, a scalar).
    public init(shape: [Int], values: Values) throws(BrainKitError) {
        let expected = try NPYArray.elementCount(shape)
        guard values.count == expected else {
            throw .validation(
                "NPYArray", "values", "must hold \(expected) values for shape \(NPYArray.describe(shape)), got \(values.count)")
        }
        self.shape = shape
        self.values = values
    }

    /// A 1-D `<f8` array.
    public init(_ vector: [Double]) {
        shape = [vector.count]
        values = .float64(vector)
    }

    /// A 2-D `<f8` array of `matrix`'s shape (rows × columns).
    /// - Throws: `BrainKitError` (`.validation`) when the matrix's storage does not match its shape.
    public init(_ matrix: Matrix) throws(BrainKitError) {
        try self.init(shape: [matrix.rows, matrix.columns], values: .float64(matrix.values))
    }

    /// NumPy's name of the dtype: `<f4`, `<f8` or `<i8`.
    public var dtype: String {
        switch values {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .int64: return "<i8"
        }
    }

    /// The values as `Double`s (exact for float32 and for int64 up to 2⁵³).
    public var doubles: [Double] {
        switch values {
        case .float32(let v): return v.map(Double.init)
        case .float64(let v): return v
        case .int64(let v): return v.map(Double.init)
        }
    }

    /// The array as a matrix: a 2-D array as it is, a 1-D array as one column.
    /// - Throws: `BrainKitError` (`.validation`) for other numbers of dimensions.
    public func matrix() throws(BrainKitError) -> Matrix {
        switch shape.count {
        case 1: return Matrix(rows: shape[0], columns: 1, values: doubles)
        case 2: return Matrix(rows: shape[0], columns: shape[1], values: doubles)
        default:
            throw .validation("NPYArray", "shape", "must have 1 or 2 dimensions for a matrix, got \(NPYArray.describe(shape))")
        }
    }

    /// The number of elements of `shape`, checked for negative dimensions and overflow.
    static func elementCount(_ shape: [Int]) throws(BrainKitError) -> Int {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else {
                throw .validation("NPYArray", "shape", "must not have a negative dimension, got \(describe(shape))")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= Int(Int32.max) * 64 else {
                throw .validation("NPYArray", "shape", "is too large: \(describe(shape))")
            }
            count = product
        }
        return count
    }

    /// A shape as Python writes a tuple: `()`, `(3,)`, `(3, 2)`.
    static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
