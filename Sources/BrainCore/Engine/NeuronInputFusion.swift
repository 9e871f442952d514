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
            let band = range(neurons.current, neurons.count)
            guard let stages = stages(writing: band, before: n, kernels: kernels, levels: levels, touched: touched)
            else { continue }
            neurons.inputStages = stages.map { k in
                let start = touched[k].writes[0].lowerBound
                return NeuronKernel.InputStage(
                    kernel: kernels[k], offset: Int(start - band.lowerBound) / MemoryLayout<Float>.stride)
            }
            writes[n] += stages.flatMap { writes[$0] }
            moved.formUnion(stages)
        }
        let kept = kernels.indices.filter { !moved.contains($0) }
        return (kept.map { kernels[$0] }, kept.map { levels[$0] }, kept.map { writes[$0] }, kept.map { footprints[$0] })
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

    private static func range(_ start: UnsafeMutablePointer<Float>, _ count: Int) -> Range<UInt> {
        let address = UInt(bitPattern: start)
        return address..<(address + UInt(count * MemoryLayout<Float>.stride))
    }
}
