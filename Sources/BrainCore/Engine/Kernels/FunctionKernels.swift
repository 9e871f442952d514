/// Calls a node's function with the time, its input and its output storage, then checks the
/// output is finite (reporting a ``StepFault`` otherwise).
final class NodeFunctionKernel: Kernel, @unchecked Sendable {
    let function: NodeFunction
    let input: UnsafeMutablePointer<Float>?
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputCount: Int
    let fault: StepFault
    let owner: String

    init(function: @escaping NodeFunction, input: UnsafeMutablePointer<Float>?, inputCount: Int,
         output: UnsafeMutablePointer<Float>, outputCount: Int, fault: StepFault, owner: String) {
        self.function = function
        self.input = input
        self.inputCount = inputCount
        self.output = output
        self.outputCount = outputCount
        self.fault = fault
        self.owner = owner
    }

    override func run(time: Double) {
        function(time, UnsafeBufferPointer(start: input, count: inputCount),
                 UnsafeMutableBufferPointer(start: output, count: outputCount))
        var i = 0
        while i < outputCount {
            if !output[i].isFinite {
                if let count = Node.wrongLength(output[i]) {
                    fault.report(
                        owner, "function returned \(count) values at t = \(time), expected \(outputCount)",
                        parameter: "output")
                } else {
                    fault.report(
                        owner, "function returned a non-finite value (NaN or beyond Float's range) at t = \(time)",
                        parameter: "output")
                }
                return
            }
            i += 1
        }
    }

    override var runsOnCallingThread: Bool { true }
    override var cost: Int { inputCount + outputCount }
}

/// Evaluates a connection's function of its (sliced) pre value every step, for connections
/// from nodes and Direct ensembles.
final class ConnectionFunctionKernel: Kernel, @unchecked Sendable {
    let function: ([Double]) -> [Double]
    let input: UnsafeMutablePointer<Float>
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputCount: Int
    let fault: StepFault
    let owner: String

    init(function: @escaping ([Double]) -> [Double], input: UnsafeMutablePointer<Float>, inputCount: Int,
         output: UnsafeMutablePointer<Float>, outputCount: Int, fault: StepFault, owner: String) {
        self.function = function
        self.input = input
        self.inputCount = inputCount
        self.output = output
        self.outputCount = outputCount
        self.fault = fault
        self.owner = owner
    }

    override func run(time: Double) {
        let x = (0..<inputCount).map { Double(input[$0]) }
        let y = function(x)
        guard y.count == outputCount else {
            fault.report(owner, "function returned \(y.count) values, expected \(outputCount)", parameter: "function")
            return
        }
        for i in 0..<outputCount {
            let value = Float(y[i])
            guard value.isFinite else {
                fault.report(
                    owner, "function returned a non-finite value (NaN or beyond Float's range) at t = \(time)",
                    parameter: "function")
                return
            }
            output[i] = value
        }
    }

    override var runsOnCallingThread: Bool { true }
    override var cost: Int { inputCount + outputCount }
}

/// Runs a process's stepper, then checks its output is finite (reporting a ``StepFault``
/// otherwise); the stepper is (re)made from the process at every reset.
final class ProcessKernel: Kernel, @unchecked Sendable {
    let process: any SignalProcess
    let seed: Int?
    let input: UnsafeMutablePointer<Float>?
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputCount: Int
    let dt: Double
    let fault: StepFault
    /// The node or ensemble the process belongs to, and its parameter (`process`, `noise`),
    /// for the error when the process produces a non-finite value.
    let owner: String, parameter: String
    private var stepper: (any ProcessStepper)?

    init(process: any SignalProcess, seed: Int?, input: UnsafeMutablePointer<Float>?, inputCount: Int,
         output: UnsafeMutablePointer<Float>, outputCount: Int, dt: Double, fault: StepFault, owner: String,
         parameter: String) {
        self.fault = fault
        self.owner = owner
        self.parameter = parameter
        self.process = process
        self.seed = seed
        self.input = input
        self.inputCount = inputCount
        self.output = output
        self.outputCount = outputCount
        self.dt = dt
    }

    /// Makes a fresh stepper, seeded from the process's seed or else from `simulatorRNG`.
    func reset(simulatorRNG: inout RandomState) throws(BrainKitError) {
        try reset(drawnSeed: seed == nil ? simulatorRNG.nextSeed() : 0)
    }

    /// Remakes the stepper from the process's own seed, or from `drawnSeed` (drawn from the
    /// simulator's generator) when it has none.
    func reset(drawnSeed: Int) throws(BrainKitError) {
        var rng = RandomState(seed: seed ?? drawnSeed)
        stepper = try process.makeStepper(sizeIn: inputCount, sizeOut: outputCount, dt: dt, rng: &rng)
    }

    override func run(time: Double) {
        stepper?.step(time: time, input: UnsafeBufferPointer(start: input, count: inputCount),
                      output: UnsafeMutableBufferPointer(start: output, count: outputCount))
        var i = 0
        while i < outputCount {
            if !output[i].isFinite {
                fault.report(
                    owner, "\(type(of: process)) produced a non-finite value (NaN or beyond Float's range) at t = \(time)",
                    parameter: parameter)
                return
            }
            i += 1
        }
    }

    override var runsOnCallingThread: Bool { true }
    override var cost: Int { outputCount * 4 }
}
