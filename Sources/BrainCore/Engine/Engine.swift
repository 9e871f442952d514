/// The CPU engine: the arena holding every signal, the built model's operators compiled
/// into kernels in a fixed canonical order, and the executor that runs them each step.
///
/// What runs where comes from the plan stage (`Plan/`): the ``Optimizer`` and ``Schedule``
/// order the operators, ``NeuronFusion`` groups neuron populations (whose signals the arena
/// lays out as bands), and, once the units are compiled here,
/// ``PhasePlanner/plan(fusing:levels:writes:footprints:batchesProducts:threads:sharing:)``
/// fuses kernels and shares them among threads. The ``Executor`` runs the resulting plan.
final class Engine {
    let arena: Arena
    let executor: Executor
    let fault = StepFault()
    /// Process kernels in execution order; their steppers are remade at every reset.
    private let processKernels: [ProcessKernel]
    /// The switch of each probe whose operators can be stopped (``Simulator/setComputing(_:for:)``);
    /// empty unless the engine was made with `switchesProbes`.
    let probeSwitches: [ObjectIdentifier: ProbeSwitch]

    /// The output signal of each process kernel, in the order of ``processKernels``.
    private let processOutputs: [SignalID]
    /// For a part of a model: the outputs of the whole model's processes without a seed, in
    /// the order the whole model's engine draws their seeds (nil: this engine's own order).
    private let processDrawOrder: [SignalID]?

    /// - Parameters:
    ///   - batchesProducts: whether runs of small matrix-vector products become batches
    ///     (``MatrixVectorBatching``); false only in tests that compare against them.
    ///   - switchesProbes: whether the kernels of probes' operators run behind a
    ///     ``ProbeSwitch`` (``SwitchedKernel``), so that a probe can be stopped.
    ///   - exchanged: signals read or written from outside the step (values sent to or
    ///     received from other processes); the optimizer leaves them alone, as it does the
    ///     probes' signals.
    ///   - processDrawOrder: for an engine running part of a model, the whole model's
    ///     ``processSeedOrder(of:)``, so that each process draws the seed it would draw in
    ///     the whole model.
    init(
        model: BuiltModel, network: String, threads: Int, sharing: PhasePlanner.Sharing, batchesProducts: Bool = true,
        switchesProbes: Bool = false, exchanged: Set<SignalID> = [], processDrawOrder: [SignalID]? = nil
    ) throws(BrainKitError) {
        // Loops are checked on the operators as built: the optimizer reads a signal filled by
        // one copy straight from the copy's source, which would turn a loop of passthrough
        // nodes into signals that alias each other instead of a cycle.
        _ = try Schedule(model.operators, network: network)
        let operators = Optimizer.optimize(
            model.operators, protecting: Set(model.probes.values.map(\.signal)).union(exchanged),
            signals: model.signals)
        let schedule = try Schedule(operators, network: network)
        let canonical = schedule.canonicalOrder

        // Units of execution: single operators, or fused neuron populations.
        let units = NeuronFusion.units(canonical, operators: operators, levels: schedule.levels)
        arena = Arena(signals: model.signals, bands: units.flatMap { NeuronFusion.bands(of: $0, in: operators) })

        // Signals some operator writes; the others (encoders, decoders...) are constant.
        let written = Set(operators.flatMap { $0.writtenSignals })
        // Outputs of spiking neurons: mostly zeros each step, so products over them skip zeros.
        let spikeTrains = Set(operators.compactMap { op -> SignalID? in
            guard case .neurons(let type, _, let output, _, _) = op.operation, type.isSpiking else { return nil }
            return output
        })
        // Signals read from outside their own neurons' step: a LIF population's silent blocks
        // may owe their refractory time only where it is none of these.
        let observed = Set(model.probes.values.map(\.signal)).union(exchanged).union(
            operators.flatMap { op -> [SignalID] in
                if case .neurons = op.operation { return [] }
                return op.reads
            })
        var kernels: [Kernel] = []
        var levels: [Int] = []
        var writes: [[WrittenRegion]] = []
        var footprints: [MemoryFootprint] = []
        var processKernels: [ProcessKernel] = []
        var processOutputs: [SignalID] = []
        var probeSwitches: [ObjectIdentifier: ProbeSwitch] = [:]
        for unit in units {
            var kernel = Engine.compile(
                unit, operators: operators, arena: arena, dt: model.dt, fault: fault, written: written,
                spikeTrains: spikeTrains, observed: observed)
            if let process = kernel as? ProcessKernel {
                processKernels.append(process)
                if case .process(_, _, _, let output) = operators[unit[0]].operation { processOutputs.append(output.signal) }
            }
            if switchesProbes, let probe = operators[unit[0]].probe, unit.allSatisfy({ operators[$0].probe == probe }) {
                let probeSwitch = probeSwitches[probe] ?? ProbeSwitch()
                probeSwitches[probe] = probeSwitch
                kernel = SwitchedKernel(kernel, probeSwitch: probeSwitch)
            }
            kernels.append(kernel)
            levels.append(schedule.levels[unit[0]])
            let written = unit.flatMap { operators[$0].writtenRegions }
            writes.append(written)
            footprints.append(
                Engine.footprint(
                    reads: Set(unit.flatMap { operators[$0].reads }), writes: written, arena: arena,
                    signals: model.signals))
        }
        self.processKernels = processKernels
        self.processOutputs = processOutputs
        self.processDrawOrder = processDrawOrder
        self.probeSwitches = probeSwitches
        let plan = PhasePlanner.plan(
            fusing: kernels, levels: levels, writes: writes, footprints: footprints, batchesProducts: batchesProducts,
            threads: threads, sharing: sharing)
        executor = Executor(plan: plan)
    }

