import Foundation
import Synchronization

/// A constant sparse product `y (+)= M·x` cut for several threads, in two stages with a
/// barrier between them, so that each firing column is read once rather than once per part.
///
/// Part q owns the rows `rowRanges[q]` and the columns `columnRanges[q]` (for a square matrix
/// the same numbers: the neurons a thread stepped are the spikes it reads).
/// 1. **Distribute**: part q lists its firing columns and copies each one's entries into
///    bucket (q, p) for every part p, split by the row ranges (a column's rows are ascending,
///    so each part's entries are one run of it).
/// 2. After all parts have distributed, **add**: part p adds buckets (0, p), (1, p), … into its
///    rows. Every row thus receives its terms in ascending column order, exactly as the uncut
///    product adds them, so results are bit-identical whatever the thread count.
///
/// The parts must run at the same time on different threads (``Kernel/runsWithSiblings``).
final class SparseExchange: @unchecked Sendable {
    let matrix: SparseColumns
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let accumulate: Bool
    private(set) var rowRanges: [Range<Int>] = []
    private(set) var columnRanges: [Range<Int>] = []
    /// Set by ``prepare()``: the first row of each part and the end of the last, `parts + 1`.
    private var rowBounds: UnsafeMutablePointer<Int>?
    /// Bucket (q, p) at `q * parts + p`, with its count and its runs of one input value.
    private var buckets: [UnsafeMutableRawPointer] = []
    private var runs: [UnsafeMutablePointer<SparseColumns.Run>] = []
    private var runCounts: UnsafeMutablePointer<Int>?
    private var firing: [UnsafeMutablePointer<Int32>] = []
    /// Per part, where its columns split among the parts (``SparseColumns/splitPoints(columns:rowBounds:parts:)``).
    private var splits: [UnsafeMutablePointer<UInt8>] = []
    /// Per part, scratch for the matrix's distinct values times an input value.
    private var scaledPalettes: [UnsafeMutablePointer<Float>] = []
    /// Steps each part has taken (each part writes only its own counter: parts run on
    /// different threads at once).
    private var rounds: UnsafeMutablePointer<Int>?
    private let arrivals = Atomic<Int>(0)

    init(matrix: SparseColumns, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        self.matrix = matrix
        self.x = x
        self.y = y
        self.accumulate = accumulate
    }

    deinit {
        rowBounds?.deallocate()
        rounds?.deallocate()
        runCounts?.deallocate()
        for bucket in buckets { bucket.deallocate() }
        for run in runs { run.deallocate() }
        for list in firing { list.deallocate() }
        for table in splits { table.deallocate() }
        for table in scaledPalettes { table.deallocate() }
    }

    var parts: Int { rowRanges.count }

    /// Registers the next part, rows `rows` (parts come in ascending order and cover the
    /// matrix); returns its index.
    func addPart(rows: Range<Int>) -> Int {
        precondition(rowBounds == nil && rows.lowerBound == (rowRanges.last?.upperBound ?? 0))
        let total = matrix.rows, columns = matrix.columns
        rowRanges.append(rows)
        columnRanges.append((rows.lowerBound * columns / total)..<(rows.upperBound * columns / total))
        return rowRanges.count - 1
    }

    /// Allocates the buckets once every part is registered (before the first step).
    func prepare() {
        guard rowBounds == nil else { return }
        precondition(rowRanges.last?.upperBound == matrix.rows, "SparseExchange: parts do not cover the rows")
        let bounds = UnsafeMutablePointer<Int>.allocate(capacity: parts + 1)
        for (p, range) in rowRanges.enumerated() { bounds[p] = range.lowerBound }
        bounds[parts] = rowRanges[parts - 1].upperBound
        rowBounds = bounds
        for q in 0..<parts {
            let sizes = matrix.entries(columns: columnRanges[q], splitAt: bounds, parts: parts)
            for p in 0..<parts {
                buckets.append(
                    .allocate(byteCount: sizes[p] * matrix.entryBytes + SparseColumns.overshootBytes, alignment: 64))
                runs.append(.allocate(capacity: columnRanges[q].count + 1))
            }
            firing.append(.allocate(capacity: max(columnRanges[q].count, 1)))
            splits.append(matrix.splitPoints(columns: columnRanges[q], rowBounds: bounds, parts: parts))
            scaledPalettes.append(.allocate(capacity: max(matrix.paletteCount, 1)))
        }
        runCounts = .allocate(capacity: parts * parts)
        runCounts!.initialize(repeating: 0, count: parts * parts)
        rounds = .allocate(capacity: parts)
        rounds!.initialize(repeating: 0, count: parts)
    }

    /// Part q's step: distribute its columns, wait for the others, add its rows.
    func run(part q: Int) {
        guard let rowBounds, let runCounts, let rounds else { preconditionFailure("SparseExchange: not prepared") }
        let parts = self.parts
        buckets.withUnsafeBufferPointer { buckets in
            runs.withUnsafeBufferPointer { runs in
                matrix.distribute(
                    x, columns: columnRanges[q], firing: firing[q], rowBounds: rowBounds, splits: splits[q], parts: parts,
                    buckets: buckets.baseAddress! + q * parts, runs: runs.baseAddress! + q * parts,
                    runCounts: runCounts + q * parts)
            }
        }
        rounds[q] += 1
        arrivals.add(1, ordering: .acquiringAndReleasing)
        Executor.spin(until: arrivals, reaches: rounds[q] * parts)
        let rows = rowRanges[q]
        if !accumulate { (y + rows.lowerBound).update(repeating: 0, count: rows.count) }
        for source in 0..<parts {
            let k = source * parts + q
            matrix.add(buckets[k], runs: runs[k], count: runCounts[k], into: y, scaledPalette: scaledPalettes[q])
        }
    }
}

/// Part `index` of a sparse product cut by ``SparseExchange``.
final class SparseProductPart: Kernel, @unchecked Sendable {
    let exchange: SparseExchange
    let partIndex: Int

    init(exchange: SparseExchange, rows: Range<Int>) {
        self.exchange = exchange
        self.partIndex = exchange.addPart(rows: rows)
    }

    override func run(time: Double) {
        exchange.run(part: partIndex)
    }

    override func prepare() {
        exchange.prepare()
    }

    override var runsWithSiblings: Bool { true }

    override var cost: Int {
        exchange.matrix.entries * exchange.rowRanges[partIndex].count / max(exchange.matrix.rows, 1)
            + exchange.rowRanges[partIndex].count
    }

    /// It reads the inputs of its own columns (the others' columns reach it through the
    /// buckets, after the barrier) and writes its rows.
    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        let columns = exchange.columnRanges[partIndex], rows = exchange.rowRanges[partIndex]
        footprint.reads(exchange.x + columns.lowerBound, count: columns.count)
        footprint.writes(exchange.y + rows.lowerBound, count: rows.count)
        return footprint
    }
}
