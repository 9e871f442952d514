/// `y (+)= M·x`, or `y = bias + M·x` (an encoding), for a row-major `rows x columns` matrix in
/// the arena.
///
/// The shape picks the loop (only the shape, so a model computes identically whatever the
/// thread count):
/// - a single column (1-D encoders): a scaled vector;
/// - few columns and a constant matrix (encoders of up to ``narrowLimit`` dimensions): one
///   pass per column over a transposed copy, `y += x_k · M[:, k]`, which streams contiguous
///   memory eight lanes at a time;
/// - a few (``spikeRowsMinimum`` to ``narrowLimit``) rows, a constant matrix and spikes as `x`
///   (decoders of spiking neurons): a sum over the columns whose spike is nonzero,
///   `y += x_j · M[:, j]`, over a column-major copy — a step touches only the decoders of the
///   few neurons that fired;
/// - few rows, or a small matrix (decoders): one dot product per row;
/// - anything else: BLAS `sgemv`.
final class MatrixVectorKernel: Kernel, @unchecked Sendable {
    let matrix: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let rows: Int
    let columns: Int
    let accumulate: Bool
    let bias: UnsafeMutablePointer<Float>?
    let method: Method
    /// Whether the matrix never changes (no learning rule writes it).
    let constant: Bool
    /// Whether the bias never changes (an encoding's bias; false without a bias).
    let constantBias: Bool
    /// The transposed copy (columns x rows) for `Method/columns` and `Method/spikes`; column
    /// `c` of this kernel's rows starts at `transposed + c * transposedStride`.
    private let transposed: UnsafeMutablePointer<Float>?
    private let transposedStride: Int
    /// For a part (see ``part(_:)``): the whole kernel, which owns the transposed copy.
    private let whole: MatrixVectorKernel?
    /// Scratch for `Method/spikes`: the columns whose input fired this step.
    private let firing: UnsafeMutablePointer<Int32>?

    /// The loop a product runs, chosen by shape and source (see the type's description).
    enum Method {
        case scale, columns, spikes, dots, blas

        /// Whether the loop reads the transposed (column-major) copy of the matrix.
        var readsTransposed: Bool { self == .columns || self == .spikes }
    }

    /// Matrices with at most this many columns (encoders) or rows (decoders) run inline.
    static let narrowLimit = 32
    /// Spike-sparse products need this many rows to beat one dot product per row.
    static let spikeRowsMinimum = 4
    /// Other products with at most this many elements run inline.
    static let inlineLimit = 2048

    /// - Parameters:
    ///   - constant: whether the matrix never changes (no learning rule writes it), which
    ///     allows a transposed copy.
    ///   - spikes: whether `x` is the output of spiking neurons (mostly zeros).
    ///   - constantBias: whether the bias never changes.
    init(matrix: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
         rows: Int, columns: Int, accumulate: Bool, bias: UnsafeMutablePointer<Float>? = nil, constant: Bool = false,
         spikes: Bool = false, constantBias: Bool = false) {
        precondition(bias == nil || !accumulate, "MatrixVectorKernel: a bias sets y")
        self.constant = constant
        self.constantBias = bias != nil && constantBias
        self.matrix = matrix
        self.x = x
        self.y = y
        self.rows = rows
        self.columns = columns
        self.accumulate = accumulate
        self.bias = bias
        if columns == 1 {
            method = .scale
        } else if constant && columns <= MatrixVectorKernel.narrowLimit && rows > columns {
            method = .columns
        } else if constant && spikes && rows >= MatrixVectorKernel.spikeRowsMinimum
            && rows <= MatrixVectorKernel.narrowLimit && columns > rows
        {
            method = .spikes
        } else if rows <= MatrixVectorKernel.narrowLimit || rows * columns <= MatrixVectorKernel.inlineLimit {
            method = .dots
        } else {
            method = .blas
        }
        if method.readsTransposed {
            let copy = UnsafeMutablePointer<Float>.allocate(capacity: rows * columns)
            for r in 0..<rows {
                for c in 0..<columns { copy[c * rows + r] = matrix[r * columns + c] }
            }
            transposed = copy
        } else {
            transposed = nil
        }
        transposedStride = rows
        firing = method == .spikes ? .allocate(capacity: columns) : nil
        whole = nil
    }

