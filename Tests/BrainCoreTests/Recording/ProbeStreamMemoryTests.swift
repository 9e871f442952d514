import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// An hour of simulated time with every-step probes streamed to disk keeps memory flat.
///
/// The run happens in a child process (an exit test), so the resident set it measures is its
/// own and not that of the tests running beside it. The child prints its measurements; this
/// test reports them and checks them against the bound.
@Suite("Streaming probes: an hour in flat memory")
struct ProbeStreamMemoryTests {
    /// The most the resident set may grow over the hour (after 10 s of warm-up). Memory
    /// storage would grow by the data itself, 43.2 MB here (2 × 3,600,000 + 360,000 × 10
    /// floats); each stream holds a 64 KiB buffer.
    static let boundBytes = 4 << 20

    @Test(.enabled(if: isOptimizedBuild, "an hour of simulated time: optimized builds (make test)"))
    func anHourOfStreamedProbesKeepsMemoryFlat() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent, \.standardErrorContent]) {
            ProbeStreamMemoryTests.hourInChildProcess()
        }
        let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        print(output, terminator: "")
        if result?.exitStatus != .exitCode(0) {
            print(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self))
        }
        let growth = try #require(ProbeStreamMemoryTests.value("rss-growth-bytes", in: output))
        #expect(growth < Double(ProbeStreamMemoryTests.boundBytes), "RSS grew by \(growth) bytes")
        // The measurement sees data kept in memory (43.2 MB) grow past the bound.
        let control = try #require(ProbeStreamMemoryTests.value("memory-storage-growth-bytes", in: output))
        #expect(control > 40e6, "memory storage grew by \(control) bytes")
        #expect(ProbeStreamMemoryTests.value("decoded-rows", in: output) == 3_600_000)
        #expect(ProbeStreamMemoryTests.value("voltage-rows", in: output) == 360_000)
        #expect(ProbeStreamMemoryTests.value("prefix-equal", in: output) == 1)
    }

    /// `name=value` from the child's output.
    static func value(_ name: String, in output: String) -> Double? {
        output.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix(name + "=") }
            .flatMap { Double($0.dropFirst(name.count + 1)) }
    }

    /// Resident set size in bytes, from /proc/self/statm (its second field, in pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? -1) * Int(sysconf(Int32(_SC_PAGESIZE))) : -1
    }

    /// The child: 3,600 s of the tiny model streamed (threads: 1), RSS before and after; the
    /// same with memory storage as a control; then the files read back and their first 2 s
    /// compared with a memory run of 2 s.
    static func hourInChildProcess() {
        do {
            let directory = ProbeStreamTests.temporaryDirectory("hour")
            defer { try? FileManager.default.removeItem(at: directory) }
            let (net, probes) = try ProbeStreamTests.tinyNetwork()
            let sim = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory))
            try sim.run(seconds: 10)
            let before = residentBytes()
            let start = DispatchTime.now().uptimeNanoseconds
            try sim.run(seconds: 3_590)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let after = residentBytes()
            try sim.flushProbes()
            guard before > 0, after > 0 else { fatalError("cannot read /proc/self/statm") }
            let decoded = try sim.data(probes[0])
            let voltage = try sim.data(probes[2])
            let memory = try Simulator(net, threads: 1)
            try memory.run(seconds: 2)
            var prefixEqual = true
            for probe in probes {
                let short = try memory.data(probe)
                let long = try sim.data(probe)
                prefixEqual = prefixEqual && long.columns == short.columns && short.rows > 0
                    && Array(long.values.prefix(short.values.count)) == short.values
            }
            // The control: the same hour with memory storage, which the measurement must see grow.
            var memoryGrowth = 0
            do {
                let inMemory = try Simulator(net, threads: 1)
                try inMemory.run(seconds: 10)
                let memoryBefore = residentBytes()
                try inMemory.run(seconds: 3_590)
                memoryGrowth = residentBytes() - memoryBefore
            }
            print("rss-before-bytes=\(before) rss-after-bytes=\(after) rss-growth-bytes=\(after - before)")
            print("memory-storage-growth-bytes=\(memoryGrowth)")
            print("run-seconds=\(seconds) decoded-rows=\(decoded.rows) voltage-rows=\(voltage.rows) prefix-equal=\(prefixEqual ? 1 : 0)")
        } catch {
            fatalError("\(error)")
        }
    }
}
