/// Helpers for numeric tests: tolerance comparisons that report where arrays differ.

/// The largest absolute difference between two equally long arrays (infinity if lengths differ).
public func maxAbsoluteDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a, b) {
        if x.isNaN || y.isNaN { return .infinity }
        if x == y { continue }
        worst = max(worst, abs(x - y))
    }
    return worst
}

/// The largest relative difference `|a - b| / max(|b|, floor)`.
public func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1e-300) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a, b) {
        if x.isNaN || y.isNaN { return .infinity }
        if x == y { continue }
        worst = max(worst, abs(x - y) / max(abs(y), floor))
    }
    return worst
}

/// Root-mean-square of the difference of two equally long arrays.
public func rmse(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count && !a.isEmpty)
    var s = 0.0
    for (x, y) in zip(a, b) { s += (x - y) * (x - y) }
    return (s / Double(a.count)).squareRoot()
}

/// The mean of an array.
public func mean(_ a: [Double]) -> Double {
    a.reduce(0, +) / Double(a.count)
}
