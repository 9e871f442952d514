/// A source of time-varying values: noise, white signals, presented inputs, piecewise
/// functions. A Node can output a process, and an ensemble can add one to its currents as
/// noise.
///
/// A process is a description; ``makeStepper(sizeIn:sizeOut:dt:rng:)`` creates the running
/// state for one simulation (called at build and at every reset), drawing what it needs from
/// `rng`.
public protocol SignalProcess: Sendable, CustomStringConvertible {
    /// The input size used when the process is the output of a Node with no explicit size.
    var defaultSizeIn: Int { get }
    /// The output size used when none is given.
    var defaultSizeOut: Int { get }
    /// A fixed seed, or nil to take one from the simulator.
    var seed: Int? { get }

    /// Creates the running state for a simulation with step `dt` seconds.
    /// - Throws: ``BrainKitError/Kind/validation`` when the sizes or `dt` do not suit it.
    func makeStepper(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError)
        -> any ProcessStepper
}

/// The running state of a ``SignalProcess``.
public protocol ProcessStepper: AnyObject {
    /// Writes the output at time `time` (seconds; `k * dt` at step k) from `input`.
    /// Must not allocate.
    func step(time: Double, input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>)
}

extension SignalProcess {
    /// Runs the process alone for `steps` steps of `dt` seconds (times dt, 2dt, ...) with no
    /// input, returning a steps x sizeOut matrix. Uses `seed`, else the process's own seed,
    /// else 0.
    public func run(steps: Int, dt: Double = 0.001, sizeOut: Int? = nil, seed: Int? = nil) throws(BrainKitError)
        -> Matrix
    {
        let size = sizeOut ?? defaultSizeOut
        try checkSeed()
        if let seed { try Network.checkSeed(seed, object: String(describing: type(of: self)), parameter: "seed") }
        var rng = RandomState(seed: seed ?? self.seed ?? 0)
        let stepper = try makeStepper(sizeIn: 0, sizeOut: size, dt: dt, rng: &rng)
        var result = Matrix(rows: steps, columns: size)
        var out = [Float](repeating: 0, count: size)
        let input = [Float]()
        for k in 0..<steps {
            input.withUnsafeBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { o in
                    stepper.step(time: Double(k + 1) * dt, input: inp, output: o)
                }
            }
            for i in 0..<size { result[k, i] = Double(out[i]) }
        }
        return result
    }
}

extension SignalProcess {
    /// Checks the process's fixed seed, if any, is one numpy's generator takes (0 ... 2^32 − 1),
    /// naming the process type and `seed`.
    package func checkSeed() throws(BrainKitError) {
        if let seed { try Network.checkSeed(seed, object: String(describing: type(of: self)), parameter: "seed") }
    }
}
