/// The SVG document a figure is drawn into: elements are appended as text in drawing order,
/// so the same drawing calls always give the same bytes.
///
/// A ``Plot`` draws with ``element(_:_:text:)`` and groups (``openGroup(_:)``,
/// ``closeGroup()``); attribute values and text are escaped here. Numbers should go through
/// ``number(_:decimals:)`` (fixed decimals, no exponent).
public struct SVGCanvas: Sendable {
    /// The document's width in pixels.
    public let width: Double
    /// The document's height in pixels.
    public let height: Double
    private var body: [String] = []
    private var clipCount = 0

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `value` as SVG writes it: rounded to `decimals` places (2 by default), without an
    /// exponent or trailing zeros.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        SVGNumber.format(value, decimals: decimals)
    }

    /// Appends `<name attributes…>text</name>` (or `<name …/>` without text); attribute
    /// values and text are escaped.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        var line = "<" + name + SVGCanvas.attributeText(attributes)
        if let text {
            line += ">" + SVGCanvas.escape(text) + "</" + name + ">"
        } else {
            line += "/>"
        }
        body.append(line)
    }

    /// Opens a `<g>` with `attributes`; close it with ``closeGroup()``.
    public mutating func openGroup(_ attributes: [(String, String)]) {
        body.append("<g" + SVGCanvas.attributeText(attributes) + ">")
    }

    /// Closes the group opened last.
    public mutating func closeGroup() {
        body.append("</g>")
    }

    /// Defines a clip rectangle and returns its id (`clip0`, `clip1`, … in drawing order),
    /// for a `clip-path="url(#id)"` attribute.
    public mutating func clipRectangle(_ frame: PlotFrame) -> String {
        let id = "clip\(clipCount)"
        clipCount += 1
        body.append("<defs><clipPath id=\"\(id)\">")
        element("rect", [
            ("x", SVGCanvas.number(frame.x)), ("y", SVGCanvas.number(frame.y)),
            ("width", SVGCanvas.number(frame.width)), ("height", SVGCanvas.number(frame.height)),
        ])
        body.append("</clipPath></defs>")
        return id
    }

    /// The finished document: an `<svg>` root with a white background and the body.
    var document: String {
        let w = SVGCanvas.number(width)
        let h = SVGCanvas.number(height)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
                + " font-family=\"\(Style.fontFamily)\">",
            "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"white\"/>",
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `text` with XML's special characters as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 allows no control characters other than tab, newline and return.
                let controls = character.unicodeScalars.contains {
                    $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r"
                }
                if controls { out += "\u{FFFD}" } else { out.append(character) }
            }
        }
        return out
    }
}
