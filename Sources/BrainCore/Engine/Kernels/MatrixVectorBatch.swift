import CStepLoops

/// Several matrix-vector products with constant matrices (and constant biases), run one after
/// another in one call, in the order given: for each product `y (+)= M·x`, or `y = b + M·x`.
///
/// Made by ``MatrixVectorBatching`` from the products of one dependency level that follow each
/// other in canonical order — an ensemble array's decoders, or encoders `J = b + E·x` that
/// cannot run inside their neurons (``NeuronInputFusion``: a probed current, say). Each
/// product runs the loop its ``MatrixVectorKernel`` chose
/// (``MatrixVectorKernel/product(_:matrix:stride:x:y:rows:columns:accumulate:bias:firing:)``),
/// or for column passes and single columns `csl_columns_blocked`, which performs the same
/// operations in the same order, so every element is the same sum, formed in the same order,
/// as without the batch. The constants are copies, all end to end in one buffer in the order
/// the step reads them: for a column pass or a single column, run by run of 16 rows, the run's
/// bias and then its part of each column (``Layout/runs(withBias:)``); for the other loops the
/// bias, then the matrix in the layout the loop reads (transposed for the spike loop,
/// row-major for dot products). So a step streams one array front to back instead of visiting
/// a few hundred small ones, and pays one call instead of one per product.
final class MatrixVectorBatch: Kernel, @unchecked Sendable {
    /// One product: where its operands are and which loop runs it.
    struct Product {
        let method: MatrixVectorKernel.Method
        /// The matrix's copy in `constants`, in the layout `method` reads (or, by runs, the bias
        /// and the matrix: `layout`).
        let matrix: UnsafePointer<Float>
        /// The bias's copy in `constants`, for an encoding (nil when stored by runs).
        let bias: UnsafePointer<Float>?
        let x: UnsafePointer<Float>
        let y: UnsafeMutablePointer<Float>
        let rows: Int
        let columns: Int
        let accumulate: Bool
        let layout: Layout
    }

    /// How a product's constants are stored.
    enum Layout {
        /// As its loop reads them in ``MatrixVectorKernel/product(_:matrix:stride:x:y:rows:columns:accumulate:bias:firing:)``.
        case plain
        /// Run by run of 16 rows (`csl_columns_blocked`): the run's bias (`withBias`), then
        /// its part of each column; one stream for an encoding's bias and encoders.
        case runs(withBias: Bool)
    }

    /// Whether products of `method` are stored by runs: column passes (`csl_columns`)
    /// and single columns (`csl_scale`, `csl_scale_plus`), which `csl_columns_blocked`
    /// computes with the same operations in the same order.
    static func storedByRuns(_ method: MatrixVectorKernel.Method) -> Bool { method == .columns || method == .scale }

    /// The products, in the order they run.
    private let products: UnsafeMutablePointer<Product>
    private let productCount: Int
    /// Every product's bias and matrix, end to end (each product's part starting on a 32-byte
    /// boundary).
    private let constants: UnsafeMutablePointer<Float>
    /// Scratch for the spike-sparse products' firing columns.
    private let firing: UnsafeMutablePointer<Int32>?
    /// The products' costs added up.
    private let totalCost: Int

    /// Products a batch can hold: whole (not cut) products whose matrix (and bias) never
    /// change, by any loop but BLAS.
    static func canHold(_ kernel: MatrixVectorKernel) -> Bool {
        kernel.isWhole && kernel.constant && kernel.method != .blas && (kernel.bias == nil || kernel.constantBias)
    }

