import Foundation
import Testing
@testable import BrainCore

/// How many threads a simulator uses, and what its worker threads cost while it is held idle.
@Suite("Threads")
struct ThreadsTests {
    /// A ring of 8 ensembles of 2000 LIF neurons, 2-D: enough work per step that sharing it
    /// pays on a few cores.
    static func ring() throws -> (Network, Probe) {
        let net = try Network(label: "threads", seed: 3)
        let ring = try (0..<8).map { _ in try net.ensemble(neurons: 2000, dimensions: 2, evalPointCount: 200) }
        let input = try net.node(sizeOut: 2) { t in [sin(10 * t), cos(10 * t)] }
        try net.connect(input, to: ring[0])
        for i in 0..<8 { try net.connect(ring[i], to: ring[(i + 1) % 8], synapse: 0.01, transform: .scalar(0.9)) }
        return (net, try net.probe(ring[7], synapse: 0.01))
    }

    static func data(_ sim: Simulator, _ probe: Probe, steps: Int) throws -> [Double] {
        try sim.run(steps: steps)
        return try sim.data(probe).values
    }

    /// `Simulator(net)` allows every active core, and the executor shares this model among
    /// them; `threads: 1` stays on the calling thread. Results are the same.
    @Test func byDefaultEveryCoreIsAllowed() throws {
        let (net, probe) = try ThreadsTests.ring()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let sim = try Simulator(net)
        #expect(sim.threads == (try Simulator(net, threads: cores)).threads)
        // (On many cores the barriers may outweigh this model's work; then one thread is right.)
        if (2...16).contains(cores) { #expect(sim.threads == cores) }
        let serial = try Simulator(net, threads: 1)
        #expect(serial.threads == 1)
        #expect(try ThreadsTests.data(sim, probe, steps: 50) == ThreadsTests.data(serial, probe, steps: 50))
    }

    /// More threads than cores would only share cores (workers spinning at every barrier):
    /// the count is lowered to the cores, which `threads` reports.
    @Test func aCountAboveTheCoresIsClamped() throws {
        let (net, probe) = try ThreadsTests.ring()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let sim = try Simulator(net, threads: cores + 14)
        #expect(sim.threads <= cores)
        #expect(sim.threads == (try Simulator(net, threads: cores)).threads)
        let serial = try Simulator(net, threads: 1)
        #expect(try ThreadsTests.data(sim, probe, steps: 50) == ThreadsTests.data(serial, probe, steps: 50))
    }

    @Test func aCountBelowOneIsRefused() throws {
        let net = try Network(seed: 1)
        try net.ensemble(neurons: 10, dimensions: 1)
        for threads in [0, -3] {
            let error = #expect(throws: BrainKitError.self) { try Simulator(net, threads: threads) }
            #expect(error?.kind == .validation)
            #expect(error?.object == "Simulator")
            #expect(error?.parameter == "threads")
        }
    }

    /// A simulator built and held but not stepping costs (almost) no CPU: its workers spin for
    /// 2 ms after a step, then sleep until the next one. Woken, they step on as before — also
    /// when every step comes after a pause longer than that. (More threads than cores, too:
    /// each worker sleeps.)
    @Test(arguments: [2, 4])
    func idleWorkersSleep(threads: Int) throws {
        let (net, probe) = try ThreadsTests.ring()
        let sim = try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always)
        #expect(sim.threads == threads)
        try sim.run(steps: 40)
        Thread.sleep(forTimeInterval: 0.05)  // well past the workers' 2 ms of spinning
        let before = sim.workerCPUSeconds
        Thread.sleep(forTimeInterval: 0.5)
        let idle = sim.workerCPUSeconds - before
        // All workers together under 5 % of one core (spinning, one worker alone would use 100 %).
        #expect(idle < 0.05 * 0.5, "\(threads - 1) idle workers used \(idle) s of CPU in 0.5 s")
        for _ in 0..<10 {
            try sim.step()
            Thread.sleep(forTimeInterval: 0.003)
        }
        try sim.run(steps: 50)
        let serial = try Simulator(net, threads: 1)
        #expect(try sim.data(probe).values == ThreadsTests.data(serial, probe, steps: 100))
        sim.close()  // wakes the sleeping workers to stop them
    }
}