    /// Rows `range` of `whole`.
    private init(rowsOf whole: MatrixVectorKernel, _ range: Range<Int>) {
        let start = range.lowerBound
        matrix = whole.matrix + start * whole.columns
        x = whole.x
        y = whole.y + start
        rows = range.count
        columns = whole.columns
        accumulate = whole.accumulate
        bias = whole.bias.map { $0 + start }
        method = whole.method
        constant = whole.constant
        constantBias = whole.constantBias
        transposed = whole.transposed.map { $0 + start }
        transposedStride = whole.transposedStride
        firing = nil
        self.whole = whole
    }

    deinit {
        if whole == nil { transposed?.deallocate() }
        firing?.deallocate()
    }

    /// Whether this is a whole product, not a part of one (``part(_:)``).
    var isWhole: Bool { whole == nil }

    /// Rows are independent except in the spike-sparse loop, which lists the firing inputs once
    /// for all rows.
    override var splittableLength: Int { method == .spikes ? 0 : rows }

    override func part(_ range: Range<Int>) -> Kernel {
        MatrixVectorKernel(rowsOf: self, range)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(matrix, count: rows * columns)
        footprint.reads(x, count: columns)
        if let bias { footprint.reads(bias, count: rows) }
        footprint.writes(y, count: rows)
        return footprint
    }

    override func run(time: Double) {
        MatrixVectorKernel.product(
            method, matrix: method.readsTransposed ? UnsafePointer(transposed!) : UnsafePointer(matrix),
            stride: transposedStride, x: x, y: y, rows: rows, columns: columns, accumulate: accumulate,
            bias: bias.map { UnsafePointer($0) }, firing: firing)
    }

