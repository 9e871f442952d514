import Foundation
import Testing
import BrainCore
@testable import BrainPlot

@Suite("Line plots")
struct LinePlotTests {
    /// y = 2t at t = 0, 0.2, …, 1 in a default 640 × 440 panel: the plot area is x 88…616,
    /// y 20…372, the axes 0…1 s and 0…2.
    static func ramp(title: String? = nil) throws -> LinePlot {
        let times = [0, 0.2, 0.4, 0.6, 0.8, 1]
        return try LinePlot.timeSeries(
            times: times, data: Matrix(column: times.map { 2 * $0 }), labels: ["x"], title: title,
            yLabel: AxisLabel("Decoded value", unit: "V"))
    }

    @Test func axesSpanTheDataWithRoundTicks() throws {
        let svg = try SVGDocument(try Self.ramp().svg())
        #expect(svg.tickLabels("x").map(\.text) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(svg.tickLabels("y").map(\.text) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
        // The first and last ticks sit on the ends of the spines.
        let bottom = try #require(svg.elements("line", classes: "spine", "bottom").first)
        let left = try #require(svg.elements("line", classes: "spine", "left").first)
        #expect(svg.tickLabels("x").first?.position == bottom.number("x1"))
        #expect(svg.tickLabels("x").last?.position == bottom.number("x2"))
        #expect(bottom.number("x1") == 88 && bottom.number("x2") == 616)
        #expect(left.number("y1") == 20 && left.number("y2") == 372)
        // Despined: only the left and bottom spines.
        #expect(svg.elements("line", classes: "spine").count == 2)
    }

    @Test func aKnownPointLandsOnItsPixel() throws {
        let svg = try SVGDocument(try Self.ramp().svg())
        let line = try #require(svg.elements("polyline", classes: "series").first)
        let points = line.points
        #expect(points.count == 6)
        // (0.6 s, 1.2) → x = 88 + 0.6·528 = 404.8, y = 372 − 0.6·352 = 160.8.
        #expect(points[3].x == 404.8 && points[3].y == 160.8)
        #expect(svg.tickLabels("x").first { $0.text == "0.6" }?.position == 404.8)
        // (1 s, 2) is the top-right corner, where the 1.0 and 2.0 ticks are.
        #expect(points[5].x == 616 && points[5].y == 20)
        let yTick = try #require(svg.elements("line", classes: "tick", "y").last)
        #expect(yTick.number("y1") == 20 && yTick.number("x2") == 88)
        #expect(svg.tickLabels("y").last?.text == "2.0")
    }

    @Test func labelsTitleAndLegendArePresent() throws {
        let svg = try SVGDocument(try Self.ramp(title: "Ramp").svg())
        let texts = svg.elements("text").compactMap(\.stringValue)
        #expect(texts.contains("Time (s)"))
        #expect(texts.contains("Decoded value (V)"))
        #expect(svg.elements("text", classes: "title").first?.stringValue == "Ramp")
        #expect(svg.elements("text", classes: "legend-label").map(\.stringValue) == ["x"])
    }

    @Test func outputIsDeterministic() throws {
        let first = try Self.ramp(title: "Ramp").svg()
        #expect(first == (try Self.ramp(title: "Ramp").svg()))
        #expect(first.hasPrefix("<?xml"))
    }

    /// A 10 s trace at dt = 1 ms (10,000 samples) is drawn with at most 2·(W + 2) points and
    /// keeps its extremes: a one-sample spike to 20 and a one-sample dip to −80.
    @Test func longSeriesAreThinnedWithoutLosingPeaks() throws {
        let times = (1...10_000).map { Double($0) * 0.001 }
        var values = times.map { -65 + 5 * sin(2 * Double.pi * $0) }
        values[4321] = 20
        values[7654] = -80
        let plot = try LinePlot.voltages(times: times, voltages: Matrix(column: values), unit: "mV")
        let text = try plot.svg()
        let svg = try SVGDocument(text)
        let points = try #require(svg.elements("polyline", classes: "series").first).points
        #expect(points.count <= 2 * (528 + 2))
        #expect(points.count > 528)
        let yScale = plot.scales().y
        let top = yScale.pixel(20, from: 372, to: 20)
        let bottom = yScale.pixel(-80, from: 372, to: 20)
        #expect(points.contains { abs($0.y - top) < 0.01 })
        #expect(points.contains { abs($0.y - bottom) < 0.01 })
        #expect(text.utf8.count < 30_000, "\(text.utf8.count) bytes")
    }

    /// Two turns of a unit circle in 20,000 samples (about 0.1 pixel apart): steps under half
    /// a pixel are skipped, the first and last points stay.
    @Test func phasePlotsSkipSubpixelSteps() throws {
        let t = (0..<20_000).map { Double($0) * 0.0001 }
        let plot = try LinePlot.phase(x: t.map { cos(2 * .pi * $0) }, y: t.map { sin(2 * .pi * $0) })
        let points = try #require(try SVGDocument(plot.svg()).elements("polyline", classes: "series").first).points
        #expect(points.count < 10_000)
        #expect(points.count > 1_000)
        let (x, y) = plot.scales()
        let last = try #require(points.last)
        #expect(abs(last.x - x.pixel(cos(2 * .pi * 1.9999), from: 88, to: 616)) < 0.01)
        #expect(abs(last.y - y.pixel(sin(2 * .pi * 1.9999), from: 372, to: 20)) < 0.01)
        #expect(zip(points.dropLast(), points.dropLast().dropFirst()).allSatisfy { max(abs($1.x - $0.x), abs($1.y - $0.y)) >= 0.49 })
    }

    @Test func badDataIsATypedError() throws {
        #expect(throws: BrainKitError.self) { try Series(x: [0, 1], y: [0, .nan]) }
        #expect(throws: BrainKitError.self) { try Series(x: [0, 1], y: [0]) }
        #expect(throws: BrainKitError.self) { try Series(x: [], y: []) }
        #expect(throws: BrainKitError.self) { try LinePlot([]) }
        #expect(throws: BrainKitError.self) {
            try LinePlot.timeSeries(times: [0, 1, 2], data: Matrix(rows: 2, columns: 1))
        }
        #expect(throws: BrainKitError.self) {
            try LinePlot.timeSeries(times: [0, 1], data: Matrix(rows: 2, columns: 2), labels: ["a"])
        }
        var ragged = Matrix(rows: 2, columns: 2)
        ragged.values.append(1)
        #expect(throws: BrainKitError.self) { try LinePlot.timeSeries(times: [0, 1], data: ragged) }
        #expect(throws: BrainKitError.self) {
            try LinePlot([try Series(x: [0, 1], y: [0, 1])], yLimits: 1...1)
        }
        let error = #expect(throws: BrainKitError.self) { try Series(label: "v", x: [0, 1], y: [.infinity, 0]) }
        #expect(error?.kind == .validation)
        #expect(error?.object == "Series 'v'" && error?.parameter == "y")
    }

    @Test func anUnwritablePathIsAnIOError() throws {
        let error = #expect(throws: BrainKitError.self) { try Self.ramp().write(to: unwritableURL) }
        #expect(error?.kind == .io)
        #expect(error?.parameter == "path")
    }
}
