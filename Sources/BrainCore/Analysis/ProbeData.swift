import Foundation

/// What a probe recorded, with the time of each sample: the helpers every analysis needs
/// (a time window, the mean, the RMSE against a reference, filtering), so that probe data is
/// not taken apart by hand.
///
/// ```swift
/// let x = try sim.probeData(xProbe)
/// let settled = x.window(from: 0.5, to: 1.0)
/// print(settled.mean, try settled.rmse(against: { t in [sin(t)] }))
/// let smooth = try x.filtered(with: Lowpass(0.01))
/// ```
public struct ProbeData: Sendable {
    /// The sample times (seconds), one per row of ``values``, increasing.
    public let times: [Double]
    /// The samples: one row per time, one column per recorded value.
    public let values: Matrix

    /// - Throws: ``BrainKitError`` (validation, `ProbeData`, `times`) when there is not one
    ///   time per row of `values`.
    public init(times: [Double], values: Matrix) throws(BrainKitError) {
        guard times.count == values.rows else {
            throw .validation(
                "ProbeData", "times", "must have one time per row of values (\(values.rows)), got \(times.count)")
        }
        self.times = times
        self.values = values
    }

    /// The samples with `start <= t <= end`.
    public func window(from start: Double, to end: Double) -> ProbeData {
        let rows = times.indices.filter { times[$0] >= start && times[$0] <= end }
        return ProbeData(checkedTimes: rows.map { times[$0] }, values: values.selectingRows(rows))
    }

    /// The mean of each column over the samples (empty data: zeros).
    public var mean: [Double] {
        guard values.rows > 0 else { return [Double](repeating: 0, count: values.columns) }
        var sums = [Double](repeating: 0, count: values.columns)
        for r in 0..<values.rows {
            for c in 0..<values.columns { sums[c] += values[r, c] }
        }
        return sums.map { $0 / Double(values.rows) }
    }

    /// The root-mean-square difference from `reference(t)` over every sample and column.
    /// - Throws: ``BrainKitError`` (validation, `ProbeData`, `reference`) when the reference
    ///   does not give one value per column, or there are no samples.
    public func rmse(against reference: (Double) -> [Double]) throws(BrainKitError) -> Double {
        guard values.rows > 0 else { throw .validation("ProbeData", "values", "has no samples to compare") }
        var sum = 0.0
        for (r, t) in times.enumerated() {
            let expected = reference(t)
            guard expected.count == values.columns else {
                throw .validation(
                    "ProbeData", "reference",
                    "must give \(values.columns) values at each time, gave \(expected.count) at t = \(t)")
            }
            for c in 0..<values.columns { sum += (values[r, c] - expected[c]) * (values[r, c] - expected[c]) }
        }
        return (sum / Double(values.count)).squareRoot()
    }

    /// The root-mean-square difference from `reference`, sample by sample (same shape).
    /// - Throws: ``BrainKitError`` (validation, `ProbeData`, `reference`) for another shape.
    public func rmse(against reference: Matrix) throws(BrainKitError) -> Double {
        guard reference.rows == values.rows, reference.columns == values.columns else {
            throw .validation(
                "ProbeData", "reference",
                "must be \(values.rows)x\(values.columns) like the data, got \(reference.rows)x\(reference.columns)")
        }
        guard values.rows > 0 else { throw .validation("ProbeData", "values", "has no samples to compare") }
        var sum = 0.0
        for (value, expected) in zip(values.values, reference.values) { sum += (value - expected) * (value - expected) }
        return (sum / Double(values.count)).squareRoot()
    }

    /// Every column run through `synapse` from rest (Nengo's `synapse.filt`), the samples
    /// taken as evenly spaced by the first interval (or `dt` when given).
    /// - Throws: ``BrainKitError`` when the synapse cannot be discretised for the interval.
    public func filtered(with synapse: any Synapse, dt: Double? = nil) throws(BrainKitError) -> ProbeData {
        let step = dt ?? (times.count > 1 ? times[1] - times[0] : 0.001)
        return ProbeData(checkedTimes: times, values: try synapse.filter(values, dt: step))
    }

    private init(checkedTimes: [Double], values: Matrix) {
        self.times = checkedTimes
        self.values = values
    }
}

extension Matrix {
    /// The number of elements (`rows × columns`).
    var count: Int { rows * columns }
}

extension Simulator {
    /// What `probe` recorded, with the times of its samples (``trange(sampleEvery:)`` at its
    /// `sampleEvery`).
    /// - Throws: ``BrainKitError`` as ``data(_:)``.
    public func probeData(_ probe: Probe) throws(BrainKitError) -> ProbeData {
        let values = try data(probe)
        return try ProbeData(times: trange(sampleEvery: probe.sampleEvery), values: values)
    }
}
