import Foundation
import Testing
@testable import BrainCore

/// The LIF step's polynomial `expm1` / `log1p` against the Double C library on their ranges
/// (measured worst: 6e-8 and 9e-8 relative for expm1, 1.3e-7 and 1.8e-7 for log1p; Float's
/// ulp is 6e-8 to 1.2e-7 relative).
@Suite("LIF polynomials")
struct LIFPolynomialTests {
    /// Evaluates `function` on `count` points spread over `[lower, 0]`, sixteen at a time.
    static func sample(
        _ lower: Float, count: Int, _ function: (LIFStep.Group) -> LIFStep.Group
    ) -> [(Float, Float)] {
        var points: [(Float, Float)] = []
        var k = 0
        while k < count {
            var x = LIFStep.Group()
            for lane in 0..<16 { x[lane] = lower * Float(k + lane) / Float(count - 1) }
            let y = function(x)
            for lane in 0..<16 where k + lane < count { points.append((x[lane], y[lane])) }
            k += 16
        }
        return points
    }

    /// Worst relative error against `reference`, ignoring x = 0 (where both give exactly 0).
    static func worstRelativeError(_ points: [(Float, Float)], _ reference: (Double) -> Double) -> Double {
        points.filter { $0.0 != 0 }.map { abs(Double($0.1) - reference(Double($0.0))) / abs(reference(Double($0.0))) }
            .max() ?? .infinity
    }

    @Test(arguments: [(LIFPolynomials.Range.short, Float(-0.1)), (.long, -0.5)])
    func expm1IsWithinOneUlp(range: LIFPolynomials.Range, lower: Float) {
        let points = Self.sample(lower, count: 20001) { LIFPolynomials.expm1($0, range) }
        #expect(points.first?.1 == 0)
        #expect(Self.worstRelativeError(points, Foundation.expm1) <= 1.2e-7)
    }

    @Test(arguments: [(LIFPolynomials.Range.short, Float(expm1(-0.1))), (.long, Float(expm1(-0.5)))])
    func log1pIsWithinTwoUlp(range: LIFPolynomials.Range, lower: Float) {
        // log1p(y) for y = -a / b, with b = 1 and with b = 7 (a = -7y).
        let direct = Self.sample(lower, count: 20001) {
            LIFPolynomials.log1pOfNegativeRatio(-$0, LIFStep.Group(repeating: 1), range)
        }
        #expect(Self.worstRelativeError(direct, Foundation.log1p) <= 2.4e-7)
        let scaled = Self.sample(lower, count: 20001) {
            LIFPolynomials.log1pOfNegativeRatio(-7 * $0, LIFStep.Group(repeating: 7), range)
        }
        #expect(Self.worstRelativeError(scaled, Foundation.log1p) <= 2.4e-7)
    }

    @Test func rangeFollowsTheStepOverTau() {
        #expect(LIFPolynomials.Range(stepOverTau: 0.05) == .short)
        #expect(LIFPolynomials.Range(stepOverTau: 0.1) == .short)
        #expect(LIFPolynomials.Range(stepOverTau: 0.3) == .long)
        #expect(LIFPolynomials.Range(stepOverTau: 0.6) == nil)
    }
}
