import ArgumentParser
import BrainCore
import BrainKit
import Foundation
import SpaunLite

extension SpaunLiteCommand {
    /// `spaun-lite partition --dimensions 512 --ranks 1,2,4`: how a distributed run splits the
    /// model across those rank counts (``PartitionReport``), without solving a decoder or
    /// running a step.
    struct Partition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print how a distributed run splits the model across each rank count (no solves, no run).")

        @Option(help: "Rank counts, comma-separated.")
        var ranks = PartitionReport.defaultRankCounts

        @OptionGroup var options: ModelOptions

        @Option(help: "Write the report as JSON to this file.")
        var json: String?

        func run() throws {
            guard let counts = PartitionReport.rankCounts(parsing: ranks) else {
                throw ValidationError("--ranks: expected rank counts >= 1, comma-separated, got '\(ranks)'")
            }
            let model = try options.model()
            let report = try PartitionReport(name: "spaun-lite-d\(options.dimensions)", model.network, rankCounts: counts)
            print(report.table)
            if let json { try report.json().write(toFile: json, atomically: true, encoding: .utf8) }
        }
    }
}
