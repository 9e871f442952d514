import BrainCore
import Foundation
import BrainSPA
import Testing
@testable import SpaunLite

/// The list memory in Direct mode: each item lands in both buffers with their weights, the
/// decay buffer fades with τ = 0.1 / (1 − feedback), and the store-time routes give the first
/// items the rehearsal buffer (primacy) and the last the decay buffer (recency).
@Suite("ListMemory")
struct ListMemoryTests {
    @Test func itemsAreStoredByWeightAndTheDecayBufferFades() throws {
        let h = try DirectHarness()
        let list = try ListMemory(in: h.network, label: "MB1", vocabulary: h.main, decayFeedback: 0.985)
        // POS1⊛ONE for 0.1 s: each buffer gets its weight (weight × T / τ).
        try h.network.connect(try h.pointers([(0, "POS1 * ONE"), (0.1, "0")]), to: list.input.node, synapse: nil)
        let rehearsal = try h.watch(list.rehearsal.output), decay = try h.watch(list.decay.output)
        let sum = try h.watch(list.output)
        try h.run(1.1)
        let tau = list.decayTimeConstant
        #expect(abs(tau - 0.1 / (1 - list.decayFeedback)) < 1e-12)
        // By 0.3 s the decay buffer has faded for about 0.25 s since the middle of the input.
        #expect(abs(try h.similarity(rehearsal, to: "POS1 * ONE", at: 0.3) - list.rehearsalWeight) < 0.02)
        let decayAt03 = try h.similarity(decay, to: "POS1 * ONE", at: 0.3)
        #expect(abs(decayAt03 / (list.decayWeight * exp(-0.25 / tau)) - 1) < 0.04, "\(decayAt03)")
        // 0.8 s later the rehearsal buffer is unchanged and the decay buffer has faded by
        // e^(−0.8 s / τ).
        #expect(abs(try h.similarity(rehearsal, to: "POS1 * ONE", at: 1.1) - list.rehearsalWeight) < 0.02)
        let faded = try h.similarity(decay, to: "POS1 * ONE", at: 1.1) / (try h.similarity(decay, to: "POS1 * ONE", at: 0.3))
        #expect(abs(faded - exp(-0.8 / tau)) < 0.01, "\(faded)")
        #expect(abs(try h.similarity(sum, to: "POS1 * ONE", at: 1.1)
            - (try h.similarity(rehearsal, to: "POS1 * ONE", at: 1.1) + (try h.similarity(decay, to: "POS1 * ONE", at: 1.1)))) < 1e-6)
    }

    /// Three items, each stored for T = 0.1 s with the store action's routes (each buffer's
    /// content back into it, weighted g and −k, only while storing): in the rehearsal buffer the
    /// first item ends `e^(2·g/(1−g)·T/0.1)` times the third, in the decay buffer the third
    /// `e^(2·k/(1+k)·T/0.1)` times the first; between stores nothing changes.
    @Test func storesGiveTheFirstItemsTheRehearsalBufferAndTheLastTheDecayBuffer() throws {
        let h = try DirectHarness()
        let list = try ListMemory(in: h.network, label: "MB1", vocabulary: h.main)
        let items = ["POS1 * ONE", "POS2 * TWO", "POS3 * THR"]
        let storing = { (t: Double) in (0..<3).contains { k in t >= 0.2 * Double(k) && t < 0.2 * Double(k) + 0.1 } }
        var schedule: [(from: Double, text: String)] = []
        for (k, item) in items.enumerated() { schedule += [(0.2 * Double(k), item), (0.2 * Double(k) + 0.1, "0")] }
        try h.network.connect(try h.pointers(schedule), to: list.input.node, synapse: nil)
        let d = h.main.dimensions
        for (buffer, weight) in [(list.rehearsal, list.rehearsalGrowth), (list.decay, -list.decayDisplacement)] {
            let route = try h.network.node(label: "store route", sizeIn: d) { t, x in storing(t) ? x.map { weight * $0 } : x.map { _ in 0 } }
            try h.network.connect(buffer.output.node, to: route, synapse: try Lowpass(0.002))
            try h.network.connect(route, to: buffer.input.node, synapse: nil)
        }
        let rehearsal = try h.watch(list.rehearsal.output), decay = try h.watch(list.decay.output)
        try h.run(1.2)
        // Each item's share of a buffer (solved through the items' Gram matrix, since random
        // pointers are not quite orthogonal).
        let vectors = try items.map { try h.main.parse($0).vector }
        var gram = Matrix(rows: 3, columns: 3, repeating: 0)
        for i in 0..<3 { for j in 0..<3 { gram[i, j] = zip(vectors[i], vectors[j]).reduce(0) { $0 + $1.0 * $1.1 } } }
        func shares(_ probe: Int, at time: Double) throws -> [Double] {
            try LinearAlgebra.solve(gram, try items.map { try h.similarity(probe, to: $0, at: time) })
        }
        let held = try shares(rehearsal, at: 0.7), faded = try shares(decay, at: 0.7)
        let g = list.rehearsalGrowth, k = list.decayDisplacement
        let expectedPrimacy = exp(2 * g / (1 - g)), expectedRecency = exp(2 * k / (1 + k))
        #expect(abs(held[0] / held[2] / expectedPrimacy - 1) < 0.03, "\(held) vs \(expectedPrimacy)")
        #expect(abs(faded[2] / faded[0] / expectedRecency - 1) < 0.03, "\(faded) vs \(expectedRecency)")
        // Nothing changes between stores: the list at 1.2 s is the list at 0.7 s.
        for item in items {
            #expect(abs(try h.similarity(rehearsal, to: item, at: 1.2) - (try h.similarity(rehearsal, to: item, at: 0.7))) < 1e-3)
            #expect(abs(try h.similarity(decay, to: item, at: 1.2) - (try h.similarity(decay, to: item, at: 0.7))) < 1e-3)
        }
    }

    @Test func badWeightsAreTypedErrors() throws {
        let h = try DirectHarness()
        #expect(throws: BrainKitError.self) {
            try ListMemory(in: h.network, label: "l", vocabulary: h.main, rehearsalWeight: .infinity)
        }
        #expect(throws: BrainKitError.self) {
            try ListMemory(in: h.network, label: "l", vocabulary: h.main, decayDisplacement: .nan)
        }
        #expect(throws: BrainKitError.self) {
            try ListMemory(in: h.network, label: "l", vocabulary: h.main, rehearsalGrowth: 1)
        }
        #expect(throws: BrainKitError.self) {
            try ListMemory(in: h.network, label: "l", vocabulary: h.main, decayDisplacement: -0.1)
        }
    }
}
