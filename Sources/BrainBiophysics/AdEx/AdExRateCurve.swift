import BrainCore
import Foundation
import Synchronization

/// The steady firing rate of an ``AdEx`` cell as a function of a constant input current `J`
/// (nA), measured by simulation and cached per parameter set.
///
/// **Measurement** (in `Double`, with exactly the ensemble step's sub-step,
/// ``AdExScaledDynamics/substep(_:_:_:current:h:method:)``, at `h = integrationStep`): from
/// `V = EL`, `w = 0`, settle for `max(5 τw, 20 C / gL, 0.2 s)` (at most 10 s), then measure
/// for 1 s. With
/// `n >= 2` spikes in the window the rate is `(n - 1) / (t_last - t_first)` (the mean
/// inter-spike interval, smooth in `J`); otherwise `n / 1 s`.
///
/// **Tabulation**: rates are measured on the grid `J_k = k ΔJ` with
/// `ΔJ = gL max(|VT - EL|, ΔT) / 32` (19 pA for the talk's cell) and linearly interpolated.
/// Grid points are measured lazily (only those a call needs) and kept in a process-wide
/// cache keyed by the neuron's `description`. The curve is assumed non-decreasing (as the
/// generic gain/bias search assumes): among the needed points, the first one that fires is
/// found by bisection and every point below it is taken as silent without simulating it.
///
/// - Complexity: each new grid point costs `(settle + 1 s) / integrationStep` sub-steps
///   (17 200 for the talk's cell); a 50-neuron ensemble with Nengo's default max rates
///   (200–400 Hz) needs about 500 points, 0.3 s in a release build.
enum AdExRateCurve {
    /// The largest |J| (nA) the generic gain/bias search tries (10 · 2^9).
    static let largestSearchedCurrent = 5120.0

    /// Cached rates (Hz) per neuron description, by grid index.
    private static let tables = Mutex<[String: [Int: Double]]>([:])

    /// How many equal sub-steps of at most `integrationStep` make one step of `dt` (seconds).
    static func substepCount(dt: Double, integrationStep: Double) -> Int {
        let ratio = dt / integrationStep
        guard ratio.isFinite, ratio > 1 else { return 1 }
        return Int(min((ratio - 1e-9).rounded(.up), 1e9))
    }

    /// The grid spacing ΔJ (nA).
    static func gridSpacing(of neuron: AdEx) -> Double {
        let scale = max(abs(neuron.thresholdPotential - neuron.restingPotential), neuron.slopeFactor)
        return neuron.leakConductance * scale / 32 / SI.nanoampere
    }

    /// Interpolated steady rates (Hz) for `currents` (nA); NaN for a non-finite current.
    static func rates(of neuron: AdEx, currents: [Double]) -> [Double] {
        let spacing = gridSpacing(of: neuron)
        let limit = 1e12
        var needed = Set<Int>()
        for current in currents where current.isFinite {
            let u = min(max(current / spacing, -limit), limit)
            let k = u.rounded(.down)
            needed.insert(Int(k))
            if u != k { needed.insert(Int(k) + 1) }
        }
        let table = tables.withLock { tables -> [Int: Double] in
            var table = tables[neuron.description] ?? [:]
            fill(&table, indices: needed.filter { table[$0] == nil }.sorted(), neuron: neuron, spacing: spacing)
            tables[neuron.description] = table
            return table
        }
        return currents.map { current in
            guard current.isFinite else { return .nan }
            let u = min(max(current / spacing, -limit), limit)
            let k = u.rounded(.down)
            let low = table[Int(k)] ?? 0
            guard u != k else { return low }
            let high = table[Int(k) + 1] ?? 0
            let fraction = u - k
            return low + (high - low) * fraction
        }
    }

    /// Measures the rates at the grid `indices` (ascending), skipping those below the first
    /// firing one (found by bisection, on a non-decreasing curve).
    private static func fill(_ table: inout [Int: Double], indices: [Int], neuron: AdEx, spacing: Double) {
        guard !indices.isEmpty else { return }
        let dynamics = AdExScaledDynamics<Double>(neuron)
        let h = neuron.integrationStep / SI.millisecond
        let settle = min(max(5 * neuron.adaptationTimeConstant, 20 * neuron.capacitance / neuron.leakConductance, 0.2), 10)
        let settleSteps = Int((settle / neuron.integrationStep).rounded(.up))
        let measureSteps = Int((1 / neuron.integrationStep).rounded(.up))
        func measure(_ index: Int) -> Double {
            if let known = table[index] { return known }
            let rate = measuredRate(
                dynamics, current: Double(index) * spacing, h: h, method: neuron.integrationMethod,
                settleSteps: settleSteps, measureSteps: measureSteps)
            table[index] = rate
            return rate
        }
        var low = 0
        var high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if measure(indices[middle]) > 0 { high = middle } else { low = middle + 1 }
        }
        for position in 0..<indices.count {
            if position < low {
                if table[indices[position]] == nil { table[indices[position]] = 0 }
            } else {
                _ = measure(indices[position])
            }
        }
    }

    /// The steady rate (Hz) at `current` (nA) with sub-steps of `h` ms.
    static func measuredRate(
        _ dynamics: AdExScaledDynamics<Double>, current: Double, h: Double, method: AdExIntegrationMethod,
        settleSteps: Int, measureSteps: Int
    ) -> Double {
        var v = dynamics.restingPotential
        var w = 0.0
        var remaining = 0.0
        for _ in 0..<settleSteps {
            _ = dynamics.substep(&v, &w, &remaining, current: current, h: h, method: method)
        }
        var count = 0
        var first = 0, last = 0
        for k in 0..<measureSteps where dynamics.substep(&v, &w, &remaining, current: current, h: h, method: method) {
            if count == 0 { first = k }
            last = k
            count += 1
        }
        let windowSeconds = Double(measureSteps) * h * 1e-3
        guard count >= 2 else { return Double(count) / windowSeconds }
        return Double(count - 1) / (Double(last - first) * h * 1e-3)
    }
}
