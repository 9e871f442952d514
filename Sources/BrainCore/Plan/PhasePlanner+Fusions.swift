extension PhasePlanner {
    /// The plan for compiled kernels in canonical order: first the kernel fusions
    /// (``NeuronInputFusion``, then, when `batchesProducts`, ``MatrixVectorBatching``), then
    /// the phases (``plan(kernels:levels:writes:footprints:threads:sharing:)``).
    static func plan(
        fusing kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint],
        batchesProducts: Bool, threads: Int, sharing: Sharing
    ) -> PhasePlan {
        let fused = NeuronInputFusion.fuse(kernels: kernels, levels: levels, writes: writes, footprints: footprints)
        let batched = batchesProducts
            ? MatrixVectorBatching.batch(
                kernels: fused.kernels, levels: fused.levels, writes: fused.writes, footprints: fused.footprints)
            : fused
        return plan(
            kernels: batched.kernels, levels: batched.levels, writes: batched.writes, footprints: batched.footprints,
            threads: threads, sharing: sharing)
    }
}
