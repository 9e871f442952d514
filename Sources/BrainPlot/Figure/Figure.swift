import Foundation
import BrainCore

/// Several plots as panels of one SVG figure, in a grid of `rows` × `columns` filled row by
/// row (cells without a panel stay empty), with an optional title above.
///
/// ```swift
/// let figure = try Figure(rows: 2, columns: 1, panels: [decoded, raster], title: "Squaring")
/// try figure.write(to: URL(fileURLWithPath: "squaring.svg"))
/// ```
public struct Figure: Sendable {
    /// A panel's default width in pixels.
    public static let defaultPanelWidth = 640.0
    /// A panel's default height in pixels.
    public static let defaultPanelHeight = 440.0
    /// The room above the panels for a figure title.
    static let titleRoom = 44.0

    /// The number of panel rows.
    public let rows: Int
    /// The number of panel columns.
    public let columns: Int
    /// The panels, row by row.
    public let panels: [any Plot]
    /// Each panel's width in pixels.
    public let panelWidth: Double
    /// Each panel's height in pixels.
    public let panelHeight: Double
    /// The figure's title, drawn above the panels; nil for none.
    public var title: String?

    /// - Throws: `BrainKitError` (`.validation`) when rows or columns are below 1, there are
    ///   more panels than cells, or a panel is smaller than 200 × 160 pixels.
    public init(
        rows: Int, columns: Int, panels: [any Plot], title: String? = nil,
        panelWidth: Double = Figure.defaultPanelWidth, panelHeight: Double = Figure.defaultPanelHeight
    ) throws(BrainKitError) {
        try Check.atLeast(rows, 1, "Figure", "rows")
        try Check.atLeast(columns, 1, "Figure", "columns")
        guard rows <= 100, columns <= 100 else {
            throw .validation("Figure", "rows", "and columns must be at most 100, got \(rows) × \(columns)")
        }
        guard panels.count <= rows * columns else {
            throw .validation("Figure", "panels", "must fit in \(rows) × \(columns) cells, got \(panels.count)")
        }
        try DataCheck.size(width: panelWidth, height: panelHeight, "Figure")
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.title = title
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    /// The frame of the panel in `row`, `column` (0-based).
    func frame(row: Int, column: Int) -> PlotFrame {
        let top = title == nil ? 0 : Figure.titleRoom
        return PlotFrame(
            x: Double(column) * panelWidth, y: top + Double(row) * panelHeight, width: panelWidth, height: panelHeight)
    }

    /// The figure as an SVG document.
    public func svg() -> String {
        let top = title == nil ? 0 : Figure.titleRoom
        var canvas = SVGCanvas(width: Double(columns) * panelWidth, height: top + Double(rows) * panelHeight)
        if let title {
            canvas.element(
                "text",
                [("class", "figure-title"), ("x", SVGCanvas.number(canvas.width / 2)), ("y", "32"),
                 ("text-anchor", "middle"), ("font-size", SVGCanvas.number(Style.titleSize + 2)),
                 ("font-weight", "bold"), ("fill", Style.axisColor)], text: title)
        }
        for (index, panel) in panels.enumerated() {
            let row = index / columns
            let column = index % columns
            canvas.openGroup([("class", "panel"), ("data-row", "\(row)"), ("data-column", "\(column)")])
            panel.draw(in: frame(row: row, column: column), on: &canvas)
            canvas.closeGroup()
        }
        return canvas.document
    }

    /// Writes ``svg()`` to `url`.
    /// - Throws: `BrainKitError` (`.io`) when the file cannot be written.
    public func write(to url: URL) throws(BrainKitError) {
        try FileOutput.write(svg(), to: url, object: "Figure")
    }
}
