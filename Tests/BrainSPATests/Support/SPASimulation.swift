import BrainCore
import BrainSPA
import Foundation

/// Helpers for the behavioural tests of the SPA modules: running a model and reading probes
/// the way nengo_spa's tests do (`sim.data[p][k]` is the sample at t = (k + 1)·dt, as
/// `sim.trange()` says; `t > x` windows select on those times).
enum SPASimulation {
    /// Builds `network` and runs it for `seconds` at dt = 1 ms.
    static func run(_ network: Network, seconds: Double) throws -> Simulator {
        let simulator = try Simulator(network)
        try simulator.run(seconds: seconds)
        return simulator
    }

    /// The dot product of every row of `data` with `vector`.
    static func dots(_ data: Matrix, _ vector: [Double]) -> [Double] {
        precondition(data.columns == vector.count)
        return (0..<data.rows).map { r in
            var sum = 0.0
            for c in 0..<data.columns { sum += data[r, c] * vector[c] }
            return sum
        }
    }

    /// The mean of `values` over the samples whose time satisfies `window`.
    static func mean(_ values: [Double], times: [Double], where window: (Double) -> Bool) -> Double {
        let rows = times.indices.filter { window(times[$0]) }
        precondition(!rows.isEmpty, "empty window")
        return rows.reduce(0) { $0 + values[$1] } / Double(rows.count)
    }

    /// The column means of `data` over the samples whose time satisfies `window`.
    static func columnMeans(_ data: Matrix, times: [Double], where window: (Double) -> Bool) -> [Double] {
        let rows = times.indices.filter { window(times[$0]) }
        precondition(!rows.isEmpty, "empty window")
        return (0..<data.columns).map { c in rows.reduce(0) { $0 + data[$1, c] } / Double(rows.count) }
    }

    /// The column means of rows `range` (numpy's `data[a:b].mean(axis=0)`).
    static func columnMeans(_ data: Matrix, rows range: Range<Int>) -> [Double] {
        (0..<data.columns).map { c in range.reduce(0) { $0 + data[$1, c] } / Double(range.count) }
    }

    /// The row whose time is `t` (on the 1 ms grid): nengo's `data[t == x]`.
    static func row(at t: Double, dt: Double = 0.001) -> Int {
        Int((t / dt).rounded()) - 1
    }

    /// The root-mean-square of `a − b`.
    static func rms(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return (zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(a.count)).squareRoot()
    }

    /// nengo_spa's `assert_sp_close`: the per-sample RMS error to `target` over
    /// `skip < t ≤ skip + duration` (to the end without a duration). Returns the largest one.
    static func largestRMSError(
        _ data: Matrix, times: [Double], target: [Double], skip: Double, duration: Double? = nil
    ) -> Double {
        let end = duration.map { skip + $0 } ?? .infinity
        let rows = times.indices.filter { times[$0] > skip && times[$0] <= end + 1e-9 }
        precondition(!rows.isEmpty, "empty window")
        return rows.map { rms(data.row($0), target) }.max()!
    }

    /// The largest absolute difference between `data`'s rows in `rows` and `target`.
    static func largestDeviation(_ data: Matrix, rows: some Sequence<Int>, from target: [Double]) -> Double {
        var worst = 0.0
        for r in rows {
            for c in 0..<data.columns { worst = max(worst, abs(data[r, c] - target[c])) }
        }
        return worst
    }

    /// A vector normalised to unit length.
    static func normalized(_ v: [Double]) -> [Double] {
        let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / length }
    }
}

extension SPASimulation {
    /// Prints measured values when the environment variable `BRAINKIT_SPA_MEASURE` is set
    /// (for re-measuring the margins quoted in the tests; silent otherwise).
    static func measure(_ message: @autoclosure () -> String) {
        if ProcessInfo.processInfo.environment["BRAINKIT_SPA_MEASURE"] != nil { print("MEASURE \(message())") }
    }
}
