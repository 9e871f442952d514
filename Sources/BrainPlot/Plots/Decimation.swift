/// Reduces a line to what its pixels can show, so a plot's size depends on its width in
/// pixels, not on the length of the run.
///
/// The rule, for a series whose x never decreases: a series of at most 2 points per pixel
/// column of the plot area is drawn exactly; a longer one is drawn through, for each pixel
/// column, its lowest and its highest point, in their order in time (points left or right of
/// the area share one column each side). So a series has at most 2·(W + 2) points (W the plot
/// area's width in pixels) and its drawn envelope is exact: every peak and trough (a spike in
/// a voltage trace) stays. For a series whose x goes back and forth
/// (a phase plot), a point within half a pixel (in x and y) of the last point drawn is
/// skipped, and the last point is always drawn.
enum Decimation {
    /// The pixel coordinates to draw for `points` (already in pixels) in an area starting at
    /// `left` and `width` pixels wide.
    static func reduce(_ points: [(x: Double, y: Double)], sorted: Bool, left: Double, width: Double)
        -> [(x: Double, y: Double)]
    {
        let columns = max(Int(width.rounded(.up)), 1)
        if sorted {
            guard points.count > 2 * columns else { return points }
            return minMaxPerColumn(points, left: left, columns: columns)
        }
        return skippingSubpixelSteps(points)
    }

    private static func minMaxPerColumn(_ points: [(x: Double, y: Double)], left: Double, columns: Int)
        -> [(x: Double, y: Double)]
    {
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(2 * columns + 2)
        var start = 0
        while start < points.count {
            let column = self.column(points[start].x, left: left, columns: columns)
            var low = start
            var high = start
            var end = start + 1
            while end < points.count, self.column(points[end].x, left: left, columns: columns) == column {
                // Pixel y grows downwards: the lowest value has the largest y.
                if points[end].y > points[low].y { low = end }
                if points[end].y < points[high].y { high = end }
                end += 1
            }
            out.append(points[min(low, high)])
            if low != high { out.append(points[max(low, high)]) }
            start = end
        }
        return out
    }

    /// The pixel column of `x`, clamped to the area (points outside are clipped when drawn).
    static func column(_ x: Double, left: Double, columns: Int) -> Int {
        let offset = (x - left).rounded(.down)
        guard offset > 0 else { return offset < 0 ? -1 : 0 }
        return offset >= Double(columns) ? columns : Int(offset)
    }

    private static func skippingSubpixelSteps(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard var last = points.first else { return [] }
        var out = [last]
        for (index, point) in points.enumerated().dropFirst() {
            let isLast = index == points.count - 1
            if isLast || abs(point.x - last.x) >= 0.5 || abs(point.y - last.y) >= 0.5 {
                out.append(point)
                last = point
            }
        }
        return out
    }
}
