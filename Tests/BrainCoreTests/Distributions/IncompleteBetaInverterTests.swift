import Foundation
import Testing
@testable import BrainCore

/// The prepared inverse of the incomplete beta function against mpmath roots
/// (incomplete_beta.json, made by make_incomplete_beta.py), and at the ends of the Double range.
@Suite("IncompleteBeta.Inverter matches mpmath's roots")
struct IncompleteBetaInverterTests {
    /// One inverter per shape, reused over all of that shape's p, as the sct transform uses it.
    @Test func preparedInverterMatchesMpmath() throws {
        let f = try Fixture("incomplete_beta").object("inverse")
        let a = f.doubles("a"), b = f.doubles("b"), p = f.doubles("p"), x = f.doubles("x")
        #expect(x.count > 1300)
        var inverter = IncompleteBeta.Inverter(a[0], b[0])
        var worstSct = 0.0
        var worstOther = 0.0
        for i in 0..<x.count {
            if inverter.a != a[i] || inverter.b != b[i] {
                inverter = IncompleteBeta.Inverter(a[i], b[i])
            }
            let error = abs(inverter.inverse(p[i]) - x[i]) / x[i]
            if b[i] == 0.5 {
                worstSct = max(worstSct, error)
            } else {
                worstOther = max(worstOther, error)
            }
        }
        // Measured: 1.15e-15 for b = 1/2, 1.7e-14 for the ill-conditioned a = 0.2, b = 200.
        #expect(worstSct <= 3e-15)
        #expect(worstOther <= 3e-14)
    }

    /// I_x(a, 1) = x^a, so the root is p^(1/a): below the normal range for a = 1/500 and
    /// p < 0.243, where it comes from the tail formula (or underflows to 0); the mirrored
    /// shape I_x(1, b) = 1 − (1 − x)^b has the root 1 − (1 − p)^(1/b), which rounds to 1.
    @Test func rootsBeyondTheNormalRange() {
        let steep = IncompleteBeta.Inverter(0.002, 1)
        let subnormal = pow(0.24, 500.0)
        #expect(subnormal > 0 && subnormal < Double.leastNormalMagnitude)
        #expect(abs(steep.inverse(0.24) - subnormal) <= 1e-12 * subnormal)
        #expect(steep.inverse(0.1) == 0)
        #expect(abs(steep.inverse(0.5) - pow(0.5, 500.0)) <= 1e-13 * pow(0.5, 500.0))
        let mirrored = IncompleteBeta.Inverter(1, 0.002)
        #expect(mirrored.inverse(0.9) == 1)
        #expect(mirrored.inverse(0.76) == 1)
        #expect(mirrored.inverse(0.5) == 1)
    }
}