    /// One product by `method`: `y (+)= M·x`, or `y = bias + M·x` with a bias. `matrix` is the
    /// row-major matrix, or for the methods that read the transposed copy
    /// (``Method/readsTransposed``) that copy, column `c` of the rows computed starting at
    /// `matrix + c * stride`. `firing` is scratch for `columns` indices (``Method/spikes``).
    /// Every product, whole or batched (``MatrixVectorBatch``), runs here, so a product's sums
    /// are formed the same way wherever it runs.
    @inline(__always)
    static func product(
        _ method: Method, matrix: UnsafePointer<Float>, stride: Int, x: UnsafePointer<Float>,
        y: UnsafeMutablePointer<Float>, rows: Int, columns: Int, accumulate: Bool, bias: UnsafePointer<Float>?,
        firing: UnsafeMutablePointer<Int32>?
    ) {
        var add = accumulate
        // An encoding's bias joins the first column's pass (`y = bias + x₀ M[:, 0]`): copying it
        // first and reading it straight back stalls on the copy's stores.
        if let bias, method != .scale && method != .columns {
            y.update(from: bias, count: rows)
            add = true
        }
        switch method {
        case .scale:
            if let bias {
                MatrixVectorKernel.scale(matrix, by: x[0], plus: bias, into: y, count: rows)
            } else {
                MatrixVectorKernel.scale(matrix, by: x[0], into: y, count: rows, accumulate: add)
            }
        case .columns:
            let t = matrix
            var c = 0
            if let bias {
                MatrixVectorKernel.scale(t, by: x[0], plus: bias, into: y, count: rows)
                c = 1
            } else if !add {
                MatrixVectorKernel.scale(t, by: x[0], into: y, count: rows, accumulate: false)
                c = 1
            }
            // Four columns per pass over y: `y += x_c t_c + x_{c+1} t_{c+1} + ...`.
            while c + 4 <= columns {
                MatrixVectorKernel.addFourColumns(t + c * stride, stride: stride, x + c, into: y, count: rows)
                c += 4
            }
            while c < columns {
                MatrixVectorKernel.scale(t + c * stride, by: x[c], into: y, count: rows, accumulate: true)
                c += 1
            }
        case .spikes:
            if !add { y.update(repeating: 0, count: rows) }
            let t = matrix, firing = firing!
            let count = SpikeScan.firing(x, count: columns, into: firing)
            for f in 0..<count {
                let j = Int(firing[f])
                MatrixVectorKernel.scale(t + j * stride, by: x[j], into: y, count: rows, accumulate: true)
            }
        case .dots:
            var r = 0
            while r < rows {
                let dot = MatrixVectorKernel.dot(matrix + r * columns, x, columns)
                y[r] = add ? y[r] + dot : dot
                r += 1
            }
        case .blas:
            LinearAlgebra.gemv(rows: rows, columns: columns, matrix: matrix, x: x, y: y, accumulate: add)
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

    /// `y = base + factor · v`, eight lanes at a time.
    @inline(__always)
    static func scale(
        _ v: UnsafePointer<Float>, by factor: Float, plus base: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
        count: Int
    ) {
        let f = SIMD8<Float>(repeating: factor)
        let rawV = UnsafeRawPointer(v), rawBase = UnsafeRawPointer(base), rawY = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= count {
            let product = rawV.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * f
            let sum = rawBase.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) + product
            rawY.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            y[i] = base[i] + factor * v[i]
            i += 1
        }
    }

    /// `y += (x₀ t₀ + x₁ t₁) + (x₂ t₂ + x₃ t₃)` for four columns `t_k = t + k·stride`, eight
    /// lanes at a time: one pass over `y` instead of four.
    @inline(__always)
    static func addFourColumns(
        _ t: UnsafePointer<Float>, stride: Int, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
        count: Int
    ) {
        typealias Lanes = SIMD8<Float>
        let f0 = Lanes(repeating: x[0]), f1 = Lanes(repeating: x[1]), f2 = Lanes(repeating: x[2])
        let f3 = Lanes(repeating: x[3])
        let t0 = UnsafeRawPointer(t), t1 = UnsafeRawPointer(t + stride), t2 = UnsafeRawPointer(t + 2 * stride)
        let t3 = UnsafeRawPointer(t + 3 * stride), rawY = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= count {
            let offset = i * 4
            let low: Lanes = t0.loadUnaligned(fromByteOffset: offset, as: Lanes.self) * f0
                + t1.loadUnaligned(fromByteOffset: offset, as: Lanes.self) * f1
            let high: Lanes = t2.loadUnaligned(fromByteOffset: offset, as: Lanes.self) * f2
                + t3.loadUnaligned(fromByteOffset: offset, as: Lanes.self) * f3
            let old: Lanes = rawY.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            rawY.storeBytes(of: old + (low + high), toByteOffset: offset, as: Lanes.self)
            i += 8
        }
        while i < count {
            let low: Float = x[0] * t[i] + x[1] * t[stride + i]
            let high: Float = x[2] * t[2 * stride + i] + x[3] * t[3 * stride + i]
            y[i] += low + high
            i += 1
        }
    }

    /// A dot product with 32 interleaved partial sums in four independent chains (so the adds
    /// do not wait on each other), combined in a fixed order. Written with separate multiply
    /// and add: on the baseline x86-64 target a fused multiply-add is a library call.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        typealias Lanes = SIMD8<Float>
        var s0 = Lanes(), s1 = Lanes(), s2 = Lanes(), s3 = Lanes()
        var i = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        @inline(__always) func product(_ k: Int) -> Lanes {
            rawA.loadUnaligned(fromByteOffset: k * 4, as: Lanes.self) * rawB.loadUnaligned(fromByteOffset: k * 4, as: Lanes.self)
        }
        while i + 32 <= n {
            s0 += product(i)
            s1 += product(i + 8)
            s2 += product(i + 16)
            s3 += product(i + 24)
            i += 32
        }
        while i + 8 <= n {
            s0 += product(i)
            i += 8
        }
        var total = ((s0 + s1) + (s2 + s3)).sum()
        while i < n {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// Multiply-adds; a spike-sparse product costs its scan of the inputs plus the columns of
    /// the ~10 % that fire in a typical step.
    override var cost: Int { method == .spikes ? columns + rows * columns / 10 : rows * columns }
}
