import BrainCore
import Foundation
import Testing

@testable import BrainMPI

/// Benchmark models run by `mpirun` on 2 and 3 processes write probe data bit-identical to a
/// single-process run; a failing or killed rank ends the job with an error naming it. Skipped
/// (saying so) when Open MPI's `mpirun` is not installed.
@Suite("Distributed runs", .serialized, .enabled(if: MPILaunch.mpirun != nil, "mpirun is not installed (apt-get install openmpi-bin)"))
struct DistributedRunTests {
    static let seconds = "0.25"

    /// The probe files `brainkit-bench --probe-data` wrote for `network`, by name.
    static func probeFiles(_ folder: URL, _ network: String) throws -> [String: Data] {
        let directory = folder.appendingPathComponent(network)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: ["chain", "cconv64", "bg20", "pes-learning", "spa-sequence"])
    func probeDataIsBitIdenticalOnTwoAndThreeRanks(network: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brainkit-mpi-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--only", network, "--seconds", Self.seconds]
        let single = try MPILaunch(ranks: nil, arguments + ["--probe-data", folder.appendingPathComponent("1").path])
        #expect(single.status == 0, "\(single.errors)")
        let expected = try Self.probeFiles(folder.appendingPathComponent("1"), network)
        #expect(expected.count >= 2)
        #expect(expected.values.contains { $0.contains { $0 != 0 } })
        for ranks in [2, 3] {
            let run = try MPILaunch(
                ranks: ranks, arguments + ["--mpi", "--probe-data", folder.appendingPathComponent("\(ranks)").path])
            #expect(run.status == 0 && !run.timedOut, "\(ranks) ranks: \(run.output)\n\(run.errors)")
            #expect(run.output.contains("\(network): \(ranks) ranks"), "\(run.output)")
            let got = try Self.probeFiles(folder.appendingPathComponent("\(ranks)"), network)
            #expect(got.keys.sorted() == expected.keys.sorted())
            for (name, data) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(got[name] == data, "\(network) on \(ranks) ranks: \(name) differs")
            }
        }
    }

    @Test func aFailingNodeFunctionStopsEveryRank() throws {
        let run = try MPILaunch(
            ranks: 2, ["--mpi", "--only", "chain", "--seconds", "5", "--fail-rank", "1", "--fail-at-step", "40"],
            limit: 120)
        #expect(!run.timedOut, "the job did not stop")
        #expect(run.status != 0)
        #expect(run.errors.contains("DistributedSimulator: rank 1 of 2 failed at step 40"), "\(run.errors)")
        #expect(run.errors.contains("Node 'fault injection'"), "\(run.errors)")
        // Rank 0 alone prints the error every rank stops with.
        #expect(run.errors.components(separatedBy: "failed at step 40").count == 2, "\(run.errors)")
    }

    @Test func aKilledRankStopsEveryRank() throws {
        let run = try MPILaunch(
            ranks: 3, ["--mpi", "--only", "chain", "--seconds", "20", "--kill-rank", "2", "--fail-at-step", "40"],
            limit: 120)
        #expect(!run.timedOut, "the job did not stop")
        #expect(run.status != 0)
        let said = run.output + run.errors
        #expect(said.contains("rank 2") && said.contains("signal 9"), "\(said)")
    }
}

/// Without Open MPI, a distributed simulator is a typed error, not a crash.
@Suite("MPI binding")
struct MPIBindingTests {
    @Test func missingMPIIsATypedError() throws {
        setenv("BRAINKIT_MPI_LIBRARY", "/nonexistent/libmpi.so.40", 1)
        defer { unsetenv("BRAINKIT_MPI_LIBRARY") }
        let net = try Network(seed: 1)
        try net.ensemble(neurons: 10, dimensions: 1)
        let error = try #require(throws: BrainKitError.self) { try DistributedSimulator(net) }
        #expect(error.kind == .unavailable)
        #expect(error.object == "MPI")
        #expect(error.message.contains("/nonexistent/libmpi.so.40"))
    }
}