    /// Returns every signal to its initial value and remakes the processes' steppers, drawing
    /// seeds for unseeded processes from `rng` in execution order.
    func reset(rng: inout RandomState) throws(BrainKitError) {
        arena.restoreInitialValues()
        executor.restoreInitialState()
        fault.clear()
        guard let order = processDrawOrder else {
            for kernel in processKernels { try kernel.reset(simulatorRNG: &rng) }
            return
        }
        var drawn: [SignalID: Int] = [:]
        for output in order { drawn[output] = rng.nextSeed() }
        for (kernel, output) in zip(processKernels, processOutputs) { try kernel.reset(drawnSeed: drawn[output] ?? 0) }
    }

    /// The outputs of `model`'s processes without a seed of their own, in the order an engine
    /// of the whole model draws their seeds from the simulator's generator at a reset
    /// (canonical order, after the optimizer, with the probes' signals protected as here).
    static func processSeedOrder(of model: BuiltModel) throws(BrainKitError) -> [SignalID] {
        let operators = Optimizer.optimize(
            model.operators, protecting: Set(model.probes.values.map(\.signal)), signals: model.signals)
        let schedule = try Schedule(operators, network: "model")
        return schedule.canonicalOrder.compactMap { index in
            guard case .process(_, nil, _, let output) = operators[index].operation else { return nil }
            return output.signal
        }
    }

    /// Runs one step at `time` seconds.
    /// - Throws: ``BrainKitError`` (`.simulation`) for a fault raised during the step, naming
    ///   the object whose operator failed, or `caller` when the fault names none.
    func step(time: Double, caller: String) throws(BrainKitError) {
        executor.step(time: time)
        if let message = fault.message {
            let owner = fault.owner ?? caller
            let parameter = fault.parameter
            fault.clear()
            throw BrainKitError(.simulation, object: owner, parameter: parameter, message: message)
        }
    }

    /// The arena memory of an operator's signals (the written slices where it writes slices).
    private static func footprint(reads: Set<SignalID>, writes: [WrittenRegion], arena: Arena, signals: [Signal])
        -> MemoryFootprint
    {
        var footprint = MemoryFootprint()
        for signal in reads { footprint.reads(arena.pointer(signal), count: signals[signal.index].count) }
        for region in writes {
            if let elements = region.elements {
                footprint.writes(arena.pointer(region.signal) + elements.lowerBound, count: elements.count)
            } else {
                footprint.writes(arena.pointer(region.signal), count: signals[region.signal.index].count)
            }
        }
        return footprint
    }

    // MARK: - Compilation

