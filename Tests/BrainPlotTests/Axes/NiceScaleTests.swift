import Testing
@testable import BrainPlot

@Suite("Nice axis scales")
struct NiceScaleTests {
    @Test func expandsToRoundTicks() {
        let scale = NiceScale(low: 0.001, high: 0.997, expand: true)
        #expect(scale.lower == 0 && scale.upper == 1)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(scale.ticks.map(scale.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func negativeRangesUseAMinusSign() {
        let scale = NiceScale(low: -1.3, high: 0.4, expand: true)
        #expect(scale.step == 0.5)
        #expect(scale.lower == -1.5 && scale.upper == 0.5)
        #expect(scale.ticks.map(scale.label) == ["\u{2212}1.5", "\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5"])
    }

    @Test func constantDataGetsARange() {
        let scale = NiceScale(low: 3, high: 3, expand: true)
        #expect(scale.lower < 3 && scale.upper > 3)
        #expect(!scale.ticks.isEmpty)
    }

    @Test func fixedLimitsStayAndTicksFallInside() {
        let scale = NiceScale(fixedLower: 0.001, upper: 0.5)
        #expect(scale.lower == 0.001 && scale.upper == 0.5)
        #expect(scale.ticks.allSatisfy { $0 >= 0.001 && $0 <= 0.5 })
        #expect(scale.ticks == [0.1, 0.2, 0.3, 0.4, 0.5])
    }

    @Test func pixelsMapLinearly() {
        let scale = NiceScale(low: 0, high: 2, expand: true)
        #expect(scale.pixel(1, from: 372, to: 20) == 196)
    }
}
