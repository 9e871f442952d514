import BrainKit

/// Helpers the scorers share (mirroring bench/nengo/standard/scoring.py).
enum Scoring {
    /// The root mean square of `a − b` over every element (same shapes).
    static func rmse(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && !a.isEmpty, "rmse: sizes \(a.count) and \(b.count)")
        let squares = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (squares / Double(a.count)).squareRoot()
    }

    /// The root mean square of `a − b` over the rows `rows` and every column.
    static func rmse(_ a: Matrix, _ b: Matrix, rows: [Int]) -> Double {
        rmse(rows.flatMap { a.row($0) }, rows.flatMap { b.row($0) })
    }

    /// `signal` (one row per step) filtered `times` times by `Lowpass(tau)`, as a probe with
    /// that synapse would filter it.
    static func lowpassed(_ signal: Matrix, tau: Double, times: Int, dt: Double) throws -> Matrix {
        var filtered = signal
        for _ in 0..<times { filtered = try Lowpass(tau).filter(filtered, dt: dt) }
        return filtered
    }

    /// The indices of the samples whose time satisfies `keep`.
    static func rows(_ sim: Simulator, where keep: (Double) -> Bool) -> [Int] {
        let times = sim.trange()
        return times.indices.filter { keep(times[$0]) }
    }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// The standard deviation of `values` (population, as numpy's `std`).
    static func standardDeviation(_ values: [Double]) -> Double {
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)).squareRoot()
    }
}
