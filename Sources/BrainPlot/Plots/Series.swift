import BrainCore

/// One line of a ``LinePlot``: y against x, with an optional legend label.
public struct Series: Sendable {
    /// The legend label; nil keeps the series out of the legend.
    public let label: String?
    /// The x values.
    public let x: [Double]
    /// The y values, one per x value.
    public let y: [Double]
    /// Whether x never decreases (time, inputs of a tuning curve): such a series is thinned
    /// to the lowest and highest value per pixel column when it is long.
    public let xIsSorted: Bool

    /// - Throws: `BrainKitError` (`.validation`) when `x` and `y` differ in length, are
    ///   empty, or hold NaN, infinite or larger than 1e300 values.
    public init(label: String? = nil, x: [Double], y: [Double]) throws(BrainKitError) {
        let object = "Series" + (label.map { " '\($0)'" } ?? "")
        try DataCheck.nonEmpty(x.count, object, "x")
        try DataCheck.sameCount(y.count, x.count, object, "y", "x")
        try DataCheck.plottable(x, object, "x")
        try DataCheck.plottable(y, object, "y")
        self.label = label
        self.x = x
        self.y = y
        self.xIsSorted = zip(x, x.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
