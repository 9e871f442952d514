@testable import BrainCore

/// Runs a process stepper at the given times and returns one row of `Float` outputs (as
/// `Double`) per time.
func runStepper(_ stepper: any ProcessStepper, size: Int, times: [Double]) -> [[Double]] {
    var out = [Float](repeating: 0, count: size)
    let input = [Float]()
    return times.map { time in
        input.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in stepper.step(time: time, input: inp, output: o) }
        }
        return out.map { Double($0) }
    }
}

/// The largest |a − b| / max(|b|, 1) over two equally shaped row lists (infinity if shapes differ).
func maxScaledDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a, b) {
        guard x.count == y.count else { return .infinity }
        for (u, v) in zip(x, y) {
            if u.isNaN || v.isNaN { return .infinity }
            worst = max(worst, abs(u - v) / max(abs(v), 1))
        }
    }
    return worst
}
