import BrainCore
import BrainKit
import Foundation

/// `brainkit-bench --partition-report 1,2,4`: how each benchmark (built from --seed) splits
/// across those rank counts, as a distributed run would split it; a table per benchmark, and
/// with --json a JSON list of the reports (``PartitionReport/json()``).
struct PartitionReportRun {
    let options: BrainKitBench

    func run(_ networks: [StandardNetwork], rankCounts: [Int]) throws {
        var reports: [String] = []
        for network in networks {
            let (net, _) = try network.make(options.seed, options.seconds)
            let report = try PartitionReport(name: network.name, net, rankCounts: rankCounts)
            print(report.table)
            reports.append(try report.json().trimmingCharacters(in: .newlines))
        }
        if let json = options.json {
            try ("[\n" + reports.joined(separator: ",\n") + "\n]\n").write(toFile: json, atomically: true, encoding: .utf8)
        }
    }
}
