import Testing
@testable import BrainCore

/// Parameter checks, build errors, descriptions and NoSolver.
@Suite("Solvers validate their input and describe themselves like Nengo")
struct SolverValidationTests {
    /// The error `body` throws, or nil.
    static func error(_ body: () throws(BrainKitError) -> Void) -> BrainKitError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// Expects `body` to throw an error of `kind` about `object` and `parameter`; returns it.
    @discardableResult
    static func expectError(
        _ kind: BrainKitError.Kind, _ object: String, _ parameter: String?,
        _ body: () throws(BrainKitError) -> Void
    ) -> BrainKitError? {
        let error = error(body)
        #expect(
            error?.kind == kind && error?.object == object && error?.parameter == parameter,
            "\(String(describing: error))")
        return error
    }

    @Test(arguments: [-1.0, .nan, .infinity])
    func rejectsBadParameters(_ value: Double) {
        Self.expectError(.validation, "LstsqL2", "reg") { () throws(BrainKitError) in _ = try LstsqL2(reg: value) }
        Self.expectError(.validation, "LstsqL2nz", "reg") { () throws(BrainKitError) in _ = try LstsqL2nz(reg: value) }
        Self.expectError(.validation, "NnlsL2", "reg") { () throws(BrainKitError) in _ = try NnlsL2(reg: value) }
        Self.expectError(.validation, "NnlsL2nz", "reg") { () throws(BrainKitError) in _ = try NnlsL2nz(reg: value) }
        Self.expectError(.validation, "Lstsq", "rcond") { () throws(BrainKitError) in _ = try Lstsq(rcond: value) }
        if !value.isFinite {
            Self.expectError(.validation, "NoSolver", "values") { () throws(BrainKitError) in
                _ = try NoSolver(values: Matrix([[1], [value]]))
            }
        }
    }

    @Test func messageNamesSolverAndParameter() {
        let error = Self.expectError(.validation, "LstsqL2", "reg") { () throws(BrainKitError) in
            _ = try LstsqL2(reg: -1)
        }
        #expect(error?.description == "LstsqL2: reg must be >= 0, got -1")
    }

    @Test func zeroIsAllowedAsInNengo() throws {
        #expect(try LstsqL2(reg: 0).reg == 0)
        #expect(try Lstsq(rcond: 0).rcond == 0)
        #expect(try NnlsL2(reg: 0).reg == 0)
    }

    @Test func allZeroActivitiesAreABuildError() {
        let activities = Matrix(rows: 4, columns: 3)
        let targets = Matrix(column: [1, 2, 3, 4])
        let solvers: [any Solver] = [LstsqL2(), LstsqL2nz(), Lstsq(), Nnls(), NnlsL2(), NnlsL2nz()]
        for solver in solvers {
            var rng = RandomState(seed: 1)
            let name = String(solver.description.prefix { $0 != "(" })
            let error = Self.expectError(.build, name, "activities") { () throws(BrainKitError) in
                _ = try solver.solve(activities: activities, targets: targets, rng: &rng)
            }
            #expect(error?.message == "are all zero: no eval point activates any neuron")
        }
    }

    @Test func unregularizedSingularSystemIsALinearAlgebraError() throws {
        let activities = Matrix([[1, 1], [2, 2], [3, 3]])
        var rng = RandomState(seed: 1)
        let solver = try LstsqL2(reg: 0)
        Self.expectError(.linearAlgebra, "LstsqL2", nil) { () throws(BrainKitError) in
            _ = try solver.solve(activities: activities, targets: Matrix(column: [1, 2, 3]), rng: &rng)
        }
    }

    @Test func descriptionsFollowNengosRepr() throws {
        #expect(LstsqL2().description == "LstsqL2()")
        #expect(try LstsqL2(reg: 0.2, weights: true).description == "LstsqL2(weights=True, reg=0.2)")
        #expect(try LstsqL2(reg: 1).description == "LstsqL2(reg=1)")
        #expect(LstsqL2nz(weights: true).description == "LstsqL2nz(weights=True)")
        #expect(try Lstsq(rcond: 0.1, weights: true).description == "Lstsq(weights=True, rcond=0.1)")
        #expect(Nnls(weights: true).description == "Nnls(weights=True)")
        #expect(try NnlsL2(reg: 0.05).description == "NnlsL2(reg=0.05)")
        #expect(try NnlsL2nz(reg: 0.2).description == "NnlsL2nz(reg=0.2)")
        #expect(NoSolver().description == "NoSolver()")
        #expect(try NoSolver(values: Matrix(rows: 3, columns: 2), weights: true).description
            == "NoSolver(values=Matrix(3x2), weights=True)")
    }

    @Test func onlyLeastSquaresSolversAreCompositional() {
        let compositional: [any Solver] = [LstsqL2(), LstsqL2nz(), Lstsq(), NoSolver()]
        let direct: [any Solver] = [Nnls(), NnlsL2(), NnlsL2nz()]
        #expect(compositional.allSatisfy { $0.isCompositional })
        #expect(direct.allSatisfy { !$0.isCompositional })
        #expect(LstsqL2(weights: true).weights && !LstsqL2().weights)
    }

    @Test func noSolverReturnsItsValuesOrZeros() throws {
        let activities = Matrix([[10, 0], [20, 5], [0, 40]])
        let targets = Matrix(column: [1, 2, 3])
        var rng = RandomState(seed: 1)
        let zeros = try NoSolver().solve(activities: activities, targets: targets, rng: &rng)
        #expect(zeros.decoders == Matrix(rows: 2, columns: 1))
        #expect(abs(zeros.rmses[0] - (14.0 / 3).squareRoot()) < 1e-15)
        let given = Matrix(column: [0.1, 0.05])
        let result = try NoSolver(values: given).solve(activities: activities, targets: targets, rng: &rng)
        #expect(result.decoders == given)
        // A·D = [1, 2.25, 2] against [1, 2, 3].
        #expect(abs(result.rmses[0] - (1.0625 / 3).squareRoot()) < 1e-15)
        // Like Nengo's builder, NoSolver does not need any neuron to be active.
        let silent = try NoSolver().solve(activities: Matrix(rows: 3, columns: 2), targets: targets, rng: &rng)
        #expect(silent.decoders.rows == 2)
    }

    @Test func noSolverRejectsAWrongShapeAtSolveTime() throws {
        let solver = try NoSolver(values: Matrix(rows: 4, columns: 2))
        var rng = RandomState(seed: 1)
        let activities = Matrix(rows: 5, columns: 3, repeating: 1)
        let error = Self.expectError(.build, "NoSolver", "values") { () throws(BrainKitError) in
            _ = try solver.solve(activities: activities, targets: Matrix(rows: 5, columns: 2), rng: &rng)
        }
        #expect(error?.description == "NoSolver: values must be 3x2 (neurons x dimensions), got 4x2")
    }
}
