/// Joins runs of small matrix-vector products into ``MatrixVectorBatch``es: the products of one
/// dependency level that follow each other in canonical order (an ensemble array's encoders,
/// its decoders) run in one call, from one buffer of constants.
///
/// The rule: consecutive kernels (canonical order, after ``NeuronInputFusion``) of one level,
/// each a product a batch can hold (``MatrixVectorBatch/canHold(_:)``) costing at most
/// ``largestProduct``, join one batch while their costs add up to at most ``maximumCost``; a
/// run of one stays as it is. A batch takes
/// the place of its products and runs them in their order, each by its own loop, so every
/// signal's writers still run in canonical order and every value is computed as before. A
/// batch writes what its products write, so for the ``PhasePlanner`` it is one group of the
/// level; the cap keeps batches small enough for the planner to share a level evenly.
enum MatrixVectorBatching {
    /// The most work (in multiply-adds, ``Kernel/cost``) one batch gathers: large against a
    /// call's cost, small enough for the planner to share a level (docs/engine.md).
    static let maximumCost = 8_192

    /// The most work (multiply-adds) of a product that joins a batch: a longer one already
    /// streams its matrix on its own and pays its call many times over, and alone the planner
    /// can place it next to its inputs (docs/engine.md: ring100k's decoders).
    static let largestProduct = 2_048

    /// Kernels in canonical order with their levels, written regions and operator footprints;
    /// returns them with each run of batchable products replaced by its batch (levels, writes
    /// and footprints merged the same way).
    static func batch(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint],
        maximumCost: Int = maximumCost
    ) -> (kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint]) {
        var out: (kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint]) =
            ([], [], [], [])
        func batchable(_ k: Int) -> MatrixVectorKernel? {
            guard let product = kernels[k] as? MatrixVectorKernel, MatrixVectorBatch.canHold(product),
                product.cost <= min(largestProduct, maximumCost)
            else { return nil }
            return product
        }
        var k = 0
        while k < kernels.count {
            var end = k
            var cost = 0
            while end < kernels.count, levels[end] == levels[k], let product = batchable(end),
                cost + product.cost <= maximumCost
            {
                cost += product.cost
                end += 1
            }
            if end - k >= 2 {
                let members = (k..<end).map { kernels[$0] as! MatrixVectorKernel }
                out.kernels.append(MatrixVectorBatch(members))
                out.levels.append(levels[k])
                out.writes.append((k..<end).flatMap { writes[$0] })
                var footprint = MemoryFootprint()
                for m in k..<end {
                    for range in footprints[m].reads { footprint.reads(range) }
                    for range in footprints[m].writes { footprint.writes(range) }
                }
                out.footprints.append(footprint)
                k = end
            } else {
                out.kernels.append(kernels[k])
                out.levels.append(levels[k])
                out.writes.append(writes[k])
                out.footprints.append(footprints[k])
                k += 1
            }
        }
        return out
    }
}
