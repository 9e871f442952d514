import BrainCore

extension EquationNeuron {
    /// A single cell's simulated run: traces of every state variable and the spike times.
    public struct Simulation: Sendable {
        /// Sample times (seconds): the start of each step, `0, dt, 2dt, ...` (as Brian's
        /// `StateMonitor` records, before that step's update).
        public let times: [Double]
        /// Each state variable's values at ``times``, in SI units (volt, amp, ...), by name.
        public let traces: [String: [Double]]
        /// Spike times (seconds): the start of the step in which the threshold became true (as
        /// Brian's `SpikeMonitor` records them).
        public let spikeTimes: [Double]
    }

    /// Simulates one cell in `Double` from its initial values, with the type's method,
    /// threshold, reset and refractory period.
    ///
    /// - Parameters:
    ///   - duration: simulated time (seconds), >= 0; `round(duration / dt)` steps.
    ///   - dt: the step (seconds), > 0.
    ///   - input: the current J (units of `inputUnit`) added to the input parameter's value;
    ///     ignored without an input parameter.
    /// - Throws: `BrainKitError` (validation) for a bad duration or step.
    public func simulate(duration: Double, dt: Double, input: Double = 0) throws(BrainKitError) -> Simulation {
        try Check.greaterThan(dt, 0, EquationModel.object, "dt")
        try Check.atLeast(duration, 0, EquationModel.object, "duration")
        try Check.finite([duration, dt, input], EquationModel.object, "simulate")
        let stepCount = (duration / dt).rounded()
        guard stepCount <= 100_000_000 else {
            throw .validation(
                EquationModel.object, "duration", "needs \(stepCount) steps of dt; at most 100000000 are allowed")
        }
        let steps = Int(stepCount)
        let n = compiled.stateCount
        var traces = [[Double]](repeating: [], count: n)
        for k in 0..<n { traces[k].reserveCapacity(steps) }
        var spikeTimes: [Double] = []
        let current = compiled.inputBase + input * compiled.inputScale
        compiled.withStepper(dt: dt, scheme: scheme) { stepper in
            for k in 0..<n { stepper.registers[k] = compiled.initialValues[k] }
            var remaining = 0.0
            for stepIndex in 0..<steps {
                for k in 0..<n { traces[k].append(stepper.registers[k]) }
                if stepper.advance(input: current, refractoryRemaining: &remaining) {
                    spikeTimes.append(Double(stepIndex) * dt)
                }
            }
        }
        return Simulation(
            times: (0..<steps).map { Double($0) * dt },
            traces: Dictionary(uniqueKeysWithValues: zip(variableNames, traces)),
            spikeTimes: spikeTimes)
    }
}
