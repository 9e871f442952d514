import Foundation

/// One benchmark's figures, as printed and as written to JSON.
struct BenchmarkResult {
    let name: String
    let neurons: Int
    let buildSeconds: Double
    let runSecondsPerSimulatedSecond: Double
    let neuronStepsPerSecond: Double
    let threads: Int
    let metrics: [String: Double]

    /// `[{"name", "neurons", "build_s", "run_s_per_sim_s", "neuron_steps_per_s", "threads",
    /// "metrics": {...}}]`
    static func json(_ results: [BenchmarkResult]) -> String {
        let objects = results.map { r -> String in
            let metrics = r.metrics.keys.sorted().map { "\"\($0)\": \(number(r.metrics[$0]!))" }.joined(separator: ", ")
            return """
                {"name": "\(r.name)", "neurons": \(r.neurons), "build_s": \(number(r.buildSeconds)), \
                "run_s_per_sim_s": \(number(r.runSecondsPerSimulatedSecond)), \
                "neuron_steps_per_s": \(number(r.neuronStepsPerSecond)), "threads": \(r.threads), \
                "metrics": {\(metrics)}}
                """
        }
        return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
    }

    static func text(_ results: [BenchmarkResult]) -> String {
        results.map { r in
            String(
                format: "%-12@ %8d neurons  build %7.3f s  run %8.4f s/sim-s (%6.1fx real time)  %@",
                r.name, r.neurons, r.buildSeconds, r.runSecondsPerSimulatedSecond, 1 / r.runSecondsPerSimulatedSecond,
                metricsText(r.metrics))
        }.joined(separator: "\n")
    }

    static func markdown(_ results: [BenchmarkResult]) -> String {
        var lines = [
            "| benchmark | neurons | threads | build s | run s per sim s | real-time factor | metrics |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for r in results {
            lines.append(
                String(
                    format: "| %@ | %d | %d | %.3f | %.4f | %.1f | %@ |", r.name, r.neurons, r.threads, r.buildSeconds,
                    r.runSecondsPerSimulatedSecond, 1 / r.runSecondsPerSimulatedSecond, metricsText(r.metrics)))
        }
        return lines.joined(separator: "\n")
    }

    private static func metricsText(_ metrics: [String: Double]) -> String {
        metrics.keys.sorted().map { String(format: "%@ %.4f", $0, metrics[$0]!) }.joined(separator: ", ")
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}
