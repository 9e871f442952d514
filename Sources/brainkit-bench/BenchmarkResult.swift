import Foundation
import BrainKit

/// One benchmark's runs over its seeds (and repetitions): times and per-seed metrics.
struct BenchmarkResult {
    let name: String
    let neurons: Int
    /// Threads asked for, and threads the simulator used (1 when the model is too small).
    let threads: Int
    let threadsUsed: Int
    let seconds: Double
    let seeds: [Int]
    /// One entry per run (seeds × repetitions).
    let buildSeconds: [Double]
    let runSecondsPerSimulatedSecond: [Double]
    /// metric name → one value per seed, in the order of ``seeds``.
    let metricsPerSeed: [String: [Double]]
    /// The process's peak resident memory (MB) when this benchmark finished: a high-water
    /// mark over the whole process, so it is this benchmark's own only when it runs first.
    let peakResidentMegabytes: Double
    /// Where a step went in an extra, untimed run (`--profile`).
    let profile: StepProfile?

    var medianBuildSeconds: Double { median(buildSeconds) }
    var medianRunSecondsPerSimulatedSecond: Double { median(runSecondsPerSimulatedSecond) }
    /// Neurons times steps (dt = 1 ms) per wall second at the median run time.
    var neuronStepsPerSecond: Double { Double(neurons) / (medianRunSecondsPerSimulatedSecond * 1e-3) }
    var metricNames: [String] { metricsPerSeed.keys.sorted() }

    func metricMean(_ name: String) -> Double {
        let values = metricsPerSeed[name]!
        return values.reduce(0, +) / Double(values.count)
    }

