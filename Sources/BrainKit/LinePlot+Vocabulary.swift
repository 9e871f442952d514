// Plots of semantic pointers: here, where both BrainPlot and BrainSPA are visible, so that
// neither depends on the other.

extension LinePlot {
    /// The similarity (dot product) of what `probe` recorded to every key of `vocabulary`,
    /// against the probe's sample times: nengo_spa's `similarity(data, vocab)` as its examples
    /// plot it. Keys whose similarity never exceeds `minimumPeak` are left out.
    ///
    /// - Parameters:
    ///   - sim: the simulator that ran.
    ///   - probe: a probe of a pointer of `vocabulary`'s dimensions (a module's output node).
    ///   - vocabulary: the keys to compare with.
    ///   - minimumPeak: the least peak similarity of a key that is drawn (default 0.3).
    ///   - title: the panel's title; nil uses the probe's label.
    /// - Throws: `BrainKitError` when the probe is not in the simulator's network, has
    ///   recorded nothing, or has other dimensions than the vocabulary.
    public static func similarity(
        _ sim: Simulator, _ probe: Probe, to vocabulary: Vocabulary, minimumPeak: Double = 0.3, title: String? = nil
    ) throws(BrainKitError) -> LinePlot {
        let data = try sim.data(probe)
        return try similarities(
            times: sim.trange(sampleEvery: probe.sampleEvery), similarities: try vocabulary.similarity(data),
            keys: vocabulary.keys, minimumPeak: minimumPeak, title: title ?? probe.label)
    }
}
