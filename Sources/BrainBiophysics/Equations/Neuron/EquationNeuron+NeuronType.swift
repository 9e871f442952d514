import BrainCore

extension EquationNeuron {
    /// Advances `count` neurons by one step of `dt` seconds: each neuron's `Float` state is
    /// loaded into `Double`, advanced by the compiled stepper (see ``EquationNeuron``'s
    /// documentation for the order of integration, threshold, reset and refractoriness), and
    /// stored back; the output is `1/dt` in a step with a spike, else 0. The input parameter
    /// is `value + J × inputUnit`. Allocation-free (the scratch registers live on the stack).
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let n = compiled.stateCount
        let hasRefractory = compiled.refractory != nil
        let base = compiled.inputBase
        let scale = compiled.inputScale
        let spikeHeight = Float(1 / dt)
        compiled.withStepper(dt: dt, scheme: scheme) { stepper in
            let registers = stepper.registers
            var neuron = 0
            while neuron < count {
                for k in 0..<n { registers[k] = Double(state[k * stateStride + neuron]) }
                var remaining = hasRefractory ? Double(state[n * stateStride + neuron]) : 0
                let spiked = stepper.advance(
                    input: base + Double(current[neuron]) * scale, refractoryRemaining: &remaining)
                for k in 0..<n { state[k * stateStride + neuron] = Float(registers[k]) }
                if hasRefractory { state[n * stateStride + neuron] = Float(remaining) }
                output[neuron] = spiked ? spikeHeight : 0
                neuron += 1
            }
        }
    }

    /// Steady firing rates (Hz) for currents J, interpolated linearly on the cached grid of
    /// measured rates (see ``RateMeasurement``); grid points not yet measured are simulated
    /// first. Non-finite currents give 0.
    public func rates(currents: [Double]) -> [Double] {
        let grid = rateMeasurement
        func index(_ current: Double) -> Int {
            Int(clamping: Int64(max(-1e15, min(1e15, grid.gridPosition(current).rounded(.down)))))
        }
        var points = Set<Int>()
        for current in currents where current.isFinite {
            let k = index(current)
            points.insert(k)
            points.insert(k + 1)
        }
        let missing = rateCache.missing(points)
        if !missing.isEmpty {
            let measured = measureRates(currents: missing.map(grid.gridCurrent))
            rateCache.store(Dictionary(uniqueKeysWithValues: zip(missing, measured)))
        }
        return currents.map { current in
            guard current.isFinite else { return 0 }
            let k = index(current)
            let (low, high) = (grid.gridCurrent(k), grid.gridCurrent(k + 1))
            let lowRate = rateCache.rate(at: k) ?? 0
            let highRate = rateCache.rate(at: k + 1) ?? 0
            let fraction = high > low ? min(1, max(0, (current - low) / (high - low))) : 0
            return lowRate + (highRate - lowRate) * fraction
        }
    }

    /// Measures the steady rate at each current by simulation in `Double` (see
    /// ``RateMeasurement``).
    func measureRates(currents: [Double]) -> [Double] {
        let dt = rateMeasurement.dt
        let settleSteps = Int((rateMeasurement.settle / dt).rounded())
        let countSteps = max(1, Int((rateMeasurement.duration / dt).rounded()))
        let n = compiled.stateCount
        let initial = compiled.initialValues
        var previous = [Double](repeating: 0, count: n)
        return compiled.withStepper(dt: dt, scheme: scheme) { stepper in
            var rates: [Double] = []
            rates.reserveCapacity(currents.count)
            for current in currents {
                let input = compiled.inputBase + current * compiled.inputScale
                for k in 0..<n { stepper.registers[k] = initial[k] }
                var remaining = 0.0
                var spikes = 0
                var first = 0
                var last = 0
                for stepIndex in 0..<(settleSteps + countSteps) {
                    for k in 0..<n { previous[k] = stepper.registers[k] }
                    let spiked = stepper.advance(input: input, refractoryRemaining: &remaining)
                    if spiked {
                        if stepIndex >= settleSteps {
                            if spikes == 0 { first = stepIndex }
                            last = stepIndex
                            spikes += 1
                        }
                    } else if remaining == 0 && EquationNeuron.isFixedPoint(stepper.registers, previous) {
                        spikes = 0
                        break
                    }
                }
                if spikes >= 2 {
                    rates.append(Double(spikes - 1) / (Double(last - first) * dt))
                } else {
                    rates.append(Double(spikes) / (Double(countSteps) * dt))
                }
            }
            return rates
        }
    }

    /// Whether no state variable moved by more than `1e-13` of its size in the last step.
    private static func isFixedPoint(_ state: UnsafeMutablePointer<Double>, _ previous: [Double]) -> Bool {
        for k in previous.indices {
            let change = abs(state[k] - previous[k])
            if !(change <= 1e-13 * abs(state[k])) { return false }
        }
        return true
    }

    /// Gain and bias by BrainCore's generic numeric search
    /// (`NeuronType/numericGainBias(maxRates:intercepts:)`) on the simulated rate curve.
    /// - Throws: `BrainKitError` (validation) when the model has no threshold or no input
    ///   parameter, when it does not spike for any current within `|J| <= 5120`, or when a max
    ///   rate cannot be reached.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        guard let threshold else {
            throw .validation(
                EquationModel.object, "threshold",
                "is required to use the model as an ensemble's neuron type: without one it cannot spike")
        }
        guard input != nil else {
            throw .validation(
                EquationModel.object, "input",
                "is required to use the model as an ensemble's neuron type: name the parameter that receives "
                    + "the current J (e.g. input: \"I\", inputUnit: \"nA\")")
        }
        let extremes = rates(currents: [-5120, 5120])
        guard extremes.contains(where: { $0 > 0 }) else {
            throw .validation(
                EquationModel.object, nil,
                "cannot spike: the threshold '\(threshold)' never holds for input currents J up to ±5120 "
                    + "(× \(inputUnit)), so no gain and bias reach the max rates")
        }
        return try numericGainBias(maxRates: maxRates, intercepts: intercepts)
    }
}
