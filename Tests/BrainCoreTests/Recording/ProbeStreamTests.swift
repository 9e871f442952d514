import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// Streamed probes (``ProbeStorage/stream(directory:)``) give the same data as memory storage,
/// as `.npy` files that read back completely, and keep memory flat over an hour of simulated
/// time.
@Suite("Streaming probes")
struct ProbeStreamTests {
    /// A node (sin 2πt) into 10 LIF neurons; probes on the decoded value (every step), the
    /// node (every step), the voltages (every 10 ms) and the spikes of neurons 2, 5, 7.
    static func tinyNetwork() throws -> (Network, [Probe]) {
        let net = try Network(label: "stream", seed: 10)
        let input = try net.node(label: "input", function: { t in sin(2 * .pi * t) })
        let ensemble = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
        try net.connect(input, to: ensemble)
        let probes = [
            try net.probe(ensemble, synapse: 0.01),
            try net.probe(input),
            try net.probe(ensemble.neurons, .voltage, sampleEvery: 0.01),
            try net.probe(ensemble.neurons[[2, 5, 7]]),
        ]
        return (net, probes)
    }

    static func temporaryDirectory(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "brainkit-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    }

    @Test func streamedDataEqualsMemoryData() throws {
        let directory = ProbeStreamTests.temporaryDirectory("equal")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (net, probes) = try ProbeStreamTests.tinyNetwork()
        let memory = try Simulator(net, threads: 1)
        let streamed = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory))
        try memory.run(seconds: 2.5)
        try streamed.run(seconds: 2.5)
        for probe in probes {
            let expected = try memory.data(probe)
            #expect(expected.rows > 0)
            #expect(try streamed.data(probe) == expected, "\(probe.name)")
            #expect(memory.probeFile(probe) == nil)
            let file = try #require(streamed.probeFile(probe))
            #expect(file.deletingLastPathComponent().path == directory.path)
            #expect(try NPYStreamFile.read(file, object: "test") == expected)
        }
        #expect(streamed.probeFile(probes[0])?.lastPathComponent == "000_Probe_of_Ensemble_a.npy")
        #expect(try streamed.data(probes[2]).rows == 250)
        #expect(try streamed.data(probes[3]).columns == 3)
    }

    /// Data appended after a read, and the files after a reset, stay equal to memory's.
    @Test func readsResetsAndCloseKeepTheFilesComplete() throws {
        let directory = ProbeStreamTests.temporaryDirectory("reset")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (net, probes) = try ProbeStreamTests.tinyNetwork()
        let memory = try Simulator(net, threads: 1)
        let streamed = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory))
        try streamed.run(seconds: 0.3)
        _ = try streamed.data(probes[0])
        try streamed.run(seconds: 0.3)
        try memory.run(seconds: 0.6)
        #expect(try streamed.data(probes[0]) == memory.data(probes[0]))
        try streamed.reset()
        #expect(try streamed.data(probes[0]).rows == 0)
        try memory.reset()
        try streamed.run(seconds: 0.2)
        try memory.run(seconds: 0.2)
        streamed.close()
        for probe in probes {
            #expect(try NPYStreamFile.read(streamed.probeFile(probe)!, object: "test") == memory.data(probe))
        }
    }

    /// What `numpy.load` sees: the shape, dtype and values written (skipped without numpy).
    @Test func numpyReadsTheStreamedFile() throws {
        let numpy = Process.run(python: "import numpy")
        guard numpy == 0 else {
            print("numpyReadsTheStreamedFile: skipped, python3 with numpy is not available")
            return
        }
        let directory = ProbeStreamTests.temporaryDirectory("numpy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (net, probes) = try ProbeStreamTests.tinyNetwork()
        let sim = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory))
        try sim.run(seconds: 1)
        try sim.flushProbes()
        let voltage = try sim.data(probes[2])
        let path = sim.probeFile(probes[2])!.path
        let check = """
            import numpy; a = numpy.load('\(path)')
            assert a.dtype == numpy.float32 and a.shape == (100, 10), (a.dtype, a.shape)
            assert a[37, 4] == numpy.float32(\(voltage[37, 4])), a[37, 4]
            """
        #expect(Process.run(python: check) == 0)
    }

    @Test func anUncreatableDirectoryIsAnIOError() throws {
        let blocker = ProbeStreamTests.temporaryDirectory("file")
        try Data("not a directory".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let (net, _) = try ProbeStreamTests.tinyNetwork()
        let error = #expect(throws: BrainKitError.self) {
            _ = try Simulator(net, probeStorage: .stream(directory: blocker.appendingPathComponent("probes")))
        }
        #expect(error?.kind == .io)
        #expect(error?.object == "Simulator")
        #expect(error?.parameter == "probeStorage")
    }

    /// A file that takes no data (its name links to /dev/full, "no space left"): an `.io`
    /// error naming the probe when the simulator is made.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDiskIsAnIOErrorNamingTheProbe() throws {
        let directory = ProbeStreamTests.temporaryDirectory("full")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("000_Probe_of_Ensemble_a.npy"),
            withDestinationURL: URL(fileURLWithPath: "/dev/full"))
        let (net, _) = try ProbeStreamTests.tinyNetwork()
        let error = #expect(throws: BrainKitError.self) {
            _ = try Simulator(net, probeStorage: .stream(directory: directory))
        }
        #expect(error?.kind == .io)
        #expect(error?.object == "Probe of Ensemble 'a'")
    }

    /// A write that fails while running (here: past a 100 kB file-size limit, set in a child
    /// process) stops the run with an `.io` error naming the probe; the samples written before
    /// stay readable.
    @Test func aWriteFailingWhileRunningIsAnIOError() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            ProbeStreamTests.failingWriteInChildProcess()
        }
        if result?.exitStatus != .exitCode(0) {
            print(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self))
        }
    }

    /// The child of ``aWriteFailingWhileRunningIsAnIOError()``: exits with failure when the
    /// error or the data kept is not as expected.
    static func failingWriteInChildProcess() {
        signal(SIGXFSZ, SIG_IGN)
        var limit = rlimit(rlim_cur: 100_000, rlim_max: rlim_t.max)
        guard setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 else { fatalError("setrlimit") }
        let directory = ProbeStreamTests.temporaryDirectory("limit")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let (net, probes) = try ProbeStreamTests.tinyNetwork()
            let sim = try Simulator(net, threads: 1, probeStorage: .stream(directory: directory))
            do throws(BrainKitError) {
                try sim.run(seconds: 60)
                fatalError("60 s ran past the file-size limit")
            } catch {
                // The spikes of 3 neurons fill 64 KiB every 5,461 steps: their second buffer, at
                // step 10,922, is the first write past 100 kB.
                guard error.kind == .io, error.object == probes[3].name, error.message.contains("cannot write"),
                    sim.stepCount == 10_922
                else { fatalError("unexpected failure: \(error) at step \(sim.stepCount)") }
            }
            let kept = try NPYStreamFile.read(sim.probeFile(probes[3])!, object: "test")
            let memory = try Simulator(net, threads: 1)
            try memory.run(steps: 5_461)
            guard kept == (try memory.data(probes[3])) else { fatalError("kept \(kept.rows) × \(kept.columns), not the first 5,461 samples") }
        } catch {
            fatalError("\(error)")
        }
    }

    /// Appending to a closed file is an `.io` error, not a trap.
    @Test func appendingToAClosedFileIsAnIOError() throws {
        let directory = ProbeStreamTests.temporaryDirectory("closed")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try NPYStreamFile(url: directory.appendingPathComponent("a.npy"), columns: 2, object: "Probe 'p'")
        var values: [Float] = [1, 2]
        try values.withUnsafeMutableBufferPointer { try file.append($0.baseAddress!, rows: 1) }
        file.close()
        let error = #expect(throws: BrainKitError.self) {
            try values.withUnsafeMutableBufferPointer { try file.append($0.baseAddress!, rows: 1) }
        }
        #expect(error?.kind == .io)
        #expect(try NPYStreamFile.read(file.url, object: "test") == Matrix(rows: 1, columns: 2, values: [1, 2]))
    }

    @Test func aCorruptFileIsAnIOError() throws {
        let file = ProbeStreamTests.temporaryDirectory("corrupt")
        try Data("{'descr': '<f4'}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = #expect(throws: BrainKitError.self) { _ = try NPYStreamFile.read(file, object: "Probe 'p'") }
        #expect(error?.kind == .io)
        #expect(error?.object == "Probe 'p'")
    }

    @Test func headersAreFixedLengthValidNPY() {
        for (rows, columns) in [(0, 1), (3_600_000, 10), (Int.max, Int.max)] {
            let header = NPYStreamFile.header(rows: rows, columns: columns)
            #expect(header.count == NPYStreamFile.headerLength)
            #expect(header.last == 0x0A)
            #expect(String(decoding: header[10...], as: UTF8.self).contains("'shape': (\(rows), \(columns)), }"))
        }
    }
}

extension Process {
    /// Runs `python3 -c code` quietly and returns its exit status (127 when python3 is missing).
    static func run(python code: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
