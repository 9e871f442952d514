extension Simulator {
    /// Firing rates (Hz) of `ensemble`'s neurons across its represented space (Nengo's
    /// `tuning_curves`): at each row x of `inputs`, `rate(gain ⊙ (E·x) / radius + bias)`.
    ///
    /// - Parameters:
    ///   - ensemble: an ensemble of this simulator's network, not Direct.
    ///   - inputs: points (rows) in the ensemble's space; by default 50 evenly spaced
    ///     values from −radius to radius in each dimension, on a full grid (50^d points).
    /// - Returns: the inputs and an inputs.rows x neurons matrix of rates.
    public func tuningCurves(_ ensemble: Ensemble, inputs: Matrix? = nil) throws(BrainKitError)
        -> (inputs: Matrix, rates: Matrix)
    {
        let built = try built(ensemble)
        guard !ensemble.neuronType.isDirect else {
            throw .validation(ensemble.name, "neuronType", "is Direct: there are no neurons to give tuning curves")
        }
        let points = inputs ?? Simulator.grid(dimensions: ensemble.dimensions, radius: ensemble.radius, count: 50)
        guard points.columns == ensemble.dimensions else {
            throw .validation(
                "tuningCurves", "inputs", "must have \(ensemble.dimensions) columns, got \(points.columns)")
        }
        return (points, Builder.activities(of: ensemble, built: built, at: points))
    }

    /// Firing rates (Hz) against the input along each neuron's own encoder (Nengo's
    /// `response_curves`): `rate(gain · x + bias)` for x in `inputs` (default 50 values from
    /// −1 to 1).
    /// - Returns: the inputs and an inputs.count x neurons matrix of rates.
    public func responseCurves(_ ensemble: Ensemble, inputs: [Double]? = nil) throws(BrainKitError)
        -> (inputs: [Double], rates: Matrix)
    {
        let built = try built(ensemble)
        guard !ensemble.neuronType.isDirect else {
            throw .validation(ensemble.name, "neuronType", "is Direct: there are no neurons to give response curves")
        }
        let x = inputs ?? Simulator.linspace(-1, 1, 50)
        let n = ensemble.neuronCount
        var currents = [Double](repeating: 0, count: x.count * n)
        for (i, value) in x.enumerated() {
            for j in 0..<n { currents[i * n + j] = built.gain[j] * value + built.bias[j] }
        }
        return (x, Matrix(rows: x.count, columns: n, values: ensemble.neuronType.rates(currents: currents)))
    }

    /// `count` evenly spaced values from `low` to `high` inclusive.
    static func linspace(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return [low] }
        return (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    /// A full grid of `count` points per dimension from −radius to radius (last dimension
    /// fastest, as numpy's meshgrid with `ij` indexing flattened).
    static func grid(dimensions: Int, radius: Double, count: Int) -> Matrix {
        let axis = linspace(-radius, radius, count)
        var total = 1
        for _ in 0..<dimensions { total *= count }
        var m = Matrix(rows: total, columns: dimensions)
        for row in 0..<total {
            var rest = row
            for d in stride(from: dimensions - 1, through: 0, by: -1) {
                m[row, d] = axis[rest % count]
                rest /= count
            }
        }
        return m
    }
}
