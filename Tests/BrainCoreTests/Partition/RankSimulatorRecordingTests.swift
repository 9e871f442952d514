import Foundation
import Testing

@testable import BrainCore

/// What a rank simulator keeps of its probes: streamed files named and filled as a
/// single-process `Simulator`'s, and the last step's samples taken back after a failure
/// elsewhere (in memory, in a stream's buffer, or already in its file).
@Suite("Rank simulator recording")
struct RankSimulatorRecordingTests {
    static func temporaryDirectory(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "brainkit-rank-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    }

    @Test func ranksSharingADirectoryWriteTheSingleProcessFiles() throws {
        let shared = Self.temporaryDirectory("shared"), alone = Self.temporaryDirectory("alone")
        defer {
            try? FileManager.default.removeItem(at: shared)
            try? FileManager.default.removeItem(at: alone)
        }
        let net = try RankSimulatorTests.model()
        let parts = try (0..<3).map { try RankSimulator(net, ranks: 3, rank: $0, storage: .stream(directory: shared)) }
        try RankSimulatorTests.run(parts, steps: 120)
        for part in parts { try part.flush() }
        let single = try Simulator(net, threads: 1, probeStorage: .stream(directory: alone))
        try single.run(steps: 120)
        single.close()

        let names = try FileManager.default.contentsOfDirectory(atPath: alone.path).sorted()
        #expect(names.count == net.allProbes.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted() == names)
        for name in names {
            let got = try Data(contentsOf: shared.appendingPathComponent(name))
            #expect(got == (try Data(contentsOf: alone.appendingPathComponent(name))), "\(name) differs")
        }
        for probe in net.allProbes {
            let owner = try #require(parts[0].rank(of: probe))
            for part in parts {
                #expect((part.probeFile(probe) != nil) == (part.rank == owner), "\(probe.name) on rank \(part.rank)")
            }
        }
    }

    /// 40 steps, then a 41st (written out to the files when `flushedLast`) that is taken back:
    /// the data equals 40 steps of a single process, and stepping on from a reset works.
    @Test(arguments: [(false, false), (true, false), (true, true)])
    func droppingTheLastStepForgetsItsSamples(streamed: Bool, flushedLast: Bool) throws {
        let directory = Self.temporaryDirectory("drop")
        defer { try? FileManager.default.removeItem(at: directory) }
        let net = try RankSimulatorTests.model()
        try net.probe(net.ensembles[0], synapse: 0.01, sampleEvery: 0.003)
        let part = try RankSimulator(
            net, ranks: 1, rank: 0, storage: streamed ? .stream(directory: directory) : .memory)
        try RankSimulatorTests.run([part], steps: 40)
        try part.flush()
        try RankSimulatorTests.run([part], steps: 2)
        if flushedLast { try part.flush() }
        try part.dropLastStep()
        try part.dropLastStep()
        #expect(part.stepCount == 40)
        let single = try Simulator(net, threads: 1)
        try single.run(steps: 40)
        for probe in net.allProbes {
            let expected = try single.data(probe)
            let got = try #require(try part.localData(probe))
            #expect(got.rows == expected.rows, "\(probe.name)")
            #expect(got.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "\(probe.name)")
            if streamed {
                let file = try NPYStreamFile.read(try #require(part.probeFile(probe)), object: "test")
                #expect(file == expected, "\(probe.name): the file")
            }
        }
        try part.reset()
        try RankSimulatorTests.run([part], steps: 5)
        #expect(try part.localData(net.allProbes[0])?.rows == 5)
    }

    @Test func latestOnlyStorageIsRefused() throws {
        let net = try RankSimulatorTests.model()
        let error = #expect(throws: BrainKitError.self) {
            _ = try RankSimulator(net, ranks: 2, rank: 0, storage: .latestOnly)
        }
        #expect(error?.kind == .validation)
        #expect(error?.parameter == "probeStorage")
    }
}
