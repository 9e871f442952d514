import AllocationCounter
import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// Probes kept in memory grow in chunks: an hour of every-step probes peaks within 1.2× of the
/// data recorded, and a run split into one-step calls records what one run records, never
/// moving recorded data.
@Suite("Probes in memory: chunks, bounded peak, O(steps) stepped runs")
struct ProbeMemoryTests {
    @Test(.enabled(if: isOptimizedBuild, "an hour of simulated time: optimized builds (make test)"))
    func anHourOfProbesPeaksWithinTheRecordedData() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent, \.standardErrorContent]) {
            ProbeMemoryTests.hourInChildProcess()
        }
        let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        print(output, terminator: "")
        if result?.exitStatus != .exitCode(0) {
            print(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self))
        }
        let data = try #require(ProbeStreamMemoryTests.value("recorded-bytes", in: output))
        let peak = try #require(ProbeStreamMemoryTests.value("peak-growth-bytes", in: output))
        // 3,590 s of 2 every-step scalars, 10 voltages every 10 ms and 3 every-step neurons:
        // 5 × 3,590,000 + 10 × 359,000 values of 4 bytes.
        let values: Int = 5 * 3_590_000 + 10 * 359_000
        #expect(data == Double(4 * values))
        #expect(peak <= 1.2 * data, "peak grew by \(peak) bytes for \(data) bytes of data")
        #expect(peak >= 0.9 * data, "the measurement sees the data (peak growth \(peak) bytes)")
    }

    /// Peak resident set size in bytes (`VmHWM` in /proc/self/status).
    static func peakResidentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        return (Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? -1) * 1024
    }

    /// The child: 10 s of warm-up, then the peak reset (`/proc/self/clear_refs`) and 3,590 s
    /// more; prints the data recorded in those 3,590 s and how far the peak rose above the
    /// resident set before them.
    static func hourInChildProcess() {
        do {
            let (net, probes) = try ProbeStreamTests.tinyNetwork()
            let sim = try Simulator(net, threads: 1)
            try sim.run(seconds: 10)
            var before = 0
            for probe in probes { before += try sim.data(probe).values.count * 4 }
            try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            let rss = ProbeStreamMemoryTests.residentBytes()
            try sim.run(seconds: 3_590)
            let peak = peakResidentBytes()
            guard rss > 0, peak > 0 else { fatalError("cannot read /proc/self") }
            var after = 0
            for probe in probes {
                let rows = try sim.data(probe).rows
                after += rows * probe.size * 4
            }
            print("recorded-bytes=\(after - before) peak-growth-bytes=\(peak - rss)")
        } catch {
            fatalError("\(error)")
        }
    }

    /// A run split into 20,000 one-step calls records what stepping and one long run record,
    /// with no per-call copy: the probes' data is the same, bit for bit.
    @Test func oneStepRunsRecordWhatSteppingRecords() throws {
        let (net, probes) = try ProbeStreamTests.tinyNetwork()
        let stepped = try Simulator(net, threads: 1)
        let runs = try Simulator(net, threads: 1)
        let whole = try Simulator(net, threads: 1)
        for _ in 0..<20_000 {
            try stepped.step()
            try runs.run(steps: 1)
        }
        try whole.run(steps: 20_000)
        #expect(runs.stepCount == 20_000)
        for probe in probes {
            let data = try runs.data(probe)
            #expect(data.rows > 0)
            #expect(data.values == (try stepped.data(probe)).values, "\(probe.name)")
            #expect(data.values == (try whole.data(probe)).values, "\(probe.name)")
        }
    }

    /// A one-step run costs what a step costs, however much is recorded: after 50,000 recorded
    /// steps, 2,000 `run(steps: 1)` calls allocate exactly what 2,000 `step()` calls allocate
    /// (the probe chunks both need), so no call copies or re-reserves recorded data.
    @Test(.enabled(if: isOptimizedBuild, "measured in optimized builds (make test)"))
    func oneStepRunsAllocateWhatSteppingAllocates() throws {
        let (net, _) = try ProbeStreamTests.tinyNetwork()
        let stepped = try Simulator(net, threads: 1)
        let runs = try Simulator(net, threads: 1)
        try stepped.run(steps: 50_000)
        try runs.run(steps: 50_000)
        allocation_counter_start()
        for _ in 0..<2_000 { try stepped.step() }
        let stepping = allocation_counter_stop()
        allocation_counter_start()
        for _ in 0..<2_000 { try runs.run(steps: 1) }
        let running = allocation_counter_stop()
        #expect(running == stepping, "2,000 one-step runs allocated \(running) times, 2,000 steps \(stepping)")
        #expect(stepping <= 10, "the probes' chunks: \(stepping) allocations in 2,000 steps")
    }

    /// Appending never moves recorded data (so a run costs O(steps) however it is split into
    /// calls): every chunk keeps its storage while later samples arrive, the chunks are as few as
    /// the samples need, and a reset reuses them.
    @Test func appendingNeverMovesRecordedData() {
        var chunks = ProbeChunks(sampleSize: 3)
        var sample: [Float] = [1, 2, 3]
        let samples = chunks.chunkValues / 3 * 4 + 7
        var addresses: [UInt] = []
        for k in 0..<samples {
            sample[0] = Float(k)
            sample.withUnsafeMutableBufferPointer { chunks.append($0.baseAddress!, indices: nil) }
            let now = chunks.chunkAddresses
            #expect(Array(now.prefix(addresses.count)) == addresses, "sample \(k) moved a chunk")
            addresses = now
        }
        #expect(chunks.allocatedChunks == 5)
        #expect(chunks.matrix()[samples - 1, 0] == Double(samples - 1))
        chunks.removeAll()
        for _ in 0..<samples {
            sample.withUnsafeMutableBufferPointer { chunks.append($0.baseAddress!, indices: nil) }
        }
        #expect(chunks.allocatedChunks == 5 && chunks.chunkAddresses == addresses)
    }

    @Test func chunksHoldWholeSamplesAndReadBackInOrder() throws {
        var chunks = ProbeChunks(sampleSize: 3)
        #expect(chunks.chunkValues % 3 == 0)
        var source: [Float] = [0, 0, 0]
        let samples = chunks.chunkValues / 3 * 2 + 5
        for k in 0..<samples {
            source = [Float(k), Float(k) + 0.5, -Float(k)]
            source.withUnsafeMutableBufferPointer { chunks.append($0.baseAddress!, indices: nil) }
        }
        let m = chunks.matrix()
        #expect(m.rows == samples && m.columns == 3)
        #expect(m[samples - 1, 0] == Double(samples - 1) && m[7, 1] == 7.5 && m[9, 2] == -9)
        chunks.removeAll()
        #expect(chunks.count == 0 && chunks.matrix().rows == 0)
        source.withUnsafeMutableBufferPointer { chunks.append($0.baseAddress!, indices: [2, 0, 1]) }
        #expect(chunks.count == 3 && chunks.matrix().row(0) == [Double(source[2]), Double(source[0]), Double(source[1])])
    }

    @Test func aRunWhoseProbesExceedTheMemoryLimitIsRefusedBeforeItStarts() throws {
        let (net, probes) = try ProbeStreamTests.tinyNetwork()
        let sim = try Simulator(net, threads: 1, memoryLimit: 1 << 20)
        try sim.run(seconds: 1)
        #expect(throws: BrainKitError.self) { try sim.run(seconds: 100) }
        do {
            try sim.run(steps: 100_000)
            Issue.record("a run beyond the memory limit ran")
        } catch {
            #expect(error.object == "Simulator" && error.parameter == "steps")
            #expect(error.message.contains("Probe"), "\(error)")
        }
        #expect(sim.stepCount == 1000)
        #expect(try sim.data(probes[0]).rows == 1000)
    }
}
