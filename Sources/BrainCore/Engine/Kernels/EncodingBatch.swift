import CStepLoops

/// The kernels that form one neuron population's current — its encoders, `J = b + E·x`,
/// connections into its neurons, `J += W·x` or `J += g ⊙ x` — joined into one input stage of
/// the population's ``NeuronKernel`` (``NeuronInputFusion``), which runs them a block of
/// neurons at a time.
///
/// The members are kept in the order of their first row (on the same rows, in canonical
/// order), so a slice of rows finds its members by binary search and runs the part of each
/// that falls in it, in that order. A member that is a column pass or a single column over
/// constants (``MatrixVectorBatch/storedByRuns(_:)``, ``MatrixVectorBatch/canHold(_:)``) has
/// its bias and matrix copied here by runs of 16 rows
/// (``MatrixVectorBatch/storeByRuns(_:into:)``), one after the other, so a block of neurons
/// reads its encoders as one stream: whole runs go through `csl_columns_blocked`, a run's part
/// through `csl_columns`, the same operations in the same order for every element, so each is
/// the same sum as the product alone would form. Any other member runs its own slice
/// (``Kernel/run(elements:)``).
final class EncodingBatch: Kernel, @unchecked Sendable {
    /// One member: its rows, and its constants by runs or the kernel itself.
    struct Member {
        /// The member's first row, within the batch's rows.
        let first: Int
        let rows: Int
        /// A product stored by runs: its constants, input and shape.
        let blocks: UnsafePointer<Float>?
        let x: UnsafePointer<Float>
        let columns: Int
        let accumulate: Bool
        let withBias: Bool
        /// Any other member, run by its own slices (kept alive by ``EncodingBatch/others``).
        let kernel: Unmanaged<Kernel>?
    }

    /// The first element the batch writes; row `r` of the batch is `start[r]`.
    let start: UnsafeMutablePointer<Float>
    /// The rows from the first member's first row to the last row any member writes.
    let length: Int
    /// The members, by first row (and, on the same rows, canonical order); their last rows
    /// never decrease.
    private let members: UnsafeMutablePointer<Member>
    private let memberCount: Int
    private let constants: UnsafeMutablePointer<Float>
    /// The members that run their own slices.
    private let others: [Kernel]
    /// For a part (``part(_:)``): the whole batch, which owns the members, and the part's rows.
    private let whole: EncodingBatch?
    private let window: Range<Int>
    private let totalCost: Int

    /// The product, when a member runs from constants stored by runs.
    private static func productByRuns(_ kernel: Kernel) -> MatrixVectorKernel? {
        guard let product = kernel as? MatrixVectorKernel, MatrixVectorBatch.canHold(product),
            MatrixVectorBatch.storedByRuns(product.method)
        else { return nil }
        return product
    }

    /// Whether `kernels` (in canonical order, kernel k writing the `splittableLength` rows
    /// from `rowOffsets[k]`) can join one batch: each runs by slices
    /// (``Kernel/runsBySlices``), and when ordered by first row, kernels whose rows overlap
    /// keep their canonical order and the last rows never decrease.
    static func canJoin(_ kernels: [Kernel], rowOffsets: [Int]) -> Bool {
        guard !kernels.isEmpty, kernels.count == rowOffsets.count, kernels.allSatisfy(\.runsBySlices) else { return false }
        let order = kernels.indices.sorted { (rowOffsets[$0], $0) < (rowOffsets[$1], $1) }
        for (position, k) in order.enumerated() {
            let end = rowOffsets[k] + kernels[k].splittableLength
            for later in order[(position + 1)...] {
                guard rowOffsets[later] < end else { break }
                // Overlapping rows: the later in row order must be later in canonical order.
                if later < k { return false }
            }
            if position > 0 {
                let previous = order[position - 1]
                if rowOffsets[previous] + kernels[previous].splittableLength > end { return false }
            }
        }
        return true
    }

    /// A batch of `kernels` (canonical order; ``canJoin(_:rowOffsets:)``), where kernel k
    /// writes the rows from `rowOffsets[k]` of the elements from `start`.
    init(_ kernels: [Kernel], rowOffsets: [Int], start: UnsafeMutablePointer<Float>) {
        precondition(EncodingBatch.canJoin(kernels, rowOffsets: rowOffsets), "EncodingBatch: kernels it cannot join")
        let order = kernels.indices.sorted { (rowOffsets[$0], $0) < (rowOffsets[$1], $1) }
        let first = rowOffsets[order[0]]
        let padded = MatrixVectorBatch.padded
        let total = kernels.reduce(0) { total, kernel in
            guard let product = EncodingBatch.productByRuns(kernel) else { return total }
            return total + padded((product.bias == nil ? 0 : product.rows) + product.rows * product.columns)
        }
        constants = .allocate(capacity: max(total, 1))
        constants.initialize(repeating: 0, count: max(total, 1))
        members = .allocate(capacity: kernels.count)
        memberCount = kernels.count
        var offset = 0
        var others: [Kernel] = []
        for (position, k) in order.enumerated() {
            let member: Member
            if let product = EncodingBatch.productByRuns(kernels[k]) {
                let blocks = constants + offset
                offset += padded(MatrixVectorBatch.storeByRuns(product, into: blocks))
                member = Member(
                    first: rowOffsets[k] - first, rows: product.rows, blocks: UnsafePointer(blocks),
                    x: UnsafePointer(product.x), columns: product.columns, accumulate: product.accumulate,
                    withBias: product.bias != nil, kernel: nil)
            } else {
                others.append(kernels[k])
                member = Member(
                    first: rowOffsets[k] - first, rows: kernels[k].splittableLength, blocks: nil,
                    x: UnsafePointer(constants), columns: 0, accumulate: false, withBias: false,
                    kernel: Unmanaged.passUnretained(kernels[k]))
            }
            (members + position).initialize(to: member)
        }
        self.others = others
        self.start = start + first
        length = order.map { rowOffsets[$0] + kernels[$0].splittableLength }.max()! - first
        totalCost = kernels.reduce(0) { $0 + $1.cost }
        whole = nil
        window = 0..<length
    }