    /// A batch of `members`' products, in their order (the members themselves are not kept).
    /// - Precondition: every member ``canHold(_:)``.
    init(_ members: [MatrixVectorKernel]) {
        precondition(members.allSatisfy(MatrixVectorBatch.canHold), "MatrixVectorBatch: a product it cannot hold")
        totalCost = members.reduce(0) { $0 + $1.cost }
        let padded = MatrixVectorBatch.padded
        let total = members.reduce(0) { $0 + padded(($1.bias == nil ? 0 : $1.rows)) + padded($1.rows * $1.columns) }
        constants = .allocate(capacity: max(total, 1))
        constants.initialize(repeating: 0, count: max(total, 1))
        products = .allocate(capacity: max(members.count, 1))
        productCount = members.count
        var offset = 0
        var firingCount = 0
        for (k, member) in members.enumerated() {
            let rows = member.rows, columns = member.columns
            if MatrixVectorBatch.storedByRuns(member.method) {
                let blocks = constants + offset
                offset += padded(MatrixVectorBatch.storeByRuns(member, into: blocks))
                (products + k).initialize(
                    to: Product(
                        method: member.method, matrix: UnsafePointer(blocks), bias: nil, x: UnsafePointer(member.x),
                        y: member.y, rows: rows, columns: columns, accumulate: member.accumulate,
                        layout: .runs(withBias: member.bias != nil)))
                continue
            }
            var biasCopy: UnsafePointer<Float>?
            if let bias = member.bias {
                (constants + offset).update(from: bias, count: rows)
                biasCopy = UnsafePointer(constants + offset)
                offset += padded(rows)
            }
            let matrix = constants + offset
            if member.method.readsTransposed {
                for r in 0..<rows {
                    for c in 0..<columns { matrix[c * rows + r] = member.matrix[r * columns + c] }
                }
            } else {
                matrix.update(from: member.matrix, count: rows * columns)
            }
            offset += padded(rows * columns)
            if member.method == .spikes { firingCount = max(firingCount, columns) }
            (products + k).initialize(
                to: Product(
                    method: member.method, matrix: UnsafePointer(matrix), bias: biasCopy, x: UnsafePointer(member.x),
                    y: member.y, rows: rows, columns: columns, accumulate: member.accumulate, layout: .plain))
        }
        firing = firingCount > 0 ? .allocate(capacity: firingCount) : nil
    }

    /// `n` floats rounded up to a multiple of 8 (32 bytes): each product's constants start on
    /// a 32-byte boundary of a batch's buffer.
    static func padded(_ n: Int) -> Int { (n + 7) / 8 * 8 }

    /// Copies `member`'s bias (if any) and matrix to `blocks` run by run of 16 rows: the run's
    /// bias, then its part of each column (``Layout/runs(withBias:)``); returns the floats
    /// written.
    static func storeByRuns(_ member: MatrixVectorKernel, into blocks: UnsafeMutablePointer<Float>) -> Int {
        let rows = member.rows, columns = member.columns
        var next = 0
        for start in stride(from: 0, to: rows, by: 16) {
            let run = start..<min(start + 16, rows)
            if let bias = member.bias {
                for r in run { blocks[next] = bias[r]; next += 1 }
            }
            for c in 0..<columns {
                for r in run { blocks[next] = member.matrix[r * columns + c]; next += 1 }
            }
        }
        return next
    }

    deinit {
        products.deinitialize(count: productCount)
        products.deallocate()
        constants.deallocate()
        firing?.deallocate()
    }

    override func run(time: Double) {
        var k = 0
        while k < productCount {
            let p = products[k]
            switch p.layout {
            case .runs(let withBias):
                csl_columns_blocked(p.rows, p.matrix, p.columns, p.x, withBias, p.y, p.accumulate)
            case .plain:
                // The transposed layouts' column stride is the product's row count (whole products).
                MatrixVectorKernel.product(
                    p.method, matrix: p.matrix, stride: p.rows, x: p.x, y: p.y, rows: p.rows, columns: p.columns,
                    accumulate: p.accumulate, bias: p.bias, firing: firing)
            }
            k += 1
        }
    }

    override var cost: Int { totalCost }

    /// What the products read and write in the arena (their inputs and outputs; the
    /// constants it reads are its own copies, which nothing writes).
    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        for k in 0..<productCount {
            footprint.reads(products[k].x, count: products[k].columns)
            footprint.writes(products[k].y, count: products[k].rows)
        }
        return footprint
    }
}
