import Testing

@testable import BrainCore

/// Sizes multiplied without overflow, and the memory a process can have.
@Suite("MemoryBudget and Size")
struct MemoryBudgetTests {
    @Test func productsThatOverflowAreNil() {
        #expect(Size.product(3, 4, 8) == 96)
        #expect(Size.product(Int.max, 2) == nil)
        #expect(Size.product(1 << 32, 1 << 32) == nil)
        #expect(Size.product(0, Int.max) == 0)
        #expect(Size.sum([Int.max, 1]) == nil)
        #expect(Size.sum([1, 2, 3]) == 6)
    }

    @Test func stepCountsBeyondTwoToTheSixtyTwoAreNil() {
        #expect(Size.steps(1, of: 0.001) == 1000)
        #expect(Size.steps(1e30, of: 0.001) == nil)
        #expect(Size.steps(1, of: 1e-300) == nil)
        #expect(Size.steps(.nan, of: 0.001) == nil)
        #expect(Size.steps(0.0004, of: 0.001) == 0)
    }

    @Test func theBudgetIsPositiveAndAtMostThePhysicalMemory() {
        #expect(MemoryBudget.available > 0)
        #expect(UInt64(MemoryBudget.available) <= ProcessInfoShim.physicalMemory)
        #expect(MemoryBudget.describe(bytes: 512) == "512 B")
        #expect(MemoryBudget.describe(bytes: 40_000_000_000) == "40.0 GB")
    }

    @Test func aBuildBeyondTheLimitNamesTheNeediestObject() throws {
        let net = try Network(label: "big", seed: 1)
        let a = try net.ensemble(label: "a", neurons: 20_000, dimensions: 1)
        try net.probe(a)
        do {
            _ = try Simulator(net, threads: 1, memoryLimit: 100 << 20)
            Issue.record("a build of 40,000 x 20,000 activities ran under 100 MB")
        } catch {
            #expect(error.kind == .build && error.object == "Ensemble 'a'" && error.parameter == "neurons", "\(error)")
            #expect(error.message.contains("100 MB") || error.message.contains("104.9 MB"), "\(error)")
        }
    }

    /// Decoder solves free their activities and Gram matrix, so many decoded ensembles need
    /// what the largest solves running at once need, not the sum of all solves.
    @Test func solvesCountOnlyAsManyAsRunAtOnce() throws {
        let net = try Network(label: "many", seed: 1)
        for k in 0..<40 {
            let ensemble = try net.ensemble(label: "e\(k)", neurons: 1_000, dimensions: 1)
            try net.probe(ensemble)
        }
        // Each: 2,000 eval points (twice the neurons) x 1,000 activities and a 1,000² Gram matrix.
        let solving = 2_000 * 1_000 * 8 + 1_000 * 1_000 * 8
        let held = 1_000 * 8 + 2_000 * 8 + 1_000 * 8
        for concurrent in [1, 2, 16] {
            let memory = ModelMemory(network: net, concurrentSolves: concurrent)
            #expect(memory.total == 40 * held + concurrent * solving)
        }
        #expect(ModelMemory(network: net, concurrentSolves: 64).total == 40 * (held + solving))
        #expect(throws: Never.self) { try ModelMemory(network: net, concurrentSolves: 2).check(limit: 100 << 20) }
        #expect(throws: BrainKitError.self) { try ModelMemory(network: net, concurrentSolves: 40).check(limit: 100 << 20) }
    }
}

import Foundation

/// The machine's physical memory, for comparison.
enum ProcessInfoShim {
    static var physicalMemory: UInt64 { ProcessInfo.processInfo.physicalMemory }
}
