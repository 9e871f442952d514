/// A legend in the top-right corner inside the plot area: a short line in each series'
/// colour and its label, on a translucent white box.
struct Legend {
    var entries: [(label: String, color: String)]

    func draw(in area: PlotFrame, on canvas: inout SVGCanvas) {
        guard !entries.isEmpty else { return }
        let n = { (v: Double) in SVGCanvas.number(v) }
        let rowHeight = Style.legendSize * 1.4
        let longest = entries.map { $0.label.count }.max() ?? 0
        // Text width is estimated (0.6 em per character): SVG has no layout before rendering.
        let width = 44 + Double(longest) * Style.legendSize * 0.6
        let height = Double(entries.count) * rowHeight + 8
        let left = area.maxX - width - 8
        let top = area.y + 8
        canvas.openGroup([("class", "legend")])
        canvas.element("rect", [("x", n(left)), ("y", n(top)), ("width", n(width)), ("height", n(height)),
                                ("fill", "white"), ("fill-opacity", "0.8"), ("stroke", "#cccccc"), ("rx", "3")])
        for (row, entry) in entries.enumerated() {
            let y = top + 4 + (Double(row) + 0.5) * rowHeight
            canvas.element("line", [("x1", n(left + 8)), ("y1", n(y)), ("x2", n(left + 32)), ("y2", n(y)),
                                    ("stroke", entry.color), ("stroke-width", n(Style.lineWidth))])
            canvas.element(
                "text",
                [("class", "legend-label"), ("x", n(left + 38)), ("y", n(y + Style.legendSize * 0.35)),
                 ("font-size", n(Style.legendSize)), ("fill", Style.axisColor)], text: entry.label)
        }
        canvas.closeGroup()
    }
}
