import Foundation
import Testing
import BrainCore
@testable import BrainPlot

@Suite("Figures of several panels")
struct FigureTests {
    @Test func panelsFillTheGridRowByRow() throws {
        let ramp = try LinePlotTests.ramp()
        let figure = try Figure(rows: 2, columns: 2, panels: [ramp, ramp, ramp], title: "Three ramps")
        let svg = try SVGDocument(figure.svg())
        #expect(svg.root.number("width") == 1280 && svg.root.number("height") == 924)
        let panels = svg.elements("g", classes: "panel")
        #expect(panels.map { "\($0.string("data-row") ?? "")\($0.string("data-column") ?? "")" } == ["00", "01", "10"])
        // The panel at row 1, column 0 has its plot area 44 (title) + 440 below the first.
        let spines = svg.elements("line", classes: "spine", "left")
        #expect(spines.map { $0.number("y1") } == [64, 64, 504])
        #expect(svg.elements("text", classes: "figure-title").first?.stringValue == "Three ramps")
    }

    @Test func writesAFileAndReportsBadOnes() throws {
        let directory = try temporaryDirectory("figure")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("figure.svg")
        let figure = try Figure(rows: 1, columns: 2, panels: [try LinePlotTests.ramp()])
        try figure.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == figure.svg())
        let error = #expect(throws: BrainKitError.self) { try figure.write(to: unwritableURL) }
        #expect(error?.kind == .io && error?.object == "Figure")
        #expect(throws: BrainKitError.self) { try Figure(rows: 1, columns: 1, panels: [try LinePlotTests.ramp(), try LinePlotTests.ramp()]) }
        #expect(throws: BrainKitError.self) { try Figure(rows: 0, columns: 1, panels: []) }
        #expect(throws: BrainKitError.self) { try LinePlotTests.ramp().svg(width: 10, height: 10) }
    }
}
