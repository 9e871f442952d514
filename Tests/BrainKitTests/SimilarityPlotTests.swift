import BrainKit
import Testing

/// The SPA similarity plot: what the umbrella module adds where BrainPlot and BrainSPA meet.
@Suite("Similarity plot")
struct SimilarityPlotTests {
    @Test func plotsTheKeysAPointerPassesThrough() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "sequence", seed: 1)
        try vocabulary.populate("A; B; C")
        let a = try vocabulary.parse("A").vector, b = try vocabulary.parse("B").vector
        let net = try Network(label: "similarity", seed: 1)
        let source = try net.node(label: "pointer", sizeOut: 16) { t in t < 0.1 ? a : b }
        let probe = try net.probe(source, label: "state")
        let sim = try Simulator(net)
        try sim.run(seconds: 0.2)
        let plot = try LinePlot.similarity(sim, probe, to: vocabulary)
        let svg = try plot.svg()
        // A and B are drawn and labelled; C, never above 0.3, is not.
        #expect(plot.series.map(\.label) == ["A", "B"])
        #expect(svg.contains(">A<") && svg.contains(">B<") && !svg.contains(">C<"))
        #expect(svg.contains("Similarity"))
        // The value of A's line is 1 for the first 0.1 s.
        #expect(plot.series[0].y.prefix(99).allSatisfy { abs($0 - 1) < 1e-5 })
    }

    @Test func aProbeOfOtherDimensionsIsATypedError() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "v", seed: 1)
        try vocabulary.populate("A")
        let net = try Network(seed: 1)
        let probe = try net.probe(try net.node(output: [0, 1, 0]))
        let sim = try Simulator(net)
        try sim.run(seconds: 0.01)
        #expect(throws: BrainKitError.self) { try LinePlot.similarity(sim, probe, to: vocabulary) }
    }
}
