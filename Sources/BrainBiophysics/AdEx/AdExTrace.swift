/// The result of ``AdEx/simulate(current:duration:dt:method:initialVoltage:initialAdaptation:)``:
/// one sample per step, taken at the start of the step (before its update, as Brian2's
/// `StateMonitor` records), and the spike times.
public struct AdExTrace: Sendable {
    /// The integration step (seconds).
    public let dt: Double
    /// Sample times `k dt` (seconds), k = 0, 1, ...
    public let times: [Double]
    /// Membrane potential `V` (volts) at each sample time. A sample never shows a value above
    /// `Vcut`: a step that crosses it is reset before the next sample.
    public let voltage: [Double]
    /// Adaptation current `w` (amperes) at each sample time.
    public let adaptation: [Double]
    /// Spike times (seconds): the start `t_k` of each step whose update took `V` above `Vcut`
    /// (Brian2's `SpikeMonitor` convention).
    public let spikeTimes: [Double]

    /// A trace from its samples and spike times.
    public init(dt: Double, times: [Double], voltage: [Double], adaptation: [Double], spikeTimes: [Double]) {
        self.dt = dt
        self.times = times
        self.voltage = voltage
        self.adaptation = adaptation
        self.spikeTimes = spikeTimes
    }
}
