/// A single-input single-output linear system in state-space form,
/// `x' = A x + B u`, `y = C x + D u` (continuous) or the same as a recurrence (discrete).
struct StateSpace {
    var a: Matrix
    var b: [Double]
    var c: [Double]
    var d: Double

    /// The controllable canonical realisation of `numerator / denominator` (both in
    /// descending powers, already normalised so that `denominator[0] == 1` and no longer than
    /// the denominator): with n = `denominator.count − 1` states,
    /// `A = [−den[1...] ; shifted identity]`, `B = e₁`, `C = num'[1...] − num'[0]·den[1...]`,
    /// `D = num'[0]`, where num' is the numerator left-padded with zeros to n + 1 values.
    init(numerator: [Double], denominator: [Double]) {
        precondition(denominator.first == 1 && numerator.count <= denominator.count, "StateSpace: unnormalised")
        let n = denominator.count - 1
        let padded = [Double](repeating: 0, count: denominator.count - numerator.count) + numerator
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n { a[0, j] = -denominator[j + 1] }
        for i in 1..<max(n, 1) { a[i, i - 1] = 1 }
        self.a = a
        self.b = (0..<n).map { $0 == 0 ? 1 : 0 }
        self.c = (0..<n).map { padded[$0 + 1] - padded[0] * denominator[$0 + 1] }
        self.d = padded[0]
    }

    init(a: Matrix, b: [Double], c: [Double], d: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    var stateCount: Int { a.rows }

    var discreteFilter: DiscreteFilter {
        DiscreteFilter(a: a, b: b, c: c, d: d)
    }

    /// This continuous system discretised for a step of `dt` seconds.
    /// - Returns: nil when a matrix that must be inverted is singular (or the exponential is
    ///   not finite).
    func discretized(dt: Double, method: DiscretizationMethod) -> StateSpace? {
        let n = stateCount
        if n == 0 { return self }
        guard let alpha = method.bilinearWeight else {
            // Zero-order hold: expm(dt [[A, B], [0, 0]]) = [[Ad, Bd], [0, I]].
            var augmented = Matrix(rows: n + 1, columns: n + 1)
            for i in 0..<n {
                for j in 0..<n { augmented[i, j] = dt * a[i, j] }
                augmented[i, n] = dt * b[i]
            }
            guard let e = matrixExponential(augmented) else { return nil }
            var ad = Matrix(rows: n, columns: n)
            for i in 0..<n {
                for j in 0..<n { ad[i, j] = e[i, j] }
            }
            return StateSpace(a: ad, b: (0..<n).map { e[$0, n] }, c: c, d: d)
        }
        let identity = Matrix.identity(n)
        let implicit = SmallDense.combination([(1, identity), (-alpha * dt, a)])
        let explicit = SmallDense.combination([(1, identity), ((1 - alpha) * dt, a)])
        guard let ad = SmallDense.solve(implicit, explicit),
            let bd = SmallDense.solve(implicit, Matrix(column: b.map { dt * $0 })),
            let cdT = SmallDense.solve(implicit.transposed, Matrix(column: c))
        else { return nil }
        var dd = d
        for i in 0..<n { dd += alpha * c[i] * bd[i, 0] }
        return StateSpace(a: ad, b: bd.values, c: cdT.values, d: dd)
    }
}
