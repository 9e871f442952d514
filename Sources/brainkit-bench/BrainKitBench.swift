import ArgumentParser
import BrainKit
import Foundation

/// Builds and runs standard networks, timing build and run separately (release build).
@main
struct BrainKitBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brainkit-bench",
        abstract: "Times BrainKit on standard NEF networks: build seconds, run seconds per simulated second.")

    @Option(name: .long, parsing: .upToNextOption, help: "Run only these benchmarks.")
    var only: [String] = []

    @Option(name: .long, help: "Simulator threads.")
    var threads = 1

    @Option(name: .long, help: "Simulated seconds per run.")
    var seconds = 1.0

    @Option(name: .long, help: "Network seed.")
    var seed = 0

    @Option(name: .long, help: "Repetitions; the median is reported.")
    var repeats = 3

    @Flag(name: .long, help: "One repetition of 0.2 simulated seconds.")
    var quick = false

    @Option(name: .long, help: "Write the results as JSON to this file.")
    var json: String?

    @Flag(name: .long, help: "Print a Markdown table instead of plain text.")
    var markdown = false

    @Flag(name: .long, help: "List the benchmarks and exit.")
    var list = false

    mutating func run() throws {
        if list {
            for network in StandardNetwork.all { print("\(network.name): \(network.summary)") }
            return
        }
        let names = Set(only)
        let unknown = names.subtracting(StandardNetwork.all.map(\.name))
        guard unknown.isEmpty else {
            throw ValidationError("unknown benchmark(s): \(unknown.sorted().joined(separator: ", "))")
        }
        let selected = StandardNetwork.all.filter { names.isEmpty || names.contains($0.name) }
        let simulated = quick ? 0.2 : seconds
        let repetitions = quick ? 1 : max(repeats, 1)

        var results: [BenchmarkResult] = []
        for network in selected {
            var builds: [Double] = [], runs: [Double] = []
            var metrics: [String: Double] = [:]
            var neurons = 0
            for repetition in 1...repetitions {
                progress("\(network.name): repetition \(repetition)/\(repetitions)")
                let (net, score) = try network.make(seed)
                neurons = net.neuronCount
                let start = DispatchTime.now()
                let sim = try Simulator(net, threads: threads)
                let built = DispatchTime.now()
                try sim.run(seconds: simulated)
                let finished = DispatchTime.now()
                builds.append(Double(built.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                runs.append(Double(finished.uptimeNanoseconds - built.uptimeNanoseconds) / 1e9 / simulated)
                metrics = try score(sim)
                sim.close()
            }
            let run = median(runs)
            results.append(
                BenchmarkResult(
                    name: network.name, neurons: neurons, buildSeconds: median(builds), runSecondsPerSimulatedSecond: run,
                    neuronStepsPerSecond: Double(neurons) / (run * 1e-3) , threads: threads, metrics: metrics))
        }
        progress("")
        print(markdown ? BenchmarkResult.markdown(results) : BenchmarkResult.text(results))
        if let json {
            try BenchmarkResult.json(results).write(toFile: json, atomically: true, encoding: .utf8)
        }
    }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
