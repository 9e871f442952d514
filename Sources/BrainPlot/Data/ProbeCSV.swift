import Foundation
import BrainCore

/// One probe's data as CSV: a header row, then one row per sample with the time in seconds
/// and one column per recorded dimension (`time,x0,x1`). Numbers are written in Swift's
/// shortest form that reads back to the same `Double` (`0.001`, `-0.25`, `1e-05`); lines end
/// with `\n`; a header name with a comma, quote or newline is quoted (RFC 4180).
public enum ProbeCSV {
    /// The CSV text of `data` (samples × dimensions) against `times`.
    /// - Parameters:
    ///   - times: the sample times (s), one per row of `data`.
    ///   - data: samples × columns.
    ///   - header: the names of the data columns; by default `x0`, `x1`, …
    /// - Throws: `BrainKitError` (`.validation`) when `times` and the rows of `data` differ in
    ///   count, there are no samples, the header does not match the columns, or a value is
    ///   NaN or infinite.
    public static func text(times: [Double], data: Matrix, header: [String]? = nil) throws(BrainKitError) -> String {
        try DataCheck.matrix(data, "ProbeCSV", "data")
        try DataCheck.sameCount(times.count, data.rows, "ProbeCSV", "times", "data (rows)")
        try DataCheck.plottable(times, "ProbeCSV", "times")
        try DataCheck.plottable(data.values, "ProbeCSV", "data")
        let names = header ?? (0..<data.columns).map { "x\($0)" }
        try DataCheck.sameCount(names.count, data.columns, "ProbeCSV", "header", "data (columns)")
        var lines = [(["time"] + names).map(quoted).joined(separator: ",")]
        lines.reserveCapacity(data.rows + 1)
        for row in 0..<data.rows {
            var fields = ["\(times[row])"]
            for column in 0..<data.columns { fields.append("\(data.values[row * data.columns + column])") }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes what `probe` recorded in `sim` to `url`, against the probe's sample times.
    /// - Throws: `BrainKitError`: `.validation` for a probe not in the network, without
    ///   samples, or with NaN data; `.io` when the file cannot be written.
    public static func write(_ sim: Simulator, _ probe: Probe, to url: URL, header: [String]? = nil)
        throws(BrainKitError)
    {
        let text = try text(
            times: sim.trange(sampleEvery: probe.sampleEvery), data: try ProbeData.checked(sim, probe), header: header)
        try FileOutput.write(text, to: url, object: "ProbeCSV")
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
