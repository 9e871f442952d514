import BrainCore

/// Voltages recorded by ``CellSimulation/run(duration:initialVoltage:recording:)``.
public struct VoltageRecording: Sendable {
    /// The recorded points, in the order of ``voltages``.
    public let locations: [SectionLocation]
    /// Sample times (ms): 0, then after every step.
    public let time: [Double]
    /// One trace (mV) per location, sampled at ``time``.
    public let voltages: [[Double]]

    /// The trace at `location`, or nil if it was not recorded.
    public func voltage(at location: SectionLocation) -> [Double]? {
        locations.firstIndex(of: location).map { voltages[$0] }
    }

    /// Spike times (ms) at `location` by ``SpikeDetection/upwardCrossings(time:voltage:threshold:)``
    /// (empty if the location was not recorded).
    public func spikeTimes(at location: SectionLocation, threshold: Double = 0) -> [Double] {
        guard let trace = voltage(at: location) else { return [] }
        return SpikeDetection.upwardCrossings(time: time, voltage: trace, threshold: threshold)
    }
}

/// Spike detection on a sampled voltage trace.
public enum SpikeDetection {
    /// The times at which `voltage` crosses `threshold` (mV) upwards: for each sample `k` with
    /// `voltage[k−1] < threshold ≤ voltage[k]`, the crossing time interpolated linearly between
    /// the two samples, `t[k−1] + (threshold − v[k−1]) / (v[k] − v[k−1]) · (t[k] − t[k−1])`.
    public static func upwardCrossings(time: [Double], voltage: [Double], threshold: Double = 0) -> [Double] {
        var spikes: [Double] = []
        let count = min(time.count, voltage.count)
        guard count >= 2 else { return spikes }
        for k in 1..<count where voltage[k - 1] < threshold && voltage[k] >= threshold {
            let fraction = (threshold - voltage[k - 1]) / (voltage[k] - voltage[k - 1])
            spikes.append(time[k - 1] + fraction * (time[k] - time[k - 1]))
        }
        return spikes
    }
}
