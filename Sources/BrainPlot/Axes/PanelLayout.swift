/// Where a panel's parts go: the plot area inside fixed margins that leave room for the tick
/// labels, the axis labels and the title.
enum PanelLayout {
    static let leftMargin = 88.0
    static let rightMargin = 24.0
    static let bottomMargin = 68.0
    static let topMargin = 20.0
    /// The extra room above the plot area for a title.
    static let titleRoom = 30.0

    /// The area inside the axes of a panel occupying `frame`.
    static func plotArea(in frame: PlotFrame, hasTitle: Bool) -> PlotFrame {
        let top = topMargin + (hasTitle ? titleRoom : 0)
        return PlotFrame(
            x: frame.x + leftMargin, y: frame.y + top,
            width: max(frame.width - leftMargin - rightMargin, 1),
            height: max(frame.height - top - bottomMargin, 1))
    }
}
