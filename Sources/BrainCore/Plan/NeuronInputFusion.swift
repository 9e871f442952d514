/// Moves the element-wise kernels that form a neuron population's input current into its
/// ``NeuronKernel`` as input stages (see there): for an ensemble driven through its neurons,
/// `J = bias` and `J += gain ⊙ input` then cost no passes of their own over the population.
///
/// A kernel moves only when that cannot change a value or a schedule's safety: it is
/// element-wise, writes nothing but the population's current, and comes before the neurons in
/// canonical order; nothing else touches the current; and nothing that runs between it and
/// the neurons (or alongside them, at their dependency level) writes what it reads.
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
            neurons.inputStages = combiningBiasAndGain(stages.map { k in
                let start = touched[k].writes[0].lowerBound
                return NeuronKernel.InputStage(
                    kernel: kernels[k], offset: Int(start - band.lowerBound) / MemoryLayout<Float>.stride)
            })
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

    /// The kernels that may move into the neurons at `n` whose current is `band`, or nil.
    private static func stages(
        writing band: Range<UInt>, before n: Int, kernels: [Kernel], levels: [Int], touched: [MemoryFootprint]
    ) -> [Int]? {
        var stages: [Int] = []
        for k in kernels.indices where k != n {
            let writesBand = touched[k].writes.contains { $0.overlaps(band) }
            let readsBand = touched[k].reads.contains { $0.overlaps(band) }
            if writesBand {
                guard k < n, kernels[k].runsElementwise, !readsBand, touched[k].writes.count == 1,
                    band.lowerBound <= touched[k].writes[0].lowerBound,
                    touched[k].writes[0].upperBound <= band.upperBound
                else { return nil }
                stages.append(k)
            } else if readsBand {
                return nil
            }
        }
        guard !stages.isEmpty else { return nil }
        // A stage's inputs must hold the same values where the neurons run as where it ran.
        for k in stages {
            let inputs = AddressSet(touched[k].reads)
            for m in (k + 1)..<kernels.count where m != n && !stages.contains(m) && (m < n || levels[m] <= levels[n]) {
                if touched[m].writes.contains(where: { inputs.overlaps($0) }) { return nil }
            }
        }
        return stages
    }
}
