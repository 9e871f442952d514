import BrainCore
import Foundation
import BrainSPA
import Testing
@testable import SpaunLite

/// The list memory in Direct mode: each item lands in both buffers with their weights, the
/// rehearsal buffer holds and the decay buffer fades with τ = 0.1 / (1 − feedback).
@Suite("ListMemory")
struct ListMemoryTests {
    @Test func itemsAreStoredByWeightAndTheDecayBufferFades() throws {
        let h = try DirectHarness()
        let list = try ListMemory(in: h.network, label: "MB1", vocabulary: h.main)
        // POS1⊛ONE for 0.1 s: each buffer gets its weight (weight × T / τ).
        try h.network.connect(try h.pointers([(0, "POS1 * ONE"), (0.1, "0")]), to: list.input.node, synapse: nil)
        let rehearsal = try h.watch(list.rehearsal.output), decay = try h.watch(list.decay.output)
        let sum = try h.watch(list.output)
        try h.run(1.1)
        let tau = list.decayTimeConstant
        #expect(abs(tau - 0.1 / (1 - list.decayFeedback)) < 1e-12)
        // By 0.3 s the decay buffer has faded for about 0.25 s since the middle of the input.
        #expect(abs(try h.similarity(rehearsal, to: "POS1 * ONE", at: 0.3) - list.rehearsalWeight) < 0.02)
        #expect(abs(try h.similarity(decay, to: "POS1 * ONE", at: 0.3) - list.decayWeight * exp(-0.25 / tau)) < 0.02)
        // 0.8 s later the rehearsal buffer is unchanged and the decay buffer has faded by
        // e^(−0.8 s / τ).
        #expect(abs(try h.similarity(rehearsal, to: "POS1 * ONE", at: 1.1) - list.rehearsalWeight) < 0.02)
        let faded = try h.similarity(decay, to: "POS1 * ONE", at: 1.1) / (try h.similarity(decay, to: "POS1 * ONE", at: 0.3))
        #expect(abs(faded - exp(-0.8 / tau)) < 0.01, "\(faded)")
        #expect(abs(try h.similarity(sum, to: "POS1 * ONE", at: 1.1)
            - (try h.similarity(rehearsal, to: "POS1 * ONE", at: 1.1) + (try h.similarity(decay, to: "POS1 * ONE", at: 1.1)))) < 1e-6)
    }

    @Test func badWeightsAreTypedErrors() throws {
        let h = try DirectHarness()
        #expect(throws: BrainKitError.self) {
            try ListMemory(in: h.network, label: "l", vocabulary: h.main, rehearsalWeight: .infinity)
        }
    }
}
