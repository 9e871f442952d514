import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file parsed with FoundationXML, with the queries the plot tests make.
struct SVGDocument {
    let root: XMLElement
    let text: String

    init(_ text: String) throws {
        self.text = text
        let document = try XMLDocument(xmlString: text, options: [])
        guard let root = document.rootElement() else { throw SVGTestError.noRoot }
        self.root = root
    }

    /// Every element named `name` (any depth), optionally only those whose class list holds
    /// all of `classes`.
    func elements(_ name: String, classes: String...) -> [XMLElement] {
        var found: [XMLElement] = []
        func visit(_ element: XMLElement) {
            if (element.localName ?? element.name) == name {
                let list = (element.string("class") ?? "").split(separator: " ").map(String.init)
                if classes.allSatisfy(list.contains) { found.append(element) }
            }
            for child in element.children ?? [] {
                if let child = child as? XMLElement { visit(child) }
            }
        }
        visit(root)
        return found
    }

    /// The tick labels of an axis (`x` or `y`): their text and position (x for the x axis,
    /// y for the y axis).
    func tickLabels(_ axis: String) -> [(text: String, position: Double)] {
        elements("text", classes: "tick-label", axis).map {
            ($0.stringValue ?? "", $0.number(axis == "x" ? "x" : "y") ?? .nan)
        }
    }
}

enum SVGTestError: Error {
    case noRoot
}

extension XMLElement {
    /// The value of attribute `name` (looked up in `attributes`: FoundationXML's
    /// `attribute(forName:)` finds nothing in a document with a default namespace).
    func string(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }

    func number(_ name: String) -> Double? {
        string(name).flatMap(Double.init)
    }

    /// A polyline's points as (x, y) pairs.
    var points: [(x: Double, y: Double)] {
        (string("points") ?? "").split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }
}
