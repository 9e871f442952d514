/// Steps a population of neurons of one type with the type's own kernel.
///
/// The kernels that form the population's input current (its encoders `J = b + E·x`, joined
/// in an ``EncodingBatch``; `J = bias`, then `J += gain ⊙ input` for connections into the
/// neurons) can run inside it as **input stages** (``NeuronInputFusion``): the current of a
/// block of neurons is formed and consumed while it is in the L1 cache, instead of in passes
/// of their own over the whole population. Each element is computed by the same operations in
/// the same order either way.
///
/// A LIF population whose refractory time nothing else reads (no probe, no other operator)
/// lets its **silent blocks owe** their refractory time (``LIF/defersSilentBlocks``,
/// `csl_lif_step` with `owed`): a block of 64 neurons with voltage and output +0 and every current
/// below 0 only counts the `ref -= dt` it owes, and while it owes reads nothing but its
/// currents; it pays them, in order, the step it stops being silent. Every value is the one the
/// full step gives; only the refractory time in memory lags while its block is silent.
final class NeuronKernel: Kernel, @unchecked Sendable {
    let type: any NeuronType
    let current: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let state: UnsafeMutablePointer<Float>
    let count: Int
    let stateStride: Int
    let dt: Double
    /// The kernels writing the current (set by ``NeuronInputFusion`` before the executor
    /// places the kernel), in an order that runs each element's writers in canonical order.
    var inputStages: [InputStage] = []

    /// A kernel that runs by slices (``Kernel/runsBySlices``) whose element e, of `length`,
    /// writes current element `offset + e` (the offset may be negative in a part: the stage
    /// then began before the part's first neuron).
    struct InputStage {
        let kernel: Kernel
        let offset: Int
        let length: Int
        /// `kernel` without reference counting, for the step loop: the parts of a cut
        /// population share their stages, and counting references to one object from two
        /// threads every block bounced its cache line between the cores.
        let unretained: Unmanaged<Kernel>

        init(kernel: Kernel, offset: Int) {
            self.kernel = kernel
            self.offset = offset
            length = kernel.splittableLength
            unretained = Unmanaged.passUnretained(kernel)
        }
    }

    /// For a LIF population whose silent blocks owe their refractory time: the type, and the
    /// decrements each block of ``silentBlock`` neurons owes; nil otherwise.
    private let owing: (lif: LIF, owed: UnsafeMutablePointer<UInt32>)?

    /// Neurons whose current is formed and consumed at a time (4 KiB per array).
    private static let block = 1024
    /// Neurons of a block that owes its refractory time as one (`csl_lif_step` with `owed`).
    static let silentBlock = 64

    /// - Parameter defersSilentBlocks: whether a LIF population's silent blocks may owe their
    ///   refractory time (only when nothing else reads it); types other than ``LIF``, and LIF
    ///   with a least voltage other than +0, ignore it.
    init(type: any NeuronType, current: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
         state: UnsafeMutablePointer<Float>, count: Int, stateStride: Int, dt: Double, inputStages: [InputStage] = [],
         defersSilentBlocks: Bool = false) {
        self.type = type
        self.current = current
        self.output = output
        self.state = state
        self.count = count
        self.stateStride = stateStride
        self.dt = dt
        self.inputStages = inputStages
        if defersSilentBlocks, let lif = type as? LIF, lif.defersSilentBlocks {
            let owed = UnsafeMutablePointer<UInt32>.allocate(capacity: NeuronKernel.owedCount(count))
            owed.initialize(repeating: 0, count: NeuronKernel.owedCount(count))
            owing = (lif, owed)
        } else {
            owing = nil
        }
    }

    deinit { owing?.owed.deallocate() }

    /// Whether silent blocks of this population owe their refractory time.
    var owesSilentBlocks: Bool { owing != nil }

    override func run(time: Double) {
        guard !inputStages.isEmpty else {
            step(0..<count)
            return
        }
        var start = 0
        while start < count {
            let end = min(start + NeuronKernel.block, count)
            runStages(start..<end)
            step(start..<end)
            start = end
        }
    }

    /// The neurons' step for `neurons` (whose start is a multiple of ``silentBlock``).
    @inline(__always)
    private func step(_ neurons: Range<Int>) {
        let start = neurons.lowerBound
        if let owing {
            owing.lif.step(
                dt: dt, count: neurons.count, current: current + start, output: output + start, state: state + start,
                stateStride: stateStride, owed: owing.owed + start / NeuronKernel.silentBlock)
        } else {
            type.step(
                dt: dt, count: neurons.count, current: current + start, output: output + start, state: state + start,
                stateStride: stateStride)
        }
    }

    /// The signals are back at their initial values: nothing is owed.
    override func restoreInitialState() {
        guard let owing else { return }
        owing.owed.update(repeating: 0, count: NeuronKernel.owedCount(count))
    }

    /// The counts a population of `count` neurons owes by: one a whole block (at least one,
    /// so that the allocation is never empty).
    private static func owedCount(_ count: Int) -> Int { max(count / silentBlock, 1) }

    /// The input stages' elements that fall on neurons `block`.
    private func runStages(_ block: Range<Int>) {
        inputStages.withUnsafeBufferPointer { stages in
            for k in stages.indices {
                let offset = stages[k].offset
                let low = max(block.lowerBound, offset)
                let high = min(block.upperBound, offset + stages[k].length)
                if low < high {
                    stages[k].unretained._withUnsafeGuaranteedRef { $0.run(elements: (low - offset)..<(high - offset)) }
                }
            }
        }
    }

    /// The neurons' step (4 a neuron) and each stage's share of its cost that falls on them.
    override var cost: Int {
        var stages = 0
        for stage in inputStages {
            let low = max(0, stage.offset), high = min(count, stage.offset + stage.length)
            if low < high { stages += stage.kernel.cost * (high - low) / max(stage.length, 1) }
        }
        return count * 4 + stages
    }

    /// Neurons are independent.
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        NeuronKernel(
            type: type, current: current + range.lowerBound, output: output + range.lowerBound,
            state: state + range.lowerBound, count: range.count, stateStride: stateStride, dt: dt,
            inputStages: inputStages.map { InputStage(kernel: $0.kernel, offset: $0.offset - range.lowerBound) },
            defersSilentBlocks: owing != nil)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(current, count: count)
        footprint.writes(output, count: count)
        for variable in type.stateVariables.indices {
            footprint.writes(state + variable * stateStride, count: count)
        }
        // The stages' slices that fall on these neurons.
        for stage in inputStages {
            let low = max(0, stage.offset), high = min(count, stage.offset + stage.length)
            guard low < high, let slice = stage.kernel.part((low - stage.offset)..<(high - stage.offset)).footprint
            else { continue }
            for range in slice.reads { footprint.reads(range) }
            for range in slice.writes { footprint.writes(range) }
        }
        return footprint
    }
}
