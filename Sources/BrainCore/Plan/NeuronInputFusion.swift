/// Moves the kernels that form a neuron population's input current into its ``NeuronKernel``
/// as input stages (see there): an ensemble's encoders `J = b + E·x`, or for an ensemble
/// driven through its neurons `J = bias` and `J += gain ⊙ input`, then cost no passes of their
/// own over the population, and the current is formed and consumed while it is in the cache.
///
/// A kernel moves only when that cannot change a value or a schedule's safety: it runs by
/// slices (``Kernel/runsBySlices``), writes nothing but the population's current, and comes
/// before the neurons in canonical order; nothing else touches the current; and nothing that
/// runs between it and the neurons (or alongside them, at their dependency level) writes what
/// it reads.
enum NeuronInputFusion {
    /// Kernels in canonical order with their levels, written signals and operator footprints;
    /// returns them without the kernels that moved.
    static func fuse(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint]
    ) -> (kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint]) {
        let touched = kernels.indices.map { kernels[$0].footprint ?? footprints[$0] }
        var writes = writes
        var moved = Set<Int>()
        for (n, kernel) in kernels.enumerated() {
            guard let neurons = kernel as? NeuronKernel, neurons.count > 0 else { continue }
            let band = MemoryFootprint.range(neurons.current, neurons.count)
            guard let stages = stages(writing: band, before: n, kernels: kernels, levels: levels, touched: touched)
            else { continue }
            neurons.inputStages = joiningStages(
                combiningBiasAndGain(stages.map { k in
                    let start = touched[k].writes[0].lowerBound
                    return NeuronKernel.InputStage(
                        kernel: kernels[k], offset: Int(start - band.lowerBound) / MemoryLayout<Float>.stride)
                }), current: neurons.current)
            writes[n] += stages.flatMap { writes[$0] }
            moved.formUnion(stages)
        }
        let kept = kernels.indices.filter { !moved.contains($0) }
        return (kept.map { kernels[$0] }, kept.map { levels[$0] }, kept.map { writes[$0] }, kept.map { footprints[$0] })
    }

    /// Consecutive stages `J = bias` (a copy) and `J += gain ⊙ input` over the same elements —
    /// how every connection into a population's neurons forms its current — become one,
    /// `J = bias + gain ⊙ input`: the same operations in one pass instead of two.
    static func combiningBiasAndGain(_ stages: [NeuronKernel.InputStage]) -> [NeuronKernel.InputStage] {
        var combined: [NeuronKernel.InputStage] = []
        for stage in stages {
            if let last = combined.last, last.offset == stage.offset, let copy = last.kernel as? CopyKernel,
                !copy.accumulate, !copy.broadcast, let product = stage.kernel as? ElementwiseKernel, product.accumulate,
                product.bias == nil, product.y == copy.target, product.count == copy.count
            {
                combined[combined.count - 1] = NeuronKernel.InputStage(
                    kernel: ElementwiseKernel(
                        scale: product.scale, x: product.x, y: product.y, count: product.count, accumulate: false,
                        bias: copy.source, broadcast: product.broadcast),
                    offset: stage.offset)
            } else {
                combined.append(stage)
            }
        }
        return combined
    }

    /// The stages (in canonical order, on the population whose current starts at `current`)
    /// join one ``EncodingBatch``, a group of stages whose rows overlap (directly or through
    /// others) at a time: a group joins when its order by first row keeps its canonical order
    /// (``EncodingBatch/canJoin(_:rowOffsets:)``). Groups share no row, so the batch's place
    /// among the stages left is free: it comes first.
    static func joiningStages(
        _ stages: [NeuronKernel.InputStage], current: UnsafeMutablePointer<Float>
    ) -> [NeuronKernel.InputStage] {
        let byRow = stages.indices.sorted { (stages[$0].offset, $0) < (stages[$1].offset, $1) }
        var joins = [Bool](repeating: false, count: stages.count)
        var group: [Int] = []
        var groupEnd = Int.min
        func close() {
            let ordered = group.sorted()
            let joinable = EncodingBatch.canJoin(
                ordered.map { stages[$0].kernel }, rowOffsets: ordered.map { stages[$0].offset })
            for k in group { joins[k] = joinable }
            group = []
        }
        for k in byRow {
            if stages[k].offset >= groupEnd, !group.isEmpty { close() }
            group.append(k)
            groupEnd = max(groupEnd, stages[k].offset + stages[k].length)
        }
        if !group.isEmpty { close() }
        let joined = stages.indices.filter { joins[$0] }
        guard !joined.isEmpty else { return stages }
        let rowOffsets = joined.map { stages[$0].offset }
        let batch = EncodingBatch(joined.map { stages[$0].kernel }, rowOffsets: rowOffsets, start: current)
        return [NeuronKernel.InputStage(kernel: batch, offset: rowOffsets.min()!)]
            + stages.indices.filter { !joins[$0] }.map { stages[$0] }
    }

    /// The kernels that may move into the neurons at `n` whose current is `band`, or nil.
    private static func stages(
        writing band: Range<UInt>, before n: Int, kernels: [Kernel], levels: [Int], touched: [MemoryFootprint]
    ) -> [Int]? {
        var stages: [Int] = []
        for k in kernels.indices where k != n {
            let writesBand = touched[k].writes.contains { $0.overlaps(band) }
            let readsBand = touched[k].reads.contains { $0.overlaps(band) }
            if writesBand {
                guard k < n, kernels[k].runsBySlices, !readsBand, touched[k].writes.count == 1,
                    band.lowerBound <= touched[k].writes[0].lowerBound,
                    touched[k].writes[0].upperBound <= band.upperBound
                else { return nil }
                stages.append(k)
            } else if readsBand {
                return nil
            }
        }
        guard let firstStage = stages.first else { return nil }
        // A stage's inputs must hold the same values where the neurons run as where it ran: no
        // other kernel after it, before the neurons or at their level, writes them. One sweep
        // in canonical order, with the inputs of the stages passed so far.
        var isStage = [Bool](repeating: false, count: kernels.count)
        for k in stages { isStage[k] = true }
        var inputs = AddressSet([])
        for m in firstStage..<kernels.count where m != n {
            if isStage[m] {
                for range in touched[m].reads { inputs.insert(range) }
            } else if m < n || levels[m] <= levels[n] {
                if touched[m].writes.contains(where: { inputs.overlaps($0) }) { return nil }
            }
        }
        return stages
    }
}
