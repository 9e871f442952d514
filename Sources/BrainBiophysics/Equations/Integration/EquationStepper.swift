/// Advances one neuron of a ``CompiledEquations`` model by one step, in `Double`, on scratch
/// memory prepared once per call of ``CompiledEquations/withStepper(dt:scheme:_:)``.
///
/// The neuron's state lives in the first registers (`registers[0..<n]`, SI units); the caller
/// loads it, calls ``advance(input:refractoryRemaining:)`` and stores it back. One step of `dt`,
/// in Brian's order:
/// 1. refractoriness: the remaining refractory time drops by `dt`; the neuron is refractory
///    when more than `dt/2` remains (Brian's `not_refractory = t - lastspike >= refractory`
///    counted in whole steps);
/// 2. integration by the scheme, with `dX/dt = 0` for `(unless refractory)` variables while
///    refractory;
/// 3. threshold, only when not refractory, on the new state;
/// 4. on a spike, the reset statements in order, and the refractory time set to the period
///    rounded down to whole steps.
struct EquationStepper {
    let model: CompiledEquations
    let scheme: IntegrationScheme
    let dt: Double
    let code: UnsafeBufferPointer<TapeInstruction>
    let registers: UnsafeMutablePointer<Double>
    private let start: UnsafeMutablePointer<Double>
    private let slopes: UnsafeMutablePointer<Double>  // 4 × n
    private let offsets: UnsafeMutablePointer<Double>  // n
    private let matrix: UnsafeMutablePointer<Double>  // n × n
    private let propagator: UnsafeMutablePointer<Double>  // E, Φ, E refractory, Φ refractory
    private let propagatorScratch: UnsafeMutablePointer<Double>
    /// `[derivative registers (n) | clamped flags (n) | matrix registers (n²) | offset registers (n)]`.
    private let layout: UnsafeBufferPointer<Int32>
    private let refractorySteps: Double

    /// Doubles of scratch a stepper needs for `model` (the matrices only for the exact method).
    static func scratchCount(_ model: CompiledEquations, scheme: IntegrationScheme) -> Int {
        let n = model.stateCount
        let linear = scheme == .exact ? 5 * n * n + LinearPropagator.scratchCount(size: n) : 0
        return model.registerCount + 6 * n + linear
    }

    init(
        model: CompiledEquations, scheme: IntegrationScheme, dt: Double, code: UnsafeBufferPointer<TapeInstruction>,
        layout: UnsafeBufferPointer<Int32>, scratch: UnsafeMutablePointer<Double>
    ) {
        self.model = model
        self.scheme = scheme
        self.dt = dt
        self.code = code
        self.layout = layout
        let n = model.stateCount
        registers = scratch
        start = scratch + model.registerCount
        slopes = start + n
        offsets = slopes + 4 * n
        matrix = offsets + n
        propagator = matrix + n * n
        propagatorScratch = propagator + 4 * n * n
        let period = model.refractory ?? 0
        // Whole steps, as Brian's timestep(): floor(period / dt + 1e-3).
        refractorySteps = (period / dt + 1e-3).rounded(.down)
        model.registerTemplate.withUnsafeBufferPointer { template in
            for k in 0..<template.count { registers[k] = template[k] }
        }
        if scheme == .exact, let constant = model.linearSystem?.constantMatrix {
            constant.withUnsafeBufferPointer { values in
                for k in 0..<(n * n) { matrix[k] = values[k] }
            }
            preparePropagators()
        }
    }

    /// E and Φ for the constant matrix (and, with a refractory period, for the matrix with the
    /// clamped variables' rows zeroed).
    private func preparePropagators() {
        let n = model.stateCount
        LinearPropagator.compute(
            matrix: matrix, size: n, dt: dt, propagator: propagator, integral: propagator + n * n,
            scratch: propagatorScratch)
        if model.refractory != nil {
            for i in 0..<n where layout[n + i] != 0 {
                for j in 0..<n { matrix[i * n + j] = 0 }
            }
            LinearPropagator.compute(
                matrix: matrix, size: n, dt: dt, propagator: propagator + 2 * n * n, integral: propagator + 3 * n * n,
                scratch: propagatorScratch)
        }
    }

