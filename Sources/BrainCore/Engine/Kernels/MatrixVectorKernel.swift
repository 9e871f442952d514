import CStepLoops

/// `y (+)= M·x`, or `y = bias + M·x` (an encoding), for a row-major `rows x columns` matrix in
/// the arena.
///
/// The shape picks the loop (only the shape, so a model computes identically whatever the
/// thread count):
/// - a single column (1-D encoders): a scaled vector;
/// - few columns and a constant matrix (encoders of up to ``narrowLimit`` dimensions): one
///   pass per column over a transposed copy, `y += x_k · M[:, k]`, which streams contiguous
///   memory as wide as the CPU's vectors;
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

    /// Whole products by column passes, single columns or dot products: each row is formed
    /// from its own row of the matrix (and bias) and the whole of `x`, by the same operations
    /// whichever rows run together, so an encoding can form its currents a block of neurons
    /// at a time (``NeuronInputFusion``).
    override var runsBySlices: Bool { isWhole && (method == .scale || method == .columns || method == .dots) }

    override func run(elements range: Range<Int>) {
        let start = range.lowerBound
        MatrixVectorKernel.product(
            method, matrix: method.readsTransposed ? UnsafePointer(transposed! + start) : UnsafePointer(matrix + start * columns),
            stride: transposedStride, x: x, y: y + start, rows: range.count, columns: columns, accumulate: accumulate,
            bias: bias.map { UnsafePointer($0 + start) }, firing: nil)
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
    /// Every product runs here, whole or batched (``MatrixVectorBatch``), except a batch's column
    /// passes and single columns, which run `csl_columns_blocked` over their constants stored
    /// by runs: the same operations in the same order as `csl_columns` here, so a product's
    /// sums are formed the same way wherever it runs.
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
        // The loops are CStepLoops' (compiled for several instruction sets): `csl_scale`
        // `y (+)= x · v`, `csl_scale_plus` `y = base + x · v`, `csl_columns` every column of a
        // transposed matrix (four at a time, `(x₀ t₀ + x₁ t₁) + (x₂ t₂ + x₃ t₃)`),
        // `csl_spike_columns` the columns of the nonzero inputs, `csl_dots` one dot product per
        // row (32 partial sums combined in a fixed order).
        switch method {
        case .scale:
            if let bias {
                csl_scale_plus(rows, matrix, x[0], bias, y)
            } else {
                csl_scale(rows, matrix, x[0], y, add)
            }
        case .columns:
            // Every column, 16 rows at a time: the matrix's columns stream side by side.
            csl_columns(rows, matrix, stride, columns, x, bias, y, add)
        case .spikes:
            if !add { y.update(repeating: 0, count: rows) }
            csl_spike_columns(rows, matrix, stride, columns, x, y, firing!)
        case .dots:
            csl_dots(rows, columns, matrix, x, y, add)
        case .blas:
            LinearAlgebra.gemv(rows: rows, columns: columns, matrix: matrix, x: x, y: y, accumulate: add)
        }
    }

    /// Multiply-adds; a spike-sparse product costs its scan of the inputs plus the columns of
    /// the ~10 % that fire in a typical step.
    override var cost: Int { method == .spikes ? columns + rows * columns / 10 : rows * columns }
}