    /// Rows `range` of `whole`.
    private init(rowsOf whole: EncodingBatch, _ range: Range<Int>) {
        start = whole.start
        length = whole.length
        members = whole.members
        memberCount = whole.memberCount
        constants = whole.constants
        others = []
        totalCost = whole.totalCost * range.count / max(whole.length, 1)
        self.whole = whole
        window = range
    }

    deinit {
        guard whole == nil else { return }
        members.deinitialize(count: memberCount)
        members.deallocate()
        constants.deallocate()
    }

    override func run(time: Double) {
        run(elements: 0..<window.count)
    }

    override var runsBySlices: Bool { true }

    /// Rows `range` of this batch (of the part, for a part): each member's rows in it, in
    /// the members' order.
    override func run(elements range: Range<Int>) {
        let low = window.lowerBound + range.lowerBound, high = window.lowerBound + range.upperBound
        // The first member that ends after `low` (last rows never decrease).
        var lower = 0, upper = memberCount
        while lower < upper {
            let middle = (lower + upper) / 2
            if members[middle].first + members[middle].rows <= low { lower = middle + 1 } else { upper = middle }
        }
        var k = lower
        while k < memberCount, members[k].first < high {
            let m = members[k]
            let from = max(low, m.first) - m.first, to = min(high, m.first + m.rows) - m.first
            if from < to {
                if let kernel = m.kernel {
                    kernel._withUnsafeGuaranteedRef { $0.run(elements: from..<to) }
                } else {
                    EncodingBatch.runRows(m, from..<to, y: start + m.first)
                }
            }
            k += 1
        }
    }

    /// Rows `range` of member `m`, stored by runs, whose row 0 is `y[0]`.
    @inline(__always)
    private static func runRows(_ m: Member, _ range: Range<Int>, y: UnsafeMutablePointer<Float>) {
        let blocks = m.blocks!
        // A whole run of 16 rows takes 16 bias values (with a bias) and 16 of each column.
        let runStride = (m.withBias ? 16 : 0) + 16 * m.columns
        var row = range.lowerBound
        // A run's part: rows inside one run, whose values are `n` apart (the run's length).
        func runPart(_ row: Int, _ end: Int) {
            let runStart = row / 16 * 16, n = min(16, m.rows - runStart)
            let base = blocks + runStart / 16 * runStride, inRun = row - runStart
            csl_columns(
                end - row, base + (m.withBias ? n : 0) + inRun, n, m.columns, m.x,
                m.withBias ? base + inRun : nil, y + row, m.accumulate)
        }
        if row % 16 != 0 {
            let end = min(range.upperBound, (row / 16 + 1) * 16)
            runPart(row, end)
            row = end
        }
        // Whole runs, with the member's last (shorter) run when the range reaches its end.
        let wholeEnd = range.upperBound == m.rows ? m.rows : range.upperBound / 16 * 16
        if row < wholeEnd {
            csl_columns_blocked(
                wholeEnd - row, blocks + row / 16 * runStride, m.columns, m.x, m.withBias, y + row, m.accumulate)
            row = wholeEnd
        }
        if row < range.upperBound { runPart(row, range.upperBound) }
    }

    override var cost: Int { totalCost }

    override var splittableLength: Int { window.count }

    override func part(_ range: Range<Int>) -> Kernel {
        EncodingBatch(rowsOf: whole ?? self, (window.lowerBound + range.lowerBound)..<(window.lowerBound + range.upperBound))
    }

    /// What the members' rows in this batch (or part) read, and the rows it writes.
    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        for k in 0..<memberCount {
            let m = members[k]
            let low = max(m.first, window.lowerBound), high = min(m.first + m.rows, window.upperBound)
            guard low < high else { continue }
            if let kernel = m.kernel?.takeUnretainedValue() {
                let slice = kernel.part((low - m.first)..<(high - m.first))
                for range in (slice.footprint ?? kernel.footprint)?.reads ?? [] { footprint.reads(range) }
            } else {
                footprint.reads(m.x, count: m.columns)
            }
        }
        footprint.writes(start + window.lowerBound, count: window.count)
        return footprint
    }
}
