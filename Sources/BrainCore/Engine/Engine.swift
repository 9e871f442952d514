/// The CPU engine: the arena holding every signal, the built model's operators compiled
/// into kernels in a fixed canonical order, and the executor that runs them each step.
final class Engine {
    let arena: Arena
    let executor: Executor
    let fault = StepFault()
    /// Process kernels in execution order; their steppers are remade at every reset.
    private let processKernels: [ProcessKernel]

    init(model: BuiltModel, network: String, threads: Int) throws(BrainKitError) {
        let schedule = try Schedule(model.operators, network: network)
        // Canonical order: by dependency level, then by the schedule's order. Every thread
        // count runs each signal's writers in this order.
        var position = [Int](repeating: 0, count: model.operators.count)
        for (k, op) in schedule.order.enumerated() { position[op] = k }
        let canonical = schedule.order.sorted {
            schedule.levels[$0] != schedule.levels[$1] ? schedule.levels[$0] < schedule.levels[$1] : position[$0] < position[$1]
        }

        arena = Arena(signals: model.signals)
        var kernels: [any Kernel] = []
        var processKernels: [ProcessKernel] = []
        for index in canonical {
            let op = model.operators[index]
            let kernel = Engine.compile(op, arena: arena, dt: model.dt, fault: fault)
            if let process = kernel as? ProcessKernel { processKernels.append(process) }
            kernels.append(kernel)
        }
        self.processKernels = processKernels
        executor = Executor(
            kernels: kernels,
            levels: canonical.map { schedule.levels[$0] },
            writes: canonical.map { model.operators[$0].sets + model.operators[$0].increments + model.operators[$0].updates },
            threads: threads)
    }

    /// Returns every signal to its initial value and remakes the processes' steppers, drawing
    /// seeds for unseeded processes from `rng` in execution order.
    func reset(rng: inout RandomState) throws(BrainKitError) {
        arena.restoreInitialValues()
        fault.clear()
        for kernel in processKernels { try kernel.reset(simulatorRNG: &rng) }
    }

    /// Runs one step at `time` seconds.
    func step(time: Double) {
        executor.step(time: time)
    }

    private static func compile(_ op: Operator, arena: Arena, dt: Double, fault: StepFault) -> any Kernel {
        switch op.operation {
        case .reset(let target, let value):
            return ResetKernel(target: arena.pointer(target), count: target.count, value: value)
        case .copy(let from, let to, let accumulate):
            return CopyKernel(source: arena.pointer(from), target: arena.pointer(to), count: to.count, accumulate: accumulate)
        case .gather(let from, let indices, let to, let accumulate):
            return GatherKernel(source: arena.pointer(from), target: arena.pointer(to), indices: indices, accumulate: accumulate)
        case .scatterAdd(let from, let to, let indices):
            return ScatterAddKernel(source: arena.pointer(from), target: arena.pointer(to), indices: indices)
        case .elementwise(let scale, let x, let y, let accumulate):
            return ElementwiseKernel(
                scale: arena.pointer(scale), x: arena.pointer(x), y: arena.pointer(y), count: y.count, accumulate: accumulate)
        case .scaled(let factor, let x, let y, let accumulate):
            return ScaledKernel(factor: factor, x: arena.pointer(x), y: arena.pointer(y), count: y.count, accumulate: accumulate)
        case .matrixVector(let matrix, let rows, let columns, let x, let y, let accumulate):
            return MatrixVectorKernel(
                matrix: arena.pointer(matrix), x: arena.pointer(x), y: arena.pointer(y), rows: rows, columns: columns,
                accumulate: accumulate)
        case .neurons(let type, let current, let output, let state, let count, let stride):
            return NeuronKernel(
                type: type, current: arena.pointer(current), output: arena.pointer(output),
                state: state.map { arena.pointer($0) } ?? arena.pointer(output), count: count, stateStride: stride,
                dt: Float(dt))
        case .filter(let filter, let input, let output, let state):
            return FilterKernel(
                filter: filter, input: arena.pointer(input), output: arena.pointer(output),
                state: state.map { arena.pointer($0) }, count: output.count)
        case .nodeFunction(let function, let input, let output):
            return NodeFunctionKernel(
                function: function, input: input.map { arena.pointer($0) }, inputCount: input?.count ?? 0,
                output: arena.pointer(output), outputCount: output.count, fault: fault, owner: op.owner)
        case .function(let function, let input, let output):
            return ConnectionFunctionKernel(
                function: function, input: arena.pointer(input), inputCount: input.count, output: arena.pointer(output),
                outputCount: output.count, fault: fault, owner: op.owner)
        case .process(let process, let seed, let input, let output):
            return ProcessKernel(
                process: process, seed: seed, input: input.map { arena.pointer($0) }, inputCount: input?.count ?? 0,
                output: arena.pointer(output), outputCount: output.count, dt: dt)
        }
    }
}
