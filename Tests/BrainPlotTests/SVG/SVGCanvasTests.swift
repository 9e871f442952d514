import Testing
@testable import BrainPlot

@Suite("SVG text")
struct SVGCanvasTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (12.5, "12.5"), (-3.0, "-3"), (0.125, "0.13"), (1e-9, "0"),
        (123456.789, "123456.79"), (-0.004, "0"), (2e12, "1000000000"), (Double.nan, "0"),
    ])
    func numbersAreFixedDecimals(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test func textIsEscaped() {
        #expect(SVGCanvas.escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(SVGCanvas.escape("bell\u{7}") == "bell\u{FFFD}")
    }
}
