/// `y (+)= M·x`, or `y = bias + M·x` (an encoding), for a row-major `rows x columns` matrix in
/// the arena.
///
/// Small products (the encoders and decoders of small ensembles) run inline, which avoids
/// BLAS's per-call overhead: a single column (1-D encoders) is a scaled vector, a single row
/// (1-D decoders) one dot product, anything else a dot product per row. Large products call
/// `sgemv`. The choice depends only on the sizes, so a model computes identically whatever the
/// thread count.
final class MatrixVectorKernel: Kernel, @unchecked Sendable {
    let matrix: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let rows: Int
    let columns: Int
    let accumulate: Bool
    let bias: UnsafeMutablePointer<Float>?
    let useBLAS: Bool

    /// Products with at most this many matrix elements run inline.
    static let inlineLimit = 2048

    init(matrix: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
         rows: Int, columns: Int, accumulate: Bool, bias: UnsafeMutablePointer<Float>? = nil) {
        precondition(bias == nil || !accumulate, "MatrixVectorKernel: a bias sets y")
        self.matrix = matrix
        self.bias = bias
        self.x = x
        self.y = y
        self.rows = rows
        self.columns = columns
        self.accumulate = accumulate
        self.useBLAS = rows * columns > MatrixVectorKernel.inlineLimit
    }

    override func run(time: Double) {
        let add = accumulate || bias != nil
        if let bias { y.update(from: bias, count: rows) }
        if useBLAS {
            LinearAlgebra.gemv(rows: rows, columns: columns, matrix: matrix, x: x, y: y, accumulate: add)
        } else if columns == 1 {
            MatrixVectorKernel.scale(matrix, by: x[0], into: y, count: rows, accumulate: add)
        } else {
            var r = 0
            while r < rows {
                let dot = MatrixVectorKernel.dot(matrix + r * columns, x, columns)
                y[r] = add ? y[r] + dot : dot
                r += 1
            }
        }
    }

    /// `y (+)= factor · v`, eight lanes at a time.
    @inline(__always)
    static func scale(
        _ v: UnsafePointer<Float>, by factor: Float, into y: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool
    ) {
        let f = SIMD8<Float>(repeating: factor)
        let rawV = UnsafeRawPointer(v), rawY = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= count {
            var product = rawV.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * f
            if accumulate { product += rawY.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) }
            rawY.storeBytes(of: product, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            y[i] = accumulate ? y[i] + factor * v[i] : factor * v[i]
            i += 1
        }
    }

    /// A dot product with eight interleaved partial sums (a fixed summation order). Written
    /// with separate multiply and add: on the baseline x86-64 target a fused multiply-add is a
    /// library call.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var sums = SIMD8<Float>()
        var i = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while i + 8 <= n {
            sums += rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = sums.sum()
        while i < n {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    override var cost: Int { rows * columns }
}
