import Foundation

/// A single-cell run as the demo reports it, whichever model produced it: one sample per
/// step (time in ms, V in mV, w in nA) and the spike times (ms).
struct DemoTrace {
    /// What produced the trace, for the human-readable lines.
    let source: String
    let timesMs: [Double]
    let voltageMV: [Double]
    let adaptationNA: [Double]
    let spikeTimesMs: [Double]

    /// Inter-spike intervals (ms).
    var interSpikeIntervalsMs: [Double] {
        zip(spikeTimesMs.dropFirst(), spikeTimesMs).map { $0 - $1 }
    }

    /// Writes `t_ms,v_mV,w_nA`, one row per sample.
    func writeCSV(to path: String) throws {
        var text = "t_ms,v_mV,w_nA\n"
        text.reserveCapacity(timesMs.count * 40)
        for k in timesMs.indices {
            text += "\(rounded(timesMs[k], 6)),\(rounded(voltageMV[k], 6)),\(rounded(adaptationNA[k], 8))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The human-readable summary lines.
    var summaryLines: [String] {
        let isis = interSpikeIntervalsMs
        var lines = [
            "\(source): \(spikeTimesMs.count) spikes in \(rounded((timesMs.last ?? 0) + step, 6)) ms",
            "first spike times (ms): " + spikeTimesMs.prefix(5).map { "\(rounded($0, 4))" }.joined(separator: ", "),
        ]
        if let first = isis.first, let last = isis.last {
            lines.append(
                "inter-spike interval: first \(rounded(first, 4)) ms, last \(rounded(last, 4)) ms "
                    + "(adapted rate \(rounded(1000 / last, 2)) Hz)")
        }
        lines.append(
            "V range over the samples: \(rounded(voltageMV.min() ?? .nan, 4)) .. \(rounded(voltageMV.max() ?? .nan, 4)) mV "
                + "(samples precede each step's update, so a spike's value above Vcut is never recorded)")
        return lines
    }

    /// The last line: `{"spike_count", "first_spike_times_ms", "first_isi_ms", "last_isi_ms",
    /// "v_min_mV", "v_max_mV"}` (an ISI is null with fewer than two spikes).
    var summaryJSON: String {
        let isis = interSpikeIntervalsMs
        let firstFive = spikeTimesMs.prefix(5).map { json(rounded($0, 6)) }.joined(separator: ", ")
        return "{\"spike_count\": \(spikeTimesMs.count), \"first_spike_times_ms\": [\(firstFive)], "
            + "\"first_isi_ms\": \(json(isis.first.map { rounded($0, 6) })), "
            + "\"last_isi_ms\": \(json(isis.last.map { rounded($0, 6) })), "
            + "\"v_min_mV\": \(json(voltageMV.min().map { rounded($0, 6) })), "
            + "\"v_max_mV\": \(json(voltageMV.max().map { rounded($0, 6) }))}"
    }

    /// The sample spacing (ms).
    private var step: Double { timesMs.count > 1 ? timesMs[1] - timesMs[0] : 0 }

    private func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    private func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }
}
