import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The production memories in Direct mode: each holds one key clean; the list flag holds 0 or 1.
@Suite("ProductionSystem")
struct ProductionSystemTests {
    @Test func memoriesHoldKeysAndTheFlagHoldsZeroOrOne() throws {
        let h = try DirectHarness()
        let production = try ProductionSystem(in: h.network, vocabularies: h.vocabularies)
        try h.network.connect(
            try h.pointers([(0, "M"), (0.05, "0"), (0.3, "0.8 * C"), (0.35, "0")], in: h.vocabularies.task),
            to: production.task.input.node, synapse: nil)
        try h.network.connect(try h.scalar { ($0 > 0.1 && $0 < 0.15) ? 0.3 : 0 }, to: production.listOpen.input.node, synapse: nil)
        let task = try h.watch(production.task.output), open = try h.watch(production.listOpen.output)
        try h.run(0.7)
        #expect(try h.similarity(task, to: "M", at: 0.3) > 0.95)
        #expect(try h.similarity(task, to: "C", at: 0.7) > 0.95)
        #expect(try h.similarity(task, to: "M", at: 0.7) < 0.5)
        #expect(abs(try h.value(open, at: 0.1)) < 0.05)
        #expect(abs(try h.value(open, at: 0.7) - 1) < 0.05)
    }

    /// `inducingTask` is 1 while the task is A6 (V) or A7 (F), 0 for the others.
    @Test func inducingTaskIsOneForA6AndA7Only() throws {
        let h = try DirectHarness()
        let production = try ProductionSystem(in: h.network, vocabularies: h.vocabularies)
        try h.network.connect(
            try h.pointers(
                [(0, "M"), (0.05, "0"), (0.3, "V - M"), (0.35, "0"), (0.6, "F - V"), (0.65, "0"), (0.9, "A - F"), (0.95, "0")],
                in: h.vocabularies.task),
            to: production.task.input.node, synapse: nil)
        let inducing = try h.watch(production.inducingTask)
        try h.run(1.2)
        #expect(abs(try h.value(inducing, at: 0.3)) < 0.05)
        #expect(abs(try h.value(inducing, at: 0.6) - 1) < 0.05)
        #expect(abs(try h.value(inducing, at: 0.9) - 1) < 0.05)
        #expect(abs(try h.value(inducing, at: 1.2)) < 0.05)
    }
}
