/// Nengo's generic, numerical `gain_bias` / `max_rates_intercepts`, for neuron types without
/// a closed form (``Izhikevich``). Both only need ``NeuronType/rates(currents:)`` and assume
/// the rate grows with the current. As in Nengo's base `NeuronType`, they are the defaults of
/// ``NeuronType/gainBias(maxRates:intercepts:)`` and
/// ``NeuronType/maxRatesIntercepts(gain:bias:)``; types with a closed form implement their own.
extension NeuronType {
    /// ``numericGainBias(maxRates:intercepts:)``, unless the type has its own.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try numericGainBias(maxRates: maxRates, intercepts: intercepts)
    }

    /// ``numericMaxRatesIntercepts(gain:bias:)``, unless the type has its own.
    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        numericMaxRatesIntercepts(gain: gain, bias: bias)
    }

    /// Finds gain and bias by sampling the rate curve.
    ///
    /// 1. For `Jr = 10, 20, 40, ...` (10 ranges), sample `J = linspace(-Jr, Jr, 101)`. From the
    ///    first range that has one, `J_thr` is the **last** `J` with rate <= 0; from the first
    ///    range that has one, `J_max` is the **first** `J` with rate >= `max(maxRates)`.
    /// 2. On `J = linspace(J_thr, J_max, 101)`, `J_top = interp(maxRate, rates(J), J)`
    ///    (numpy's `interp`), `gain = (J_thr - J_top) / (intercept - 1)` and
    ///    `bias = J_top - gain`.
    ///
    /// - Throws: ``BrainKitError`` (validation) when no current below the firing threshold
    ///   or none reaching the largest max rate is found within `|J| <= 5120`, or when the
    ///   counts differ.
    public func numericGainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        let object = String(describing: Self.self)
        try Check.count(intercepts.count, maxRates.count, object, "intercepts")
        guard let highest = maxRates.max() else { return ([], []) }
        var threshold: Double?
        var maxCurrent: Double?
        var range = 10.0
        for _ in 0..<10 {
            let currents = NumericRates.linspace(-range, range, count: 101)
            let r = rates(currents: currents)
            if threshold == nil, let last = r.lastIndex(where: { $0 <= 0 }) {
                threshold = currents[last]
            }
            if maxCurrent == nil, let first = r.firstIndex(where: { $0 >= highest }) {
                maxCurrent = currents[first]
            }
            if threshold != nil && maxCurrent != nil { break }
            range *= 2
        }
        guard let threshold else {
            throw .validation(object, nil, "could not find the firing threshold (every sampled current fires)")
        }
        guard let maxCurrent else {
            throw .validation(
                object, "maxRates", "cannot be reached: could not find a current firing at \(highest) Hz")
        }
        let currents = NumericRates.linspace(threshold, maxCurrent, count: 101)
        let r = rates(currents: currents)
        var gain = [Double](repeating: 0, count: maxRates.count)
        var bias = gain
        for i in 0..<maxRates.count {
            let top = NumericRates.interpolate(maxRates[i], xp: r, fp: currents)
            gain[i] = (threshold - top) / (intercepts[i] - 1)
            bias[i] = top - gain[i]
        }
        return (gain, bias)
    }

    /// The inverse of ``numericGainBias(maxRates:intercepts:)`` by sampling: the max rate is
    /// the rate at `x = 1` (`J = gain + bias`); on `x = linspace(-1, 1, 101)` the intercept is
    /// the sample just before the first one that fires (`x[max(k - 1, 0)]`, or -1 when none
    /// fires).
    public func numericMaxRatesIntercepts(
        gain: [Double], bias: [Double]
    ) -> (maxRates: [Double], intercepts: [Double]) {
        precondition(gain.count == bias.count, "maxRatesIntercepts: gain and bias differ in length")
        let n = gain.count
        let maxRates = rates(currents: (0..<n).map { gain[$0] + bias[$0] })
        let x = NumericRates.linspace(-1, 1, count: 101)
        var currents = [Double](repeating: 0, count: x.count * n)
        for k in 0..<x.count {
            for i in 0..<n {
                currents[k * n + i] = gain[i] * x[k] + bias[i]
            }
        }
        let r = rates(currents: currents)
        var intercepts = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var first = 0
            while first < x.count && !(r[first * n + i] > 0) { first += 1 }
            if first == x.count { first = 0 }
            intercepts[i] = x[max(first - 1, 0)]
        }
        return (maxRates, intercepts)
    }
}

/// numpy's `linspace` and `interp`, reproduced exactly for the numeric gain/bias search.
enum NumericRates {
    /// `start + i * (stop - start) / (count - 1)`, with the last value exactly `stop`.
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// Piecewise-linear interpolation of `(xp, fp)` at `x`, with `xp` non-decreasing; clamps
    /// to the end values outside `xp`. Between tied `xp` values it takes the last one, as
    /// numpy does.
    static func interpolate(_ x: Double, xp: [Double], fp: [Double]) -> Double {
        let last = xp.count - 1
        if x.isNaN { return x }
        if x < xp[0] { return fp[0] }
        if x > xp[last] { return fp[last] }
        // The largest j with xp[j] <= x.
        var low = 0
        var high = last + 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if xp[middle] <= x { low = middle } else { high = middle }
        }
        let j = low
        if j == last || xp[j] == x { return fp[j] }
        let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
        var y = slope * (x - xp[j]) + fp[j]
        if y.isNaN {
            y = slope * (x - xp[j + 1]) + fp[j + 1]
            if y.isNaN && fp[j] == fp[j + 1] { y = fp[j] }
        }
        return y
    }
}
