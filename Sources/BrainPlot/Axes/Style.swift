/// The look every plot shares: large type and thick lines, as in the talk's matplotlib
/// figures (its `talk` context), despined axes (left and bottom only), tab10 colours.
enum Style {
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// Font sizes in pixels.
    static let titleSize = 22.0
    static let labelSize = 20.0
    static let tickLabelSize = 16.0
    static let legendSize = 16.0
    static let axisColor = "#262626"
    static let axisWidth = 1.5
    static let tickLength = 6.0
    static let lineWidth = 2.0
    /// matplotlib's default colour cycle (tab10).
    static let colors = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
