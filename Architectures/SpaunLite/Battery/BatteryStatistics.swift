import Foundation

/// The statistics a battery reports.
public enum BatteryStatistics {
    /// The Wilson score interval of a proportion at 95 % (z = 1.96): `(low, high)`; (0, 1) for
    /// no trials.
    public static func wilsonInterval(successes: Int, trials: Int) -> (low: Double, high: Double) {
        guard trials > 0 else { return (0, 1) }
        let z = 1.959963984540054, n = Double(trials), p = Double(successes) / n
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// The least-squares line `y = slope·x + intercept` and its R²; nil for fewer than two
    /// distinct x.
    public static func linearFit(x: [Double], y: [Double]) -> (slope: Double, intercept: Double, r2: Double)? {
        let n = Double(min(x.count, y.count))
        guard n >= 2 else { return nil }
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxx += (a - meanX) * (a - meanX)
            sxy += (a - meanX) * (b - meanY)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, meanY - slope * meanX, syy > 0 ? sxy * sxy / (sxx * syy) : 1)
    }
}