    /// Advances the state in `registers[0..<n]` by one step with the input parameter at
    /// `input` (SI). `refractoryRemaining` is the neuron's remaining refractory time (seconds).
    /// Returns whether the neuron spiked.
    @inline(__always)
    func advance(input: Double, refractoryRemaining: inout Double) -> Bool {
        let n = model.stateCount
        registers[model.inputRegister] = input
        var refractory = false
        if model.refractory != nil {
            let remaining = refractoryRemaining - dt
            if remaining > 0.5 * dt {
                refractory = true
                refractoryRemaining = remaining
            } else {
                refractoryRemaining = 0
            }
        }
        switch scheme {
        case .euler:
            derivatives(into: slopes, refractory: refractory)
            for i in 0..<n { registers[i] += dt * slopes[i] }
        case .heun:
            for i in 0..<n { start[i] = registers[i] }
            let k1 = slopes
            let k2 = slopes + n
            derivatives(into: k1, refractory: refractory)
            for i in 0..<n { registers[i] = start[i] + dt * k1[i] }
            derivatives(into: k2, refractory: refractory)
            for i in 0..<n { registers[i] = start[i] + 0.5 * dt * (k1[i] + k2[i]) }
        case .rk4:
            for i in 0..<n { start[i] = registers[i] }
            let k1 = slopes
            let k2 = slopes + n
            let k3 = slopes + 2 * n
            let k4 = slopes + 3 * n
            derivatives(into: k1, refractory: refractory)
            for i in 0..<n { registers[i] = start[i] + 0.5 * dt * k1[i] }
            derivatives(into: k2, refractory: refractory)
            for i in 0..<n { registers[i] = start[i] + 0.5 * dt * k2[i] }
            derivatives(into: k3, refractory: refractory)
            for i in 0..<n { registers[i] = start[i] + dt * k3[i] }
            derivatives(into: k4, refractory: refractory)
            for i in 0..<n {
                registers[i] = start[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])
            }
        case .exact:
            exactStep(refractory: refractory)
        }
        guard !refractory, let threshold = model.thresholdProgram else { return false }
        Tape.run(code, threshold, registers)
        guard registers[Int(model.thresholdRegister)] != 0 else { return false }
        Tape.run(code, model.resetProgram, registers)
        if model.refractory != nil { refractoryRemaining = refractorySteps * dt }
        return true
    }

    /// `slopes[i] = dX_i/dt` at the state in the registers (0 for clamped variables while
    /// refractory).
    @inline(__always)
    private func derivatives(into slopes: UnsafeMutablePointer<Double>, refractory: Bool) {
        let n = model.stateCount
        Tape.run(code, model.derivativeProgram, registers)
        for i in 0..<n {
            slopes[i] = refractory && layout[n + i] != 0 ? 0 : registers[Int(layout[i])]
        }
    }

    /// `X = E X + Φ b`, with `b` (and `A` when it depends on the input) evaluated for this
    /// neuron.
    @inline(__always)
    private func exactStep(refractory: Bool) {
        guard let system = model.linearSystem else { return }
        let n = model.stateCount
        Tape.run(code, system.program, registers)
        let offsetLayout = 2 * n + n * n
        for i in 0..<n {
            offsets[i] = refractory && layout[n + i] != 0 ? 0 : registers[Int(layout[offsetLayout + i])]
        }
        var e = propagator
        var phi = propagator + n * n
        if system.constantMatrix == nil {
            for i in 0..<n {
                let clamped = refractory && layout[n + i] != 0
                for j in 0..<n {
                    matrix[i * n + j] = clamped ? 0 : registers[Int(layout[2 * n + i * n + j])]
                }
            }
            LinearPropagator.compute(
                matrix: matrix, size: n, dt: dt, propagator: e, integral: phi, scratch: propagatorScratch)
        } else if refractory {
            e = propagator + 2 * n * n
            phi = propagator + 3 * n * n
        }
        for i in 0..<n { start[i] = registers[i] }
        for i in 0..<n {
            var value = 0.0
            for j in 0..<n { value += e[i * n + j] * start[j] + phi[i * n + j] * offsets[j] }
            registers[i] = value
        }
    }
}

extension CompiledEquations {
    /// Runs `body` with a stepper for steps of `dt` seconds, on scratch memory allocated for the
    /// duration of the call (on the stack for models of a few variables).
    func withStepper<Result>(
        dt: Double, scheme: IntegrationScheme, _ body: (EquationStepper) -> Result
    ) -> Result {
        let count = EquationStepper.scratchCount(self, scheme: scheme)
        return instructions.withUnsafeBufferPointer { code in
            stepperLayout.withUnsafeBufferPointer { layout in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { scratch in
                    // count >= stateCount + 1 >= 2, so the buffer has an address.
                    let stepper = EquationStepper(
                        model: self, scheme: scheme, dt: dt, code: code, layout: layout,
                        scratch: scratch.baseAddress.unsafelyUnwrapped)
                    return body(stepper)
                }
            }
        }
    }
}
