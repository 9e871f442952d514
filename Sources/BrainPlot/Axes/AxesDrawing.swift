/// Draws a panel's axes as the talk's figures have them: only the left and bottom spines,
/// ticks pointing out with labels, axis labels with units, and a title above.
struct AxesDrawing {
    /// A tick: where it is (a value of the scale, or a pixel when `pixel` is set) and its label.
    struct Tick {
        var position: Double
        var label: String
        var value: Double
    }

    var frame: PlotFrame
    var area: PlotFrame
    var title: String?
    var xLabel: AxisLabel
    var yLabel: AxisLabel
    var xTicks: [Tick]
    var yTicks: [Tick]

    /// Ticks of `scale` along x, placed in `area`.
    static func xTicks(_ scale: NiceScale, area: PlotFrame) -> [Tick] {
        scale.ticks.map { Tick(position: scale.pixel($0, from: area.x, to: area.maxX), label: scale.label($0), value: $0) }
    }

    /// Ticks of `scale` along y (values grow upwards), placed in `area`.
    static func yTicks(_ scale: NiceScale, area: PlotFrame) -> [Tick] {
        scale.ticks.map { Tick(position: scale.pixel($0, from: area.maxY, to: area.y), label: scale.label($0), value: $0) }
    }

    func draw(on canvas: inout SVGCanvas) {
        let n = { (v: Double) in SVGCanvas.number(v) }
        let stroke: [(String, String)] = [
            ("stroke", Style.axisColor), ("stroke-width", n(Style.axisWidth)), ("stroke-linecap", "square"),
        ]
        canvas.openGroup([("class", "axes")])
        canvas.element("line", [("class", "spine left"), ("x1", n(area.x)), ("y1", n(area.y)),
                                ("x2", n(area.x)), ("y2", n(area.maxY))] + stroke)
        canvas.element("line", [("class", "spine bottom"), ("x1", n(area.x)), ("y1", n(area.maxY)),
                                ("x2", n(area.maxX)), ("y2", n(area.maxY))] + stroke)
        let tickFont: [(String, String)] = [("font-size", n(Style.tickLabelSize)), ("fill", Style.axisColor)]
        for tick in xTicks {
            canvas.element("line", [("class", "tick x"), ("x1", n(tick.position)), ("y1", n(area.maxY)),
                                    ("x2", n(tick.position)), ("y2", n(area.maxY + Style.tickLength))] + stroke)
            canvas.element(
                "text",
                [("class", "tick-label x"), ("data-value", "\(tick.value)"), ("x", n(tick.position)),
                 ("y", n(area.maxY + Style.tickLength + 4 + Style.tickLabelSize)), ("text-anchor", "middle")]
                    + tickFont, text: tick.label)
        }
        for tick in yTicks {
            canvas.element("line", [("class", "tick y"), ("x1", n(area.x - Style.tickLength)), ("y1", n(tick.position)),
                                    ("x2", n(area.x)), ("y2", n(tick.position))] + stroke)
            canvas.element(
                "text",
                [("class", "tick-label y"), ("data-value", "\(tick.value)"), ("x", n(area.x - Style.tickLength - 4)),
                 ("y", n(tick.position + Style.tickLabelSize * 0.35)), ("text-anchor", "end")]
                    + tickFont, text: tick.label)
        }
        let labelFont: [(String, String)] = [("font-size", n(Style.labelSize)), ("fill", Style.axisColor)]
        let xCentre = area.x + area.width / 2
        canvas.element(
            "text",
            [("class", "axis-label x"), ("x", n(xCentre)), ("y", n(frame.maxY - 12)), ("text-anchor", "middle")]
                + labelFont, text: xLabel.text)
        let yCentre = area.y + area.height / 2
        let yLabelX = frame.x + 6 + Style.labelSize
        canvas.element(
            "text",
            [("class", "axis-label y"), ("x", n(yLabelX)), ("y", n(yCentre)), ("text-anchor", "middle"),
             ("transform", "rotate(-90 \(n(yLabelX)) \(n(yCentre)))")] + labelFont, text: yLabel.text)
        if let title {
            canvas.element(
                "text",
                [("class", "title"), ("x", n(xCentre)), ("y", n(frame.y + PanelLayout.topMargin + Style.titleSize * 0.5)),
                 ("text-anchor", "middle"), ("font-size", n(Style.titleSize)), ("fill", Style.axisColor)],
                text: title)
        }
        canvas.closeGroup()
    }
}
