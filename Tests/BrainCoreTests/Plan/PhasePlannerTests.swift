import Testing
@testable import BrainCore

/// How the phase planner shares a level's work between threads: checked on the plan itself
/// (weights per thread), with no thread running and no clock read.
@Suite("Phase planner")
struct PhasePlannerTests {
    /// Floats for the kernels to point into (never run here), freed when the test ends.
    final class Memory {
        let base: UnsafeMutablePointer<Float>
        private var used = 0
        private let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
            base.initialize(repeating: 0, count: capacity)
        }

        deinit { base.deallocate() }

        /// The next `count` floats, on a 64-byte boundary.
        func take(_ count: Int) -> UnsafeMutablePointer<Float> {
            let start = (used + 15) / 16 * 16
            used = start + count
            precondition(used <= capacity)
            return base + start
        }
    }

    /// Each thread's weight in a level or phase lies within `fraction` of the mean.
    static func expectEven(_ loads: [Int], within fraction: Double, _ comment: Comment) {
        let mean = Double(loads.reduce(0, +)) / Double(loads.count)
        for load in loads {
            #expect(abs(Double(load) - mean) <= fraction * mean, "\(comment): loads \(loads)")
        }
    }

    static func weights(_ lists: [[Kernel]]) -> [Int] {
        lists.map { $0.reduce(0) { $0 + PhasePlanner.weight($1) } }
    }

    /// 200 synapses whose inputs one thread made in the phase before: each prefers that
    /// thread, but it takes only its share, and the other thread the rest.
    @Test func filtersMadeByOneThreadAreShared() throws {
        let memory = Memory(capacity: 200 * 2 * 656)
        let lowpass = try Lowpass(0.005).discretized(dt: 0.001)
        let inputs = memory.take(200 * 656)
        let filters: [Kernel] = (0..<200).map { k in
            FilterKernel(filter: lowpass, input: inputs + k * 656, output: memory.take(640), state: nil, count: 640)
        }
        let madeByThread1 = [AddressSet([]), AddressSet([MemoryFootprint.range(inputs, 200 * 656)])]
        let lists = PhasePlanner.share(
            filters.map { [$0] }, threads: 2, minimumPart: 750, previousWrites: madeByThread1,
            footprint: { $0.footprint! })
        #expect(lists.map(\.count).reduce(0, +) == 200)
        PhasePlannerTests.expectEven(PhasePlannerTests.weights(lists), within: 0.03, "filters")
    }

    /// A level like Spaun-lite's neuron inputs: 3 signals each fed by 9 copies of 3,200
    /// elements (groups that must keep their order per element), 500 small products writing
    /// their own signals, and a user function pinned to the caller. The groups of copies are
    /// cut element range by element range, so both threads get even shares; every element's
    /// writers stay on one thread in canonical order.
    @Test func groupsWritingOneSignalAndSmallKernelsAreBalanced() throws {
        let memory = Memory(capacity: 3 * 3_216 * 2 + 500 * 2 * 80 + 64)
        var kernels: [Kernel] = []
        var writes: [[WrittenRegion]] = []
        var signal = 0
        for _ in 0..<3 {
            let target = memory.take(3_200), source = memory.take(3_200)
            for _ in 0..<9 {
                kernels.append(CopyKernel(source: source, target: target, count: 3_200, accumulate: true))
                writes.append([WrittenRegion(SignalID(index: signal))])
            }
            signal += 1
        }
        for _ in 0..<500 {
            kernels.append(ScaledKernel(factor: 0.5, x: memory.take(64), y: memory.take(64), count: 64, accumulate: false))
            writes.append([WrittenRegion(SignalID(index: signal))])
            signal += 1
        }
        let footprints = kernels.map { $0.footprint! }
        let plan = PhasePlanner.plan(
            kernels: kernels, levels: [Int](repeating: 0, count: kernels.count), writes: writes, footprints: footprints,
            threads: 2, sharing: .always)
        #expect(plan.threadCount == 2)
        #expect(plan.phases.count == 1)
        PhasePlannerTests.expectEven(plan.loads[0], within: 0.03, "copies and products")
        // Each thread's parts of one target: the same element range for all 9 copies, in order.
        for list in plan.phases[0] {
            let copies = list.compactMap { $0 as? CopyKernel }.filter { $0.count > 64 }
            for run in stride(from: 0, to: copies.count, by: 9) {
                let group = copies[run..<(run + 9)]
                #expect(group.allSatisfy { $0.target == group.first!.target && $0.count == group.first!.count })
                #expect(group.map(\.source) == Array(repeating: group.first!.source, count: 9))
            }
        }
    }

    /// Water-filling: a thread already loaded takes less of the next family.
    @Test func waterFillEvensOutTheLoads() {
        #expect(PhasePlanner.waterFill([0, 0], adding: 10) == [5, 5])
        #expect(PhasePlanner.waterFill([6, 0], adding: 10) == [2, 8])
        #expect(PhasePlanner.waterFill([20, 0], adding: 10) == [0, 10])
        #expect(PhasePlanner.waterFill([3, 0, 9], adding: 6) == [1.5, 4.5, 0])
    }
}
