import Testing
@testable import BrainCore

/// The kernels forming a population's current, joined in an ``EncodingBatch`` and run a slice
/// of rows at a time, compute every element exactly as the kernels do on their own.
@Suite("Encoding batches")
struct EncodingBatchTests {
    typealias Memory = PhasePlannerTests.Memory

    /// The current of 230 neurons, formed by (canonical order): a 4-D encoding of rows 0–99, a
    /// 1-D encoding of rows 100–149, an inhibition `J += w·g` of rows 0–99, `J += gain ⊙ input`
    /// on rows 100–149, a 9-D encoding of rows 150–216 and a 3-D product without a bias
    /// setting rows 217–229: kernels over memory drawn from `seed`, with their row offsets.
    static func members(in memory: Memory, seed: Int) -> (current: UnsafeMutablePointer<Float>, kernels: [Kernel], rowOffsets: [Int]) {
        var rng = RandomState(seed: seed)
        func filled(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = memory.take(count)
            for i in 0..<count { p[i] = Float(rng.uniform(-1, 1)) }
            return p
        }
        let current = filled(230)
        func product(rows: Int, columns: Int, at row: Int, bias: Bool, accumulate: Bool) -> MatrixVectorKernel {
            MatrixVectorKernel(
                matrix: filled(rows * columns), x: filled(columns), y: current + row, rows: rows, columns: columns,
                accumulate: accumulate, bias: bias ? filled(rows) : nil, constant: true, constantBias: bias)
        }
        let kernels: [Kernel] = [
            product(rows: 100, columns: 4, at: 0, bias: true, accumulate: false),
            product(rows: 50, columns: 1, at: 100, bias: true, accumulate: false),
            product(rows: 100, columns: 1, at: 0, bias: false, accumulate: true),
            ElementwiseKernel(scale: filled(50), x: filled(50), y: current + 100, count: 50, accumulate: true),
            product(rows: 67, columns: 9, at: 150, bias: true, accumulate: false),
            product(rows: 13, columns: 3, at: 217, bias: false, accumulate: false),
        ]
        return (current, kernels, [0, 100, 0, 100, 150, 217])
    }

    static func bits(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> [UInt32] { (0..<count).map { p[$0].bitPattern } }

    /// Separately in canonical order, as one batch, by slices of 7, 16 and 37 rows (cutting
    /// runs and members anywhere), and as parts run in reverse order: the same bits.
    @Test func aBatchFormsEveryElementAsItsKernelsDo() {
        let reference = Memory(capacity: 8192)
        let (expected, kernels, _) = Self.members(in: reference, seed: 3)
        for kernel in kernels { kernel.run(time: 0) }
        let want = Self.bits(expected, 230)

        for slice in [230, 7, 16, 37] {
            let memory = Memory(capacity: 8192)
            let (current, members, rowOffsets) = Self.members(in: memory, seed: 3)
            #expect(EncodingBatch.canJoin(members, rowOffsets: rowOffsets))
            let batch = EncodingBatch(members, rowOffsets: rowOffsets, start: current)
            #expect(batch.splittableLength == 230 && batch.runsBySlices)
            for start in stride(from: 0, to: 230, by: slice) { batch.run(elements: start..<min(start + slice, 230)) }
            #expect(Self.bits(current, 230) == want, "slices of \(slice)")
        }

        let memory = Memory(capacity: 8192)
        let (current, members, rowOffsets) = Self.members(in: memory, seed: 3)
        let batch = EncodingBatch(members, rowOffsets: rowOffsets, start: current)
        for range in [150..<230, 45..<150, 0..<45] { batch.part(range).run(time: 0) }
        #expect(Self.bits(current, 230) == want, "parts")
    }

    /// Kernels join only when ordering them by first row keeps the canonical order of those on
    /// the same rows, and a later member never ends before an earlier one.
    @Test func kernelsJoinOnlyInAnOrderThatKeepsEachElementsWriters() {
        let memory = Memory(capacity: 8192)
        let (_, kernels, rowOffsets) = Self.members(in: memory, seed: 4)
        #expect(EncodingBatch.canJoin(kernels, rowOffsets: rowOffsets))
        // The inhibition of rows 0–99 moved to rows 50–149: it now overlaps the 1-D encoding,
        // which comes later in row order but earlier in canonical order.
        var moved = rowOffsets
        moved[2] = 50
        #expect(!EncodingBatch.canJoin(kernels, rowOffsets: moved))
        // A member inside an earlier one's rows but ending first.
        #expect(!EncodingBatch.canJoin([kernels[0], kernels[1]], rowOffsets: [0, 10]))
        // A product by BLAS or a part cannot run by slices.
        let wide = MatrixVectorKernel(
            matrix: memory.take(64 * 64), x: memory.take(64), y: memory.take(64), rows: 64, columns: 64,
            accumulate: false, constant: true)
        #expect(!wide.runsBySlices)
        #expect(!EncodingBatch.canJoin([wide], rowOffsets: [0]))
    }
}
