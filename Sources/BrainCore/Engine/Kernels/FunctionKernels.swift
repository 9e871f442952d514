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
                fault.report(owner, "function returned a non-finite value (or the wrong number of values) at t = \(time)")
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
            fault.report(owner, "function returned \(y.count) values, expected \(outputCount)")
            return
        }
        for i in 0..<outputCount {
            guard y[i].isFinite else {
                fault.report(owner, "function returned a non-finite value at t = \(time)")
                return
            }
            output[i] = Float(y[i])
        }
    }

    override var runsOnCallingThread: Bool { true }
    override var cost: Int { inputCount + outputCount }
}

/// Runs a process's stepper; the stepper is (re)made from the process at every reset.
final class ProcessKernel: Kernel, @unchecked Sendable {
    let process: any SignalProcess
    let seed: Int?
    let input: UnsafeMutablePointer<Float>?
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputCount: Int
    let dt: Double
    private var stepper: (any ProcessStepper)?

    init(process: any SignalProcess, seed: Int?, input: UnsafeMutablePointer<Float>?, inputCount: Int,
         output: UnsafeMutablePointer<Float>, outputCount: Int, dt: Double) {
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
        var rng = seed.map { RandomState(seed: $0) } ?? RandomState(seed: simulatorRNG.nextSeed())
        stepper = try process.makeStepper(sizeIn: inputCount, sizeOut: outputCount, dt: dt, rng: &rng)
    }

    override func run(time: Double) {
        stepper?.step(time: time, input: UnsafeBufferPointer(start: input, count: inputCount),
                      output: UnsafeMutableBufferPointer(start: output, count: outputCount))
    }

    override var runsOnCallingThread: Bool { true }
    override var cost: Int { outputCount * 4 }
}
