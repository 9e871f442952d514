/// `y (+)= M·x` for a row-major `rows x columns` matrix in the arena.
///
/// Small products (the encoders and decoders of small ensembles) use an inline loop, which
/// avoids BLAS's per-call overhead; large ones call `sgemv`. The choice depends only on the
/// sizes, so a model computes identically whatever the thread count.
final class MatrixVectorKernel: Kernel, @unchecked Sendable {
    let matrix: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let rows: Int
    let columns: Int
    let accumulate: Bool
    let useBLAS: Bool

    /// Products with at most this many matrix elements run inline.
    static let inlineLimit = 2048

    init(matrix: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
         rows: Int, columns: Int, accumulate: Bool) {
        self.matrix = matrix
        self.x = x
        self.y = y
        self.rows = rows
        self.columns = columns
        self.accumulate = accumulate
        self.useBLAS = rows * columns > MatrixVectorKernel.inlineLimit
    }

    func run(time: Double) {
        if useBLAS {
            LinearAlgebra.gemv(rows: rows, columns: columns, matrix: matrix, x: x, y: y, accumulate: accumulate)
            return
        }
        var r = 0
        while r < rows {
            let dot = MatrixVectorKernel.dot(matrix + r * columns, x, columns)
            y[r] = accumulate ? y[r] + dot : dot
            r += 1
        }
    }

    /// A dot product with eight interleaved partial sums (a fixed summation order).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var sums = SIMD8<Float>()
        var i = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while i + 8 <= n {
            sums.addProduct(
                rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self),
                rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self))
            i += 8
        }
        var total = sums.sum()
        while i < n {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    var cost: Int { rows * columns }
}