    func metricRange(_ name: String) -> (min: Double, max: Double) {
        let values = metricsPerSeed[name]!
        return (values.min()!, values.max()!)
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

// MARK: - Output

extension BenchmarkResult {
    /// The JSON list `bench/compare.py` reads, one object per benchmark: `name`, `neurons`,
    /// `build_s`, `run_s_per_sim_s` (medians over the runs), `neuron_steps_per_s`, `threads`,
    /// `metrics` (means over the seeds), and `metrics_min`, `metrics_max`, `metrics_per_seed`,
    /// `seeds`, `seconds`, `runs`, `build_s_min`, `run_s_per_sim_s_min`, `threads_used`,
    /// `peak_rss_mb`, `simulator`, and with `--profile` `profile` (`steps`, `kernels`: kind →
    /// µs per step per thread, `waiting`: µs per step per thread). Non-finite numbers are
    /// written as null.
    static func json(_ results: [BenchmarkResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(results.map(Record.init)), as: UTF8.self) + "\n"
    }

    static func text(_ results: [BenchmarkResult]) -> String {
        let rows = results.map { r in
            String(
                format: "%@ %7d neurons  build %7.3f s  run %8.4f s/sim-s (%6.1fx real time, %@ neuron-steps/s, peak %.0f MB)  %@",
                r.name.padding(toLength: 22, withPad: " ", startingAt: 0), r.neurons, r.medianBuildSeconds, r.medianRunSecondsPerSimulatedSecond,
                1 / r.medianRunSecondsPerSimulatedSecond, scientific(r.neuronStepsPerSecond), r.peakResidentMegabytes,
                r.metricsText)
        }
        let profiles = results.compactMap { r in r.profile.map { "\n\(r.name), profiled: \($0)" } }
        return (rows + profiles).joined(separator: "\n")
    }

    static func markdown(_ results: [BenchmarkResult]) -> String {
        var lines = [
            "| benchmark | neurons | threads | build s | run s per sim s | real-time factor | neuron-steps/s "
                + "| metrics (mean [min, max] over seeds) |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in results {
            lines.append(
                String(
                    format: "| %@ | %d | %d | %.3f | %.4f | %.1f | %@ | %@ |", r.name, r.neurons, r.threadsUsed,
                    r.medianBuildSeconds, r.medianRunSecondsPerSimulatedSecond,
                    1 / r.medianRunSecondsPerSimulatedSecond, scientific(r.neuronStepsPerSecond), r.metricsText))
        }
        return lines.joined(separator: "\n")
    }

    /// `name mean [min, max]` per metric.
    private var metricsText: String {
        metricNames.map { name in
            let range = metricRange(name)
            return String(format: "%@ %.4g [%.4g, %.4g]", name, metricMean(name), range.min, range.max)
        }.joined(separator: ", ")
    }

    private static func scientific(_ value: Double) -> String { String(format: "%.3g", value) }

    /// The JSON object of one result.
    private struct Record: Encodable {
        let name: String
        let neurons: Int
        let buildSeconds, runSecondsPerSimulatedSecond, neuronStepsPerSecond: Number
        let threads, threadsUsed: Int
        let metrics, metricsMin, metricsMax: [String: Number]
        let metricsPerSeed: [String: [Number]]
        let seeds: [Int]
        let seconds: Double
        let runs: Int
        let buildSecondsMin, runSecondsPerSimulatedSecondMin: Number
        let peakResidentMegabytes: Number
        let simulator = "BrainKit"
        let profile: Profile?

        init(_ r: BenchmarkResult) {
            name = r.name
            neurons = r.neurons
            buildSeconds = Number(r.medianBuildSeconds)
            runSecondsPerSimulatedSecond = Number(r.medianRunSecondsPerSimulatedSecond)
            neuronStepsPerSecond = Number(r.neuronStepsPerSecond)
            threads = r.threads
            threadsUsed = r.threadsUsed
            let names = r.metricNames
            metrics = Dictionary(uniqueKeysWithValues: names.map { ($0, Number(r.metricMean($0))) })
            metricsMin = Dictionary(uniqueKeysWithValues: names.map { ($0, Number(r.metricRange($0).min)) })
            metricsMax = Dictionary(uniqueKeysWithValues: names.map { ($0, Number(r.metricRange($0).max)) })
            metricsPerSeed = r.metricsPerSeed.mapValues { $0.map(Number.init) }
            seeds = r.seeds
            seconds = r.seconds
            runs = r.buildSeconds.count
            buildSecondsMin = Number(r.buildSeconds.min()!)
            runSecondsPerSimulatedSecondMin = Number(r.runSecondsPerSimulatedSecond.min()!)
            peakResidentMegabytes = Number(r.peakResidentMegabytes)
            profile = r.profile.map(Profile.init)
        }

        enum CodingKeys: String, CodingKey {
            case name, neurons, threads, metrics, seeds, seconds, runs, simulator
            case buildSeconds = "build_s", runSecondsPerSimulatedSecond = "run_s_per_sim_s"
            case neuronStepsPerSecond = "neuron_steps_per_s", threadsUsed = "threads_used"
            case metricsMin = "metrics_min", metricsMax = "metrics_max", metricsPerSeed = "metrics_per_seed"
            case buildSecondsMin = "build_s_min", runSecondsPerSimulatedSecondMin = "run_s_per_sim_s_min"
            case peakResidentMegabytes = "peak_rss_mb", profile
        }
    }

    /// `--profile`'s record: µs per step, by kind of kernel and thread.
    private struct Profile: Encodable {
        let steps: Int
        let kernels: [String: [Number]]
        let waiting: [Number]

        init(_ profile: StepProfile) {
            steps = profile.steps
            kernels = Dictionary(uniqueKeysWithValues: profile.entries.map { ($0.kind, $0.secondsPerStep.map { Number($0 * 1e6) }) })
            waiting = profile.waitingPerStep.map { Number($0 * 1e6) }
        }
    }

    /// A number written as JSON null when it is not finite (JSON has no NaN).
    private struct Number: Encodable {
        let value: Double
        init(_ value: Double) { self.value = value }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        }
    }
}