    private static func compile(
        _ unit: [Int], operators: [Operator], arena: Arena, dt: Double, fault: StepFault, written: Set<SignalID>,
        spikeTrains: Set<SignalID>, observed: Set<SignalID>
    )
        -> Kernel
    {
        let op = operators[unit[0]]
        switch op.operation {
        case .reset(let target, let value):
            return ResetKernel(target: arena.pointer(target), count: target.count, value: value)
        case .copy(let from, let to, let accumulate):
            return CopyKernel(
                source: arena.pointer(from), target: arena.pointer(to), count: to.count, accumulate: accumulate,
                broadcast: from.count == 1 && to.count > 1)
        case .gather(let from, let indices, let to, let accumulate):
            return GatherKernel(source: arena.pointer(from), target: arena.pointer(to), indices: indices, accumulate: accumulate)
        case .scatterAdd(let from, let to, let indices):
            return ScatterAddKernel(source: arena.pointer(from), target: arena.pointer(to), indices: indices)
        case .elementwise(let scale, let x, let y, let accumulate):
            return ElementwiseKernel(
                scale: arena.pointer(scale), x: arena.pointer(x), y: arena.pointer(y), count: y.count, accumulate: accumulate,
                broadcast: x.count == 1 && y.count > 1)
        case .scaled(let factor, let x, let y, let accumulate):
            return ScaledKernel(factor: factor, x: arena.pointer(x), y: arena.pointer(y), count: y.count, accumulate: accumulate)
        case .matrixVector(let matrix, let rows, let columns, let x, let y, let accumulate):
            return MatrixVectorKernel(
                matrix: arena.pointer(matrix), x: arena.pointer(x), y: arena.pointer(y), rows: rows, columns: columns,
                accumulate: accumulate, constant: !written.contains(matrix), spikes: spikeTrains.contains(x.signal))
        case .affine(let matrix, let rows, let columns, let x, let bias, let y):
            return MatrixVectorKernel(
                matrix: arena.pointer(matrix), x: arena.pointer(x), y: arena.pointer(y), rows: rows, columns: columns,
                accumulate: false, bias: arena.pointer(bias), constant: !written.contains(matrix),
                constantBias: !written.contains(bias.signal))
        case .sparseMatrixVector(let matrix, let values, let x, let y, let accumulate):
            return SparseMatrixVectorKernel(
                matrix: matrix, values: arena.pointer(values), x: arena.pointer(x), y: arena.pointer(y),
                accumulate: accumulate, constant: !written.contains(values))
        case .neurons(let type, let current, let output, let state, _):
            // The fused population: members are end to end in their bands.
            var count = 0
            for index in unit {
                if case .neurons(_, _, _, _, let n) = operators[index].operation { count += n }
            }
            let stride = state.count > 1 ? arena.pointer(state[1]) - arena.pointer(state[0]) : count
            let refractoryTimeObserved = unit.contains { index in
                guard case .neurons(_, _, _, let state, _) = operators[index].operation,
                    state.indices.contains(LIF.refractoryTimeIndex)
                else { return false }
                return observed.contains(state[LIF.refractoryTimeIndex])
            }
            return NeuronKernel(
                type: type, current: arena.pointer(current), output: arena.pointer(output),
                state: state.first.map { arena.pointer($0) } ?? arena.pointer(output), count: count, stateStride: stride,
                dt: dt, defersSilentBlocks: !refractoryTimeObserved)
        case .filter(let filter, let input, let output, let state, _):
            return FilterKernel(
                filter: filter, input: arena.pointer(input), output: arena.pointer(output),
                state: state.map { arena.pointer($0) }, count: output.count)
        case .pes(let factor, let error, let activities, let delta):
            return PESKernel(
                factor: factor, error: arena.pointer(error), rows: error.count, activities: arena.pointer(activities),
                columns: activities.count, delta: arena.pointer(delta))
        case .compensatedAdd(let from, let to, let compensation):
            return CompensatedAddKernel(
                source: arena.pointer(from), target: arena.pointer(to), compensation: arena.pointer(compensation),
                count: to.count)
        case .encodeError(let encoders, let encoderColumns, let rows, let columns, let error, let output):
            return EncodeErrorKernel(
                encoders: arena.pointer(encoders), encoderColumns: encoderColumns, rows: rows, columns: columns,
                error: arena.pointer(error), output: arena.pointer(output))
        case .bcm(let factor, let pre, let post, let theta, let delta):
            return BCMKernel(
                factor: factor, pre: arena.pointer(pre), columns: pre.count, post: arena.pointer(post),
                theta: arena.pointer(theta), rows: post.count, delta: arena.pointer(delta))
        case .oja(let factor, let beta, let pre, let post, let weights, let delta):
            return OjaKernel(
                factor: factor, beta: beta, pre: arena.pointer(pre), columns: pre.count, post: arena.pointer(post),
                rows: post.count, weights: arena.pointer(weights), delta: arena.pointer(delta))
        case .voja(let factor, let scale, let post, let x, let learning, let encoders, let delta):
            return VojaKernel(
                factor: factor, scale: arena.pointer(scale), post: arena.pointer(post), rows: post.count,
                x: arena.pointer(x), columns: x.count, learning: arena.pointer(learning),
                encoders: arena.pointer(encoders), delta: arena.pointer(delta))
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
                output: arena.pointer(output), outputCount: output.count, dt: dt, fault: fault, owner: op.owner,
                parameter: op.owner.hasPrefix("Ensemble") ? "noise" : "process")
        }
    }
}
