import Foundation
import BrainCore

/// Something drawn in one panel: a ``LinePlot``, a ``SpikeRaster``, or a type of your own.
///
/// A plot's data is checked when the plot is made, so drawing cannot fail; drawing is
/// deterministic (the same plot always gives the same bytes).
public protocol Plot: Sendable {
    /// Draws the plot, with its axes, title and legend, inside `frame`.
    func draw(in frame: PlotFrame, on canvas: inout SVGCanvas)
}

extension Plot {
    /// The plot alone as an SVG document of `width` × `height` pixels (at least 200 × 160).
    /// - Throws: `BrainKitError` (`.validation`) for a size out of range.
    public func svg(width: Double = Figure.defaultPanelWidth, height: Double = Figure.defaultPanelHeight)
        throws(BrainKitError) -> String
    {
        try Figure(rows: 1, columns: 1, panels: [self], panelWidth: width, panelHeight: height).svg()
    }

    /// Writes ``svg(width:height:)`` to `url`.
    /// - Throws: `BrainKitError`: `.io` when the file cannot be written, `.validation` for a
    ///   size out of range.
    public func write(to url: URL, width: Double = Figure.defaultPanelWidth, height: Double = Figure.defaultPanelHeight)
        throws(BrainKitError)
    {
        try FileOutput.write(try svg(width: width, height: height), to: url, object: "Plot")
    }
}
