/// Helpers shared by the decoder solvers: problem checks, residual errors and Nengo-style
/// descriptions.
enum SolverSupport {
    /// Checks that `activities` (m x n) and `targets` (m x d) describe one problem and that at
    /// least one eval point activates a neuron.
    /// - Precondition: `activities.rows == targets.rows` (the builder makes both from the same
    ///   eval points).
    /// - Throws: a ``BrainKitError/Kind/build`` error naming `solver` when every activity is 0.
    static func checkProblem(_ activities: Matrix, _ targets: Matrix, solver: String) throws(BrainKitError) {
        precondition(
            activities.rows == targets.rows,
            "\(solver): \(activities.rows) rows of activities against \(targets.rows) rows of targets")
        guard activities.values.contains(where: { $0 != 0 }) else {
            throw .build(solver, "activities", "are all zero: no eval point activates any neuron")
        }
    }

    /// The root-mean-square error of each target column, `sqrt(mean((Y − A·D)², axis 0))`.
    static func rmses(activities: Matrix, decoders: Matrix, targets: Matrix) -> [Double] {
        guard targets.rows > 0 else { return [Double](repeating: 0, count: targets.columns) }
        return rmses(decoded: LinearAlgebra.multiply(activities, decoders), targets: targets)
    }

    /// The root-mean-square error of each target column against `decoded` (A·D, m x d).
    static func rmses(decoded: some DecodedValues, targets: Matrix) -> [Double] {
        let rows = targets.rows, columns = targets.columns
        guard rows > 0 else { return [Double](repeating: 0, count: columns) }
        var sums = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let error = targets[r, c] - decoded.value(r, c)
                sums[c] += error * error
            }
        }
        return sums.map { ($0 / Double(rows)).squareRoot() }
    }

    /// A decoded matrix A·D in either precision.
    protocol DecodedValues {
        func value(_ row: Int, _ column: Int) -> Double
    }

    /// The largest absolute activity, `max |A|`.
    static func maxAbsolute(_ activities: Matrix) -> Double {
        activities.values.reduce(0) { max($0, abs($1)) }
    }

    /// Nengo's `repr`: the type name, then `weights=True` when set, then each parameter that
    /// differs from its default, e.g. `LstsqL2(weights=True, reg=0.2)`.
    static func describe(
        _ name: String, weights: Bool, _ parameters: [(name: String, value: Double, default: Double)]
    ) -> String {
        var parts = weights ? ["weights=True"] : []
        for parameter in parameters where parameter.value != parameter.default {
            parts.append("\(parameter.name)=\(Check.format(parameter.value))")
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

extension Matrix: SolverSupport.DecodedValues {
    func value(_ row: Int, _ column: Int) -> Double { self[row, column] }
}

extension SingleMatrix: SolverSupport.DecodedValues {
    func value(_ row: Int, _ column: Int) -> Double { Double(values[row * columns + column]) }
}
