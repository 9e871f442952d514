import BrainKit
import Foundation

/// Probe data as files, for comparing runs bit for bit: `DIR/<benchmark>/probe-<k>.f64`, the
/// k-th probe of the network (in `Network.allProbes` order) as row-major little-endian
/// Float64, with a first line `probe-<k>.shape` holding "rows columns".
enum ProbeDataFiles {
    static func write(
        _ probes: [Probe], of benchmark: String, to directory: String, data: (Probe) throws -> Matrix
    ) throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(benchmark, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (k, probe) in probes.enumerated() {
            let matrix = try data(probe)
            let bytes = matrix.values.withUnsafeBytes { Data($0) }
            try bytes.write(to: folder.appendingPathComponent("probe-\(k).f64"))
            try "\(matrix.rows) \(matrix.columns)\n".write(
                to: folder.appendingPathComponent("probe-\(k).shape"), atomically: true, encoding: .utf8)
        }
    }
}
