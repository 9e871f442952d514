import BrainCore

/// Lines of y against x in one panel: probe data against time, voltage traces, tuning
/// curves, phase plots.
///
/// Axes are despined (left and bottom only) with round ticks: each axis spans the data
/// (of all series) widened to the nearest ticks, unless limits are given. Series take the
/// tab10 colours in order; labelled series appear in a legend at the top right. Long series
/// are thinned per pixel column (see ``Series`` and the rule in the architecture notes): a
/// time series is drawn with at most 2·(W + 2) points, W the plot area's width in pixels
/// (528 in a default 640-pixel panel), however long the run.
public struct LinePlot: Plot {
    /// The panel's title; nil for none.
    public var title: String?
    /// The x axis' label.
    public var xLabel: AxisLabel
    /// The y axis' label.
    public var yLabel: AxisLabel
    /// The lines, drawn in order.
    public let series: [Series]
    /// The axis limits chosen, or nil to fit the data.
    public let xLimits: ClosedRange<Double>?
    /// The y axis' limits, or nil to fit the data.
    public let yLimits: ClosedRange<Double>?

    /// - Throws: `BrainKitError` (`.validation`) when there is no series or a limit is not
    ///   finite or has zero width.
    public init(
        _ series: [Series], title: String? = nil, xLabel: AxisLabel = .time, yLabel: AxisLabel = "Value",
        xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil
    ) throws(BrainKitError) {
        guard !series.isEmpty else { throw .validation("LinePlot", "series", "is empty: give at least one series") }
        try DataCheck.limits(xLimits, "LinePlot", "xLimits")
        try DataCheck.limits(yLimits, "LinePlot", "yLimits")
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLimits = xLimits
        self.yLimits = yLimits
    }

    /// The x and y scales the plot is drawn with.
    func scales() -> (x: NiceScale, y: NiceScale) {
        func scale(_ limits: ClosedRange<Double>?, _ values: (Series) -> [Double]) -> NiceScale {
            if let limits { return NiceScale(fixedLower: limits.lowerBound, upper: limits.upperBound) }
            let all = series.map(values)
            let low = all.compactMap { $0.min() }.min() ?? 0
            let high = all.compactMap { $0.max() }.max() ?? 1
            return NiceScale(low: low, high: high, expand: true)
        }
        return (scale(xLimits, \.x), scale(yLimits, \.y))
    }

    public func draw(in frame: PlotFrame, on canvas: inout SVGCanvas) {
        let area = PanelLayout.plotArea(in: frame, hasTitle: title != nil)
        let (x, y) = scales()
        // Clipped a line's width outside the area, so lines along the limits are drawn whole.
        let margin = Style.lineWidth
        let clip = canvas.clipRectangle(
            PlotFrame(x: area.x - margin, y: area.y - margin, width: area.width + 2 * margin, height: area.height + 2 * margin))
        canvas.openGroup([("class", "series-group"), ("clip-path", "url(#\(clip))")])
        for (index, line) in series.enumerated() {
            let pixels = zip(line.x, line.y).map {
                (x: x.pixel($0.0, from: area.x, to: area.maxX), y: y.pixel($0.1, from: area.maxY, to: area.y))
            }
            let drawn = Decimation.reduce(pixels, sorted: line.xIsSorted, left: area.x, width: area.width)
            let points = drawn.map { SVGCanvas.number($0.x) + "," + SVGCanvas.number($0.y) }.joined(separator: " ")
            var attributes: [(String, String)] = [("class", "series"), ("data-index", "\(index)")]
            if let label = line.label { attributes.append(("data-label", label)) }
            attributes += [
                ("data-samples", "\(line.x.count)"), ("points", points), ("fill", "none"),
                ("stroke", Style.color(index)), ("stroke-width", SVGCanvas.number(Style.lineWidth)),
                ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
            ]
            canvas.element("polyline", attributes)
        }
        canvas.closeGroup()
        let entries = series.enumerated().compactMap { index, line in
            line.label.map { (label: $0, color: Style.color(index)) }
        }
        Legend(entries: entries).draw(in: area, on: &canvas)
        AxesDrawing(
            frame: frame, area: area, title: title, xLabel: xLabel, yLabel: yLabel,
            xTicks: AxesDrawing.xTicks(x, area: area), yTicks: AxesDrawing.yTicks(y, area: area)
        ).draw(on: &canvas)
    }
}
