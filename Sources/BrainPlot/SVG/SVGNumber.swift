/// How numbers are written into SVG: fixed decimals, no exponent, no trailing zeros, no
/// negative zero, so the same figure always gives the same bytes.
enum SVGNumber {
    /// Coordinates beyond this many pixels are clamped (they lie far outside any figure and
    /// are clipped anyway); it keeps the integer arithmetic below exact.
    static let limit = 1.0e9

    /// `value` rounded to `decimals` (0...6) places: `12.5`, `-3`, `0.25`.
    static func format(_ value: Double, decimals: Int = 2) -> String {
        let places = min(max(decimals, 0), 6)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let clamped = value.isNaN ? 0 : min(max(value, -limit), limit)
        let scaled = Int64((clamped * Double(scale)).rounded())
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = magnitude % UInt64(scale)
        var text = (scaled < 0 ? "-" : "") + String(whole)
        guard fraction != 0 else { return text }
        var digits = places
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}
