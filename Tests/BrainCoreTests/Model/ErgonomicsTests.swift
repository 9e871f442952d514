import Testing

@testable import BrainCore

/// Nengo-like spellings: a synapse as a number in every overload, transforms from literals.
@Suite("Ergonomics")
struct ErgonomicsTests {
    @Test func aSynapseAsANumberWithEveryOtherParameter() throws {
        let net = try Network(label: "net", seed: 1)
        let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
        let c = try net.connect(a, to: b, synapse: 0.01, learningRule: try PES(), label: "ab", seed: 5)
        #expect((c.synapse as? Lowpass)?.tau == 0.01 && c.seed == 5 && c.learningRuleType is PES)
        let p = try net.probe(a, synapse: 0.02, solver: LstsqL2(), seed: 7)
        #expect((p.synapse as? Lowpass)?.tau == 0.02 && p.seed == 7)
        let q = try net.probe(c, synapse: 0.03)
        #expect((q.synapse as? Lowpass)?.tau == 0.03)
    }

    @Test func transformsFromLiterals() throws {
        let net = try Network(label: "net", seed: 1)
        let input = try net.node(label: "input", output: [1, 2])
        let sink = try net.node(label: "sink", sizeIn: 2)
        let diagonal = try net.connect(input, to: sink, transform: [0.5, 2])
        guard case .diagonal(let values) = diagonal.transform else { Issue.record("not diagonal"); return }
        #expect(values == [0.5, 2])
        let dense = try net.connect(input, to: sink, transform: [[0, 1], [1, 0]])
        guard case .dense(let m) = dense.transform else { Issue.record("not dense"); return }
        #expect(m.values == [0, 1, 1, 0])
        #expect(throws: BrainKitError.self) { try net.connect(input, to: sink, transform: [[0, 1], [1]]) }
        #expect(throws: BrainKitError.self) { try net.connect(input, to: sink, transform: [1, [1, 0]]) }
    }
}
