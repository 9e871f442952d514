import BrainTestSupport
import Testing

@testable import BrainCore

/// General linear filters: tf2ss, every discretisation method and `filt`, against Nengo
/// (synapses.json, from make_synapses.py).
@Suite("LinearFilter matches Nengo's discretisation and filt")
struct LinearFilterTests {
    static let caseNames = [
        "second_order_zoh", "second_order_euler", "second_order_bilinear", "second_order_backward_diff",
        "second_order_gbt_0.3", "third_order_zoh", "discrete_first_order", "discrete_second_order",
        "lowpass_tau_1e-5", "alpha_tau_1e-4", "lowpass_tau_0",
    ]

    @Test(arguments: caseNames)
    func discretisationAndFiltMatchNengo(_ name: String) throws {
        let reference = try Fixture("synapses")
        let c = try #require(reference.elements("cases").first { $0.string("name") == name })
        let method: DiscretizationMethod =
            switch c.string("method") {
            case "euler": .euler
            case "bilinear": .bilinear
            case "backward_diff": .backwardDifference
            case "gbt": .generalizedBilinear(alpha: c.double("alpha"))
            default: .zeroOrderHold
            }
        let filter = try LinearFilter(
            numerator: c.doubles("numerator"), denominator: c.doubles("denominator"), analog: c.bool("analog"),
            method: method)
        let discrete = try filter.discretized(dt: c.double("dt"))
        let a = c.matrix("A").flatMap { $0 }
        let scale = max(a.map(abs).max() ?? 1, 1)
        // Nengo's own zero-order hold of the stiffest case (Alpha(1e-4)) is off by ~1e-13
        // relative in B; the comparison with the exact values below is tighter.
        #expect(maxAbsoluteDifference(discrete.a.values, a) <= 5e-14 * scale, "A")
        #expect(maxRelativeDifference(discrete.b, c.doubles("B")) <= 1e-12, "B")
        #expect(maxRelativeDifference(discrete.c, c.doubles("C")) <= 1e-13, "C")
        #expect(abs(discrete.d - c.double("D")) <= 1e-13 * max(abs(c.double("D")), 1), "D")
        let expected = c.doubles("filt")
        if !expected.isEmpty {
            let y = discrete.filter(reference.doubles("u"))
            let peak = expected.map(abs).max() ?? 1
            #expect(maxAbsoluteDifference(y, expected) <= 1e-12 * peak, "filt")
        }
        let exact = c.object("exact_zoh")
        if !exact.keys().isEmpty {
            #expect(maxAbsoluteDifference(discrete.a.values, exact.matrix("A").flatMap { $0 }) <= 1e-14 * scale, "exact A")
            #expect(maxRelativeDifference(discrete.b, exact.doubles("B")) <= 5e-13, "exact B")
        }
    }

    @Test func tf2ssIsControllableCanonicalForm() throws {
        // H(s) = (2s + 3) / (4s² + 8s + 12) → normalised den [1, 2, 3], num [0, 0.5, 0.75].
        let space = try LinearFilter(numerator: [2, 3], denominator: [4, 8, 12]).stateSpace
        #expect(space.a == Matrix([[-2, -3], [1, 0]]))
        #expect(space.b == [1, 0])
        #expect(space.c == [0.5, 0.75])
        #expect(space.d == 0)
    }

    @Test func leadingZerosAreDroppedAndDegreeZeroHasNoState() throws {
        let gain = try LinearFilter(numerator: [0, 3], denominator: [0, 0, 2])
        #expect(gain.stateCount == 0)
        let discrete = try gain.discretized(dt: 0.001)
        #expect(discrete.stateCount == 0 && discrete.d == 1.5)
        #expect(discrete.filter([1, -2, 4]) == [1.5, -3, 6])
    }

    @Test func discreteFiltersIgnoreDt() throws {
        let filter = try LinearFilter(numerator: [0.2, 0.1], denominator: [1, -0.7], analog: false)
        #expect(try filter.discretized(dt: 0.001) == filter.discretized(dt: 0.5))
    }

    @Test func eulerIsTheForwardDifference() throws {
        let filter = try LinearFilter(numerator: [1], denominator: [1, 0], method: .euler).discretized(dt: 0.01)
        #expect(filter.a == Matrix([[1]]) && filter.b == [0.01] && filter.c == [1] && filter.d == 0)
        // An integrator: y_k = Σ_{i ≤ k} dt u_i.
        let y = filter.filter([1, 1, 1, 1])
        #expect(maxAbsoluteDifference(y, [0.01, 0.02, 0.03, 0.04]) < 1e-15)
    }

    @Test func badCoefficientsAreRejected() {
        #expect(throws: BrainKitError.validation("LinearFilter", "numerator", "must have at least one coefficient")) {
            try LinearFilter(numerator: [], denominator: [1])
        }
        #expect(throws: BrainKitError.validation("LinearFilter", "denominator", "must have a nonzero coefficient")) {
            try LinearFilter(numerator: [1], denominator: [0, 0])
        }
        #expect(
            throws: BrainKitError.validation(
                "LinearFilter", "numerator", "has degree 2, higher than the denominator's 1 (improper transfer function)")
        ) {
            try LinearFilter(numerator: [1, 0, 0], denominator: [1, 1])
        }
        #expect(throws: BrainKitError.self) { try LinearFilter(numerator: [.nan], denominator: [1, 1]) }
        #expect(throws: BrainKitError.validation("LinearFilter", "method", "alpha must be in [0, 1], got 1.5")) {
            try LinearFilter(numerator: [1], denominator: [1, 1], method: .generalizedBilinear(alpha: 1.5))
        }
        #expect(throws: BrainKitError.validation("LinearFilter", "dt", "must be > 0, got 0")) {
            try LinearFilter(numerator: [1], denominator: [1, 1]).discretized(dt: 0)
        }
    }

    @Test func singularBilinearTransformThrowsLinearAlgebraError() throws {
        // Backward difference with a pole at s = 1/dt makes I − dt·A singular.
        let filter = try LinearFilter(numerator: [1], denominator: [1, -100], method: .backwardDifference)
        #expect {
            try filter.discretized(dt: 0.01)
        } throws: { error in
            (error as? BrainKitError)?.kind == .linearAlgebra
        }
    }
}
