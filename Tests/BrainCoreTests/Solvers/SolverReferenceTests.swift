import BrainTestSupport
import Foundation
import Testing
@testable import BrainCore

/// Decoders against Nengo 4.1: fixture c (the default LstsqL2 on a 50-neuron ensemble) and
/// solvers.json (every solver on fixture c's activities and on random problems; see
/// Fixtures/make_solvers.py).
@Suite("Solvers match Nengo's decoders")
struct SolverReferenceTests {
    /// LIF rates (Hz) of fixture c's ensemble at its eval points, m x n:
    /// `J = gain · (x·e) + bias`, `r(J) = 1 / (tau_ref + tau_rc · log1p(1 / (J − 1)))` for J > 1,
    /// else 0, with tau_rc = 0.02 s and tau_ref = 0.002 s.
    static func fixtureCActivities(_ c: Fixture) -> Matrix {
        let x = c.doubles("eval_points"), encoders = c.doubles("encoders")
        let gain = c.doubles("gain"), bias = c.doubles("bias")
        var a = Matrix(rows: x.count, columns: encoders.count)
        for i in 0..<x.count {
            for j in 0..<encoders.count {
                let current = gain[j] * (x[i] * encoders[j]) + bias[j]
                a[i, j] = current > 1 ? 1 / (0.002 + 0.02 * log1p(1 / (current - 1))) : 0
            }
        }
        return a
    }

    /// The largest decoder error relative to the largest reference decoder.
    static func decoderError(_ decoders: Matrix, _ reference: [[Double]]) -> Double {
        let expected = reference.flatMap { $0 }
        let scale = expected.reduce(0) { max($0, abs($1)) }
        return maxAbsoluteDifference(decoders.values, expected) / scale
    }

    static let defaultSolvers: [any Solver] = [
        LstsqL2(), LstsqL2nz(), Lstsq(), Nnls(), NnlsL2(), NnlsL2nz(),
    ]

    @Test func lstsqL2MatchesFixtureC() throws {
        let c = try Fixture("c_ensemble_1d")
        let activities = Self.fixtureCActivities(c)
        #expect(abs(activities.maxElement - c.double("activities_max")) <= 1e-12 * c.double("activities_max"))
        let sigma = c.double("solver_sigma")
        #expect(abs(LstsqL2().reg * activities.maxElement - sigma) <= 1e-12 * sigma)
        let x = c.doubles("eval_points")
        var rng = RandomState(seed: 0)
        for (target, key) in [(x, "identity"), (x.map { $0 * $0 }, "square")] {
            let result = try LstsqL2().solve(activities: activities, targets: Matrix(column: target), rng: &rng)
            let reference = c.doubles("decoders_\(key)")
            #expect(Self.decoderError(result.decoders, reference.map { [$0] }) <= 1e-9, "\(key)")
            #expect(abs(result.rmses[0] - c.double("rmse_\(key)")) <= 1e-9 * c.double("rmse_\(key)"), "\(key)")
        }
    }

    @Test func everySolverMatchesNengoOnFixtureC() throws {
        let c = try Fixture("c_ensemble_1d")
        let reference = try Fixture("solvers").object("cases").object("fixture_c")
        let activities = Self.fixtureCActivities(c)
        let sum = activities.values.reduce(0, +)
        #expect(abs(sum - reference.double("activities_sum")) <= 1e-12 * sum)
        let x = c.doubles("eval_points")
        let targets = Matrix(rows: x.count, columns: 2, values: x.flatMap { [$0, $0 * $0] })
        try Self.check(Self.defaultSolvers, activities, targets, reference.object("results"))
    }

    @Test(arguments: ["tall", "wide", "mixed"])
    func everySolverMatchesNengoOnRandomProblems(_ name: String) throws {
        let problem = try Fixture("solvers").object("cases").object(name)
        let activities = Matrix(problem.matrix("activities"))
        let targets = Matrix(problem.matrix("targets"))
        var solvers = Self.defaultSolvers
        switch name {
        case "tall": solvers += [try LstsqL2(reg: 0.01), try Lstsq(rcond: 0.001), try NnlsL2(reg: 0.05)]
        case "mixed": solvers += [try Lstsq(rcond: 0.2)]
        default: break
        }
        #expect(Set(solvers.map(\.description)) == Set(problem.object("results").keys()))
        try Self.check(solvers, activities, targets, problem.object("results"))
    }

    /// Solves with each solver and compares with the result stored under its description.
    static func check(_ solvers: [any Solver], _ activities: Matrix, _ targets: Matrix, _ results: Fixture) throws {
        var rng = RandomState(seed: 0)
        for solver in solvers {
            let reference = results.object(solver.description)
            let result = try solver.solve(activities: activities, targets: targets, rng: &rng)
            #expect(result.decoders.rows == activities.columns && result.decoders.columns == targets.columns)
            #expect(decoderError(result.decoders, reference.matrix("decoders")) <= 1e-8, "\(solver)")
            let error = rmseError(result.rmses, reference.doubles("rmses"), targets: targets)
            #expect(error <= 1e-8, "\(solver): rmses \(result.rmses), Nengo \(reference.doubles("rmses"))")
        }
    }

    /// The largest difference between two columns' residuals, relative to the larger of the
    /// reference residual and the column's target RMS.
    ///
    /// A solve that fits its targets exactly (a wide problem: more neurons than eval points)
    /// leaves a residual of rounding noise, about 1e-15 of the targets, whose digits depend on
    /// the BLAS kernel (AVX2 and AVX-512 differ by tens of percent of it): such a residual has
    /// no relative precision, so it is compared on the scale of the targets it is a residual of.
    static func rmseError(_ rmses: [Double], _ reference: [Double], targets: Matrix) -> Double {
        var largest = 0.0
        for (column, (ours, theirs)) in zip(rmses, reference).enumerated() {
            var sumOfSquares = 0.0
            for row in 0..<targets.rows { sumOfSquares += targets[row, column] * targets[row, column] }
            let targetRMS = (sumOfSquares / Double(max(targets.rows, 1))).squareRoot()
            largest = max(largest, abs(ours - theirs) / max(abs(theirs), targetRMS))
        }
        return rmses.count == reference.count ? largest : .infinity
    }
}
