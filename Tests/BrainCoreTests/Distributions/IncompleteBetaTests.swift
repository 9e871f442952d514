import BrainTestSupport
import Foundation
import Testing
@testable import BrainCore

/// The incomplete beta function (against 50-digit mpmath) and its inverse (against
/// scipy.special.betaincinv), from distributions.json.
@Suite("IncompleteBeta matches mpmath's betainc and scipy's betaincinv")
struct IncompleteBetaTests {
    @Test func inverseMatchesScipy() throws {
        let f = try DistributionFixture.load().object("betaincinv")
        let a = f.doubles("a"), b = f.doubles("b"), y = f.doubles("y"), x = f.doubles("x")
        #expect(x.count > 500)
        var worst = 0.0
        for i in 0..<x.count {
            let inverse = IncompleteBeta.inverse(a[i], b[i], y[i])
            worst = max(worst, abs(inverse - x[i]) / x[i])
        }
        #expect(worst <= 1e-12)
    }

    @Test func forwardMatchesMpmathOnBothSides() throws {
        let f = try DistributionFixture.load().object("betainc")
        let a = f.doubles("a"), b = f.doubles("b"), x = f.doubles("x")
        let value = f.doubles("value"), complement = f.doubles("complement")
        #expect(x.count == 42)
        // The continued fraction's relative error grows with the condition number x·I'/I
        // (about a in the lower tail): ~1e-15 for small a, 1.4e-14 at a = 250, x = 0.99.
        for i in 0..<x.count {
            let computed = IncompleteBeta.regularized(a[i], b[i], x[i])
            #expect(abs(computed.value - value[i]) <= 5e-14 * value[i])
            #expect(abs(computed.complement - complement[i]) <= 5e-14 * complement[i])
        }
    }

    @Test func closedForms() {
        // I_x(1/2, 1/2) = (2/π) asin(√x), so its inverse is sin²(πp/2); I_x(1, 1) = x.
        for p in [1e-9, 0.1, 0.5, 0.9, 1 - 1e-9] {
            let expected = (sin(Double.pi * p / 2) * sin(Double.pi * p / 2))
            #expect(abs(IncompleteBeta.inverse(0.5, 0.5, p) - expected) <= 1e-14 * expected)
            #expect(abs(IncompleteBeta.inverse(1, 1, p) - p) <= 1e-15)
        }
        #expect(IncompleteBeta.inverse(3, 0.5, 0) == 0)
        #expect(IncompleteBeta.inverse(3, 0.5, 1) == 1)
        #expect(IncompleteBeta.inverse(3, 0.5, .nan).isNaN)
    }

    @Test func logBetaIsAccurateForLargeArguments() {
        // ln B(500, 1/2) = lnΓ(500) + lnΓ(1/2) − lnΓ(500.5) (60-digit mpmath value).
        #expect(abs(IncompleteBeta.logBeta(500, 0.5) - -2.5346891063280624) < 1e-14)
        #expect(abs(IncompleteBeta.logBeta(2, 3) - log(1.0 / 12)) < 1e-15)
    }
}
