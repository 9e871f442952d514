import ArgumentParser
import BrainKit
import Foundation

/// Builds and runs the standard networks over several seeds, timing build and run separately
/// (use a release build).
@main
struct BrainKitBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brainkit-bench",
        abstract: "Times BrainKit on standard NEF networks: build seconds, run seconds per simulated second, accuracy.",
        discussion: """
            Each benchmark runs once per seed (and --repeats times per seed); times are medians over \
            all runs, metrics are given per seed and as mean [min, max]. The same networks for \
            Nengo 4.1: bench/nengo/run.py; both side by side: bench/compare.py.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Run only these benchmarks (see --list).")
    var only: [String] = []

    @Option(name: .long, help: "Simulator threads.")
    var threads = 1

    @Option(name: .long, help: "Simulated seconds per run.")
    var seconds = 1.0

    @Option(name: .long, help: "The first network seed.")
    var seed = 0

    @Option(name: .long, help: "A count of seeds from --seed on (3), or a comma-separated list (0,4,9).")
    var seeds = "3"

    @Option(name: .long, help: "Runs per seed; times are medians over all runs.")
    var repeats = 1

    @Flag(name: .long, help: "Smoke test: one seed, one run of 0.2 simulated seconds.")
    var quick = false

    @Option(name: .long, help: "Write the results (with --partition-report: the reports) as JSON to this file.")
    var json: String?

    @Flag(name: .long, help: "Print a Markdown table instead of plain text.")
    var markdown = false

    @Flag(name: .long, help: """
        After the timed runs, run the first seed once more with every kernel timed, and print \
        where a step goes (µs per step by kind of kernel and thread).
        """)
    var profile = false

    @Flag(name: .long, help: "List the benchmarks and exit.")
    var list = false

    @Flag(name: .long, help: """
        Run each benchmark once (the first seed) across the processes of an MPI job, launched \
        by `mpirun -np N brainkit-bench --mpi ...`, --threads threads per process; rank 0 prints \
        build and run times and the values the ranks exchange per step.
        """)
    var mpi = false

    @Option(name: .long, help: """
        Run each benchmark once (the first seed) and write every probe's data to \
        DIR/<benchmark>/probe-<k>.f64 (k: the probe's position in the network; row-major \
        little-endian Float64); with --mpi, rank 0 writes.
        """)
    var probeData: String?

    @Option(name: .long, help: """
        Run nothing: build each benchmark's structure (no decoder solves) and print how a \
        distributed run splits it across each of these rank counts (comma-separated, e.g. \
        1,2,4,8): the largest rank load (signal elements touched per step), and the most \
        messages and values one rank sends and receives per step.
        """)
    var partitionReport: String?

    @Option(name: .long, help: ArgumentHelp("With --mpi: a node pinned to this rank fails (NaN) from --fail-at-step on.", visibility: .hidden))
    var failRank: Int?

    @Option(name: .long, help: ArgumentHelp("With --mpi: this rank kills itself (SIGKILL) at --fail-at-step.", visibility: .hidden))
    var killRank: Int?

    @Option(name: .long, help: ArgumentHelp("The step of --fail-rank and --kill-rank.", visibility: .hidden))
    var failAtStep = 50

    mutating func run() throws {
        if list {
            for network in StandardNetwork.all { print("\(network.name): \(network.summary)") }
            for network in StandardNetwork.extra { print("\(network.name): \(network.summary) (only with --only)") }
            return
        }
        let known = StandardNetwork.all + StandardNetwork.extra
        let unknown = Set(only).subtracting(known.map(\.name))
        guard unknown.isEmpty else {
            throw ValidationError("unknown benchmark(s): \(unknown.sorted().joined(separator: ", "))")
        }
        let selected = only.isEmpty ? StandardNetwork.all : only.compactMap { name in known.first { $0.name == name } }
        if let partitionReport {
            guard let counts = PartitionReport.rankCounts(parsing: partitionReport) else {
                throw ValidationError("--partition-report: expected rank counts >= 1, comma-separated, got '\(partitionReport)'")
            }
            try PartitionReportRun(options: self).run(selected, rankCounts: counts)
            return
        }
        if mpi {
            try DistributedRun(options: self).run(selected)
            return
        }
        if let probeData {
            for network in selected {
                let (net, _) = try network.make(seed, seconds)
                let sim = try Simulator(net, threads: threads)
                try sim.run(seconds: seconds)
                try ProbeDataFiles.write(net.allProbes, of: network.name, to: probeData) { try sim.data($0) }
                sim.close()
            }
            return
        }
        let seedList = quick ? [seed] : try parsedSeeds()
        let repetitions = quick ? 1 : max(repeats, 1)
        let simulated = quick ? 0.2 : seconds

        var results: [BenchmarkResult] = []
        for network in selected {
            results.append(try measure(network, seeds: seedList, repetitions: repetitions, seconds: simulated))
        }
        progress("")
        print(markdown ? BenchmarkResult.markdown(results) : BenchmarkResult.text(results))
        if let json {
            try BenchmarkResult.json(results).write(toFile: json, atomically: true, encoding: .utf8)
        }
    }

    /// Runs `network` once per seed and repetition: build and run timed apart, metrics per seed.
    private func measure(
        _ network: StandardNetwork, seeds: [Int], repetitions: Int, seconds: Double
    ) throws -> BenchmarkResult {
        var builds: [Double] = [], runs: [Double] = []
        var metrics: [String: [Double]] = [:]
        var neurons = 0, threadsUsed = threads
        let total = seeds.count * repetitions
        for (index, seed) in seeds.enumerated() {
            var scores: [String: Double] = [:]
            for repetition in 0..<repetitions {
                progress("brainkit \(network.name): seed \(seed) (\(index * repetitions + repetition + 1)/\(total))")
                let (net, score) = try network.make(seed, seconds)
                neurons = net.neuronCount
                let start = DispatchTime.now()
                let sim = try Simulator(net, threads: threads)
                let built = DispatchTime.now()
                try sim.run(seconds: seconds)
                let finished = DispatchTime.now()
                builds.append(Double(built.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                runs.append(Double(finished.uptimeNanoseconds - built.uptimeNanoseconds) / 1e9 / seconds)
                threadsUsed = sim.threads
                scores = try score(sim)
                sim.close()
            }
            for (name, value) in scores { metrics[name, default: []].append(value) }
        }
        return BenchmarkResult(
            name: network.name, neurons: neurons, threads: threads, threadsUsed: threadsUsed, seconds: seconds,
            seeds: seeds, buildSeconds: builds, runSecondsPerSimulatedSecond: runs, metricsPerSeed: metrics,
            peakResidentMegabytes: peakResidentMegabytes(),
            profile: profile ? try profiled(network, seed: seeds[0], seconds: seconds) : nil)
    }

    /// One more run of `network`, untimed, with every kernel timed (``Simulator/startProfiling()``).
    private func profiled(_ network: StandardNetwork, seed: Int, seconds: Double) throws -> StepProfile? {
        progress("brainkit \(network.name): seed \(seed), profiled")
        let (net, _) = try network.make(seed, seconds)
        let sim = try Simulator(net, threads: threads)
        sim.startProfiling()
        try sim.run(seconds: seconds)
        defer { sim.close() }
        return sim.profile
    }

    /// `--seeds N` (N seeds from `--seed` on) or `--seeds A,B,C`.
    private func parsedSeeds() throws -> [Int] {
        if seeds.contains(",") {
            let list = seeds.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard list.count == seeds.split(separator: ",").count, !list.isEmpty else {
                throw ValidationError("--seeds: expected a count or a comma-separated list of integers, got '\(seeds)'")
            }
            return list
        }
        guard let count = Int(seeds), count >= 1 else {
            throw ValidationError("--seeds: expected a count >= 1 or a comma-separated list, got '\(seeds)'")
        }
        return Array(seed..<(seed + count))
    }

    /// The process's peak resident set so far (MB), from `getrusage` (Linux reports KiB).
    private func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Overwrites the progress line on standard error.
    private func progress(_ line: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }
}
