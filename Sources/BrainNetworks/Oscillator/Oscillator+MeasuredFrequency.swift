import BrainCore
import Foundation

extension Oscillator {
    /// The frequency in Hz at which a recorded 2-D state turns: the least-squares slope of its
    /// unwrapped phase `φ = atan2(x₁, x₀)` against time over the samples with `t > start`,
    /// divided by 2π. Positive for counterclockwise turning (x₀ towards x₁), as
    /// ``Oscillator`` and ``ControlledOscillator`` turn for positive ω.
    ///
    /// Phase steps between consecutive samples are taken in (−π, π], so samples must come
    /// faster than two per half turn. Unlike counting zero crossings, the slope is not fooled by
    /// spike noise when the trajectory passes near an axis.
    ///
    /// - Parameters:
    ///   - states: one row per sample; columns 0 and 1 are x₀ and x₁ (e.g. `sim.data(probe)`).
    ///   - times: the sample times in seconds (e.g. `sim.trange()`).
    ///   - start: only samples after this time (seconds) count.
    /// - Throws: `BrainKitError` when `states` has fewer than 2 columns, `times` does not
    ///   have one entry per row, or fewer than 2 samples lie after `start`.
    public static func measuredFrequency(of states: Matrix, times: [Double], after start: Double) throws(BrainKitError)
        -> Double
    {
        let object = "Oscillator.measuredFrequency"
        guard states.columns >= 2 else {
            throw .validation(object, "states", "needs 2 columns (x₀, x₁), got \(states.columns)")
        }
        guard times.count == states.rows else {
            throw .validation(object, "times", "must have one time per row (\(states.rows)), got \(times.count)")
        }
        let rows = times.indices.filter { times[$0] > start }
        guard rows.count >= 2 else {
            throw .validation(object, "start", "leaves \(rows.count) samples; need at least 2")
        }
        var phases: [Double] = []
        phases.reserveCapacity(rows.count)
        var previous = 0.0
        for row in rows {
            let raw = atan2(states[row, 1], states[row, 0])
            guard let last = phases.last else {
                phases.append(raw)
                previous = raw
                continue
            }
            var step = raw - previous
            step -= 2 * Double.pi * (step / (2 * Double.pi)).rounded()
            phases.append(last + step)
            previous = raw
        }
        let t = rows.map { times[$0] }
        let meanT = t.reduce(0, +) / Double(t.count)
        let meanPhase = phases.reduce(0, +) / Double(phases.count)
        var covariance = 0.0, variance = 0.0
        for (time, phase) in zip(t, phases) {
            covariance += (time - meanT) * (phase - meanPhase)
            variance += (time - meanT) * (time - meanT)
        }
        return covariance / variance / (2 * Double.pi)
    }
}
