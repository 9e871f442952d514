import Foundation
import Testing

@testable import BrainCore

/// A rank that fails or dies while running, with `brainkit-mpi-fault` (built beside the tests)
/// on 3 processes: every rank stops with the same error naming the failing rank, and the data
/// recorded before the failure stays readable, equal to a single-process run's. Skipped
/// (saying so) when Open MPI's `mpirun` is not installed.
@Suite(
    "Rank failures", .serialized,
    .enabled(if: MPILaunch.mpirun != nil, "mpirun is not installed (apt-get install openmpi-bin)"))
struct RankFailureTests {
    static let program = "brainkit-mpi-fault"

    /// The probe data files `brainkit-mpi-fault` wrote in `folder`, by probe position (files
    /// `<prefix>-<k>.f64`).
    static func matrices(_ folder: URL, prefix: String) throws -> [Int: Matrix] {
        var found: [Int: Matrix] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix(prefix + "-") && name.hasSuffix(".f64") {
            let k = try #require(Int(name.dropFirst(prefix.count + 1).dropLast(4)))
            let shape = try String(
                contentsOf: folder.appendingPathComponent("\(prefix)-\(k).shape"), encoding: .utf8
            ).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let values = bytes.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
            found[k] = Matrix(rows: shape[0], columns: shape[1], values: values)
        }
        return found
    }

    /// The `.npy` files of a stream directory, by probe position (the names' 3-digit prefix).
    static func streamFiles(_ folder: URL) throws -> [Int: Matrix] {
        var found: [Int: Matrix] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".npy") {
            let k = try #require(Int(name.prefix(3)))
            found[k] = try NPYStreamFile.read(folder.appendingPathComponent(name), object: name)
        }
        return found
    }

    /// Whether `got` holds exactly the first rows of `expected`, bit for bit.
    static func isPrefix(_ got: Matrix, of expected: Matrix) -> Bool {
        got.columns == expected.columns && got.rows <= expected.rows
            && got.values.map(\.bitPattern) == expected.values.prefix(got.values.count).map(\.bitPattern)
    }

    static func text(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing \(url.lastPathComponent))"
    }

    @Test(arguments: ["memory", "stream"])
    func aFailingNodeStopsEveryRankWithTheDataBeforeIt(storage: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brainkit-mpi-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Step 48: ranks 0 and 2 write their streams out at that step (every 16), and take it back.
        let single = try MPILaunch(ranks: nil, ["single-fail", folder.path, "48"], executable: Self.program)
        #expect(single.status == 0, "\(single.errors)")
        let expected = try Self.matrices(folder.appendingPathComponent("single"), prefix: "probe")
        #expect(expected.count == 10)
        #expect(expected[1]?.rows == 47, "the single-process run keeps the rows before the failing step")

        let run = try MPILaunch(
            ranks: 3, ["distributed-fail", folder.path, "48", "1", storage], executable: Self.program, limit: 180)
        #expect(!run.timedOut, "the job did not stop")
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        var recorders: [Int: Int] = [:]
        var errors: Set<String> = []
        for rank in 0..<3 {
            let mine = folder.appendingPathComponent("rank-\(rank)")
            let error = Self.text(mine.appendingPathComponent("error.txt"))
            errors.insert(error)
            #expect(error.hasPrefix("simulation DistributedSimulator: rank 1 of 3 failed at step 48 "), "\(error)")
            #expect(error.contains("Node 'fault injection'"), "\(error)")
            let refused = Self.text(mine.appendingPathComponent("refused.txt"))
            #expect(refused.hasPrefix("simulation ") && refused.contains("reset(seed:)"), "\(refused)")
            #expect(Self.text(mine.appendingPathComponent("reset.txt")) == "true 10")

            let local = try Self.matrices(mine, prefix: "local")
            for (k, data) in local {
                #expect(recorders.updateValue(rank, forKey: k) == nil, "probe \(k) recorded on two ranks")
                #expect(data.rows == expected[k]?.rows, "rank \(rank), probe \(k): \(data.rows) rows")
                #expect(expected[k].map { Self.isPrefix(data, of: $0) } == true, "rank \(rank), probe \(k) differs")
            }
            let collected = try Self.matrices(mine, prefix: "probe")
            #expect(collected.count == expected.count)
            for (k, data) in collected {
                #expect(data.rows == expected[k]?.rows, "rank \(rank), probe \(k): \(data.rows) rows")
                #expect(expected[k].map { Self.isPrefix(data, of: $0) } == true, "rank \(rank), probe \(k) differs")
            }
        }
        #expect(errors.count == 1, "every rank throws the same error: \(errors)")
        #expect(recorders.count == expected.count)
        #expect(Set(recorders.values) == [0, 1, 2], "every rank recorded some probe: \(recorders)")
        if storage == "stream" {
            let files = try Self.streamFiles(folder.appendingPathComponent("stream-at-failure"))
            #expect(files.count == expected.count)
            for (k, data) in files {
                #expect(data.rows == expected[k]?.rows, "stream file of probe \(k): \(data.rows) rows")
                #expect(expected[k].map { Self.isPrefix(data, of: $0) } == true, "stream file of probe \(k) differs")
            }
        }
    }

    @Test func aKilledRankLeavesTheStreamedDataReadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brainkit-mpi-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = try MPILaunch(ranks: nil, ["single-run", folder.path, "450"], executable: Self.program)
        #expect(single.status == 0, "\(single.errors)")
        let expected = try Self.matrices(folder.appendingPathComponent("single"), prefix: "probe")
        #expect(expected[1]?.rows == 450)

        // Rank 2 dies after 250 steps; every rank wrote its files out at step 200.
        let run = try MPILaunch(
            ranks: 3, ["distributed-kill", folder.path, "250", "2"], executable: Self.program, limit: 180)
        #expect(!run.timedOut, "the job did not stop")
        #expect(run.status != 0)
        let said = run.output + run.errors
        #expect(said.contains("rank 2") && said.contains("signal 9"), "\(said)")
        let owners = Self.text(folder.appendingPathComponent("owners.txt")).split(separator: "\n").map {
            $0.split(separator: " ").compactMap { Int($0) }
        }
        let survivors = owners.filter { $0.count == 2 && $0[1] != 2 }.map { $0[0] }
        #expect(owners.count == expected.count)
        #expect(survivors.count >= 4, "\(owners)")
        let files = try Self.streamFiles(folder.appendingPathComponent("stream"))
        for k in survivors {
            let data = try #require(files[k], "probe \(k): no file")
            let rows = 200 / (k == 7 ? 3 : 1)
            #expect(data.rows >= rows && data.rows <= 251, "probe \(k): \(data.rows) rows")
            #expect(expected[k].map { Self.isPrefix(data, of: $0) } == true, "probe \(k) differs")
        }
    }
}
