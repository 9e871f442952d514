import Foundation

/// Builds a network and runs it: the public face of BrainKit's engine.
///
/// ```swift
/// let sim = try Simulator(net)            // build: decoders are solved here
/// try sim.run(seconds: 1.0)
/// let x = try sim.data(xProbe)            // samples x dimensions
/// let gain = try sim.built(ensemble).gain
/// ```
///
/// Timing follows Nengo: step k happens at `t = k·dt`; node functions see that `t`; a synapse
/// delays its signal by one step; probes record after each step.
///
/// Threads: by default the step may use every core of the machine
/// (`ProcessInfo.activeProcessorCount`), and the engine decides whether sharing pays: a model
/// whose barriers between threads would cost more than the threads save runs on the calling
/// thread alone. `threads: n` allows at most n threads (the caller's plus n − 1 workers that
/// spin while the simulation runs and sleep when it is idle); `threads: 1` runs on the calling
/// thread. A count above the machine's cores is lowered to the core count (``threads`` reports
/// the threads in use). Results are bit-identical for every thread count. BLAS runs
/// single-threaded inside the engine.
public final class Simulator {
    /// The network this simulator built.
    public let network: Network
    /// The time step in seconds.
    public let dt: Double
    /// The seed of the simulator's own random generator (processes without a seed draw from
    /// it at every reset): the given seed, else the network's seed + 1, else random.
    public private(set) var seed: Int
    /// The number of steps run since the last reset.
    public private(set) var stepCount = 0
    /// The number of threads stepping the simulation: the threads allowed (as asked, at most
    /// the machine's active cores; all of them by default), or 1 when the model is too small
    /// for the work to be worth sharing.
    public var threads: Int { engine.executor.threadCount }
    /// The CPU time the worker threads have used, in seconds (tests: idle workers sleep).
    var workerCPUSeconds: Double { engine.executor.workerCPUSeconds() }
    /// How many times per step the threads wait for each other (1 when running serially).
    var barriersPerStep: Int { engine.executor.phaseCount }
    /// The kernels run per step, counting each part of a cut kernel.
    var kernelsPerStep: Int { engine.executor.kernelCount }
    /// The neuron kernels (parts counted) whose silent blocks owe their refractory time.
    var neuronKernelsOwingSilentBlocks: Int {
        engine.executor.kernels.filter { ($0 as? NeuronKernel)?.owesSilentBlocks == true }.count
    }

    /// Told how each following ``run(steps:)`` or ``run(seconds:)`` progresses (the build
    /// reports to the observer given to the initialiser); nil reports nothing.
    public var progressObserver: (any ProgressObserver)?
    /// Where probe data goes: memory, or `.npy` files written while running.
    public let probeStorage: ProbeStorage
    /// The most bytes the build and the probes' data in memory may take (see
    /// ``init(_:dt:seed:threads:progress:probeStorage:memoryLimit:)``).
    public let memoryLimit: Int

    private let model: BuiltModel
    private let engine: Engine
    private let recorder: ProbeRecorder
    private var closed = false

    /// Builds `network` for steps of `dt` seconds.
    ///
    /// The step runs on the threads allowed when sharing the work among them pays — when the
    /// slowest thread of each phase plus a barrier per phase beats all the work on one thread
    /// by 10 % — and otherwise on the calling thread alone (``threads`` tells which).
    /// A thread count above the machine's active cores is clamped to the core count rather
    /// than refused: the count only decides speed, never results (they are bit-identical for
    /// every count), so code written for a larger machine runs unchanged on a smaller one; and
    /// more threads than cores would only be slower (workers that spin at every barrier would
    /// share a core; docs/engine.md).
    /// - Parameters:
    ///   - dt: the time step in seconds (default 0.001).
    ///   - seed: the simulator seed; nil means the network's seed + 1, or random.
    ///   - threads: the most threads that may step the simulation, >= 1; nil (the default)
    ///     means every active core (`ProcessInfo.activeProcessorCount`); `1` runs on the calling
    ///     thread alone; counts above the core count use the core count.
    ///   - progress: told how the build progresses, then kept as ``progressObserver`` for runs
    ///     (``TerminalProgressBar/standardError(environment:)`` gives Nengo's terminal bar when stderr is a
    ///     terminal); nil (the default) reports nothing.
    ///   - probeStorage: where probe data goes: ``ProbeStorage/memory`` (the default), or
    ///     ``ProbeStorage/stream(directory:)`` to write it to `.npy` files while running, with
    ///     memory that does not grow with the run.
    ///   - memoryLimit: the most bytes the model's build and its probes' data may take, > 0;
    ///     nil (the default) means ``MemoryBudget/available`` (what this process can have). A
    ///     build or run that would need more is an error before anything is allocated.
    ///   - network: the network to build; it is not changed.
    /// - Throws: ``BrainKitError`` when the model cannot be built (kind `.build`, or
    ///   `.validation` for a parameter the build found invalid, such as unreachable max rates,
    ///   or a thread count below 1), or `.io` when a stream's directory or files cannot be
    ///   created.
    public convenience init(
        _ network: Network, dt: Double = 0.001, seed: Int? = nil, threads: Int? = nil,
        progress: (any ProgressObserver)? = nil, probeStorage: ProbeStorage = .memory, memoryLimit: Int? = nil
    ) throws(BrainKitError) {
        let cores = Simulator.cores
        // An invalid count (< 1) passes through unchanged, for the check that names it.
        let allowed = threads.map { $0 >= 1 ? min($0, cores) : $0 } ?? cores
        try self.init(network, dt: dt, seed: seed, threads: allowed, sharing: .whenItPays, progress: progress,
            probeStorage: probeStorage, memoryLimit: memoryLimit)
    }

    /// The machine's active cores: the default thread count and the most threads allowed.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The same with exactly `threads` threads offered to the executor (not clamped to the
    /// cores) and its choice between them and one thread given (`.always`: tests that must
    /// exercise the threaded path on a small model, or on more threads than cores).
    /// `batchesProducts: false` leaves every matrix-vector product a kernel of its own (tests
    /// comparing against ``MatrixVectorBatching``).
    init(
        _ network: Network, dt: Double, seed: Int?, threads: Int, sharing: PhasePlanner.Sharing,
        progress: (any ProgressObserver)? = nil, probeStorage: ProbeStorage = .memory, memoryLimit: Int? = nil,
        batchesProducts: Bool = true
    ) throws(BrainKitError) {
        try Check.positiveFinite(dt, "Simulator", "dt")
        try Check.atLeast(threads, 1, "Simulator", "threads")
        if let memoryLimit { try Check.atLeast(memoryLimit, 1, "Simulator", "memoryLimit") }
        self.memoryLimit = memoryLimit ?? MemoryBudget.available
        if let seed { try Network.checkSeed(seed, object: "Simulator", parameter: "seed") }
        LinearAlgebra.setBLASThreads(1)
        self.network = network
        self.dt = dt
        var entropy = RandomState.fromEntropy()
        let networkSeed = network.seed ?? entropy.nextSeed()
        self.seed = seed ?? network.seed.map { ($0 + 1) & Int(UInt32.max) } ?? entropy.nextSeed()
        let buildStages = Builder.stages.count + 1
        var stagesDone = 0
        func report(_ detail: String) {
            progress?.observe(SimulationProgress(stage: .build, completed: stagesDone, total: buildStages, detail: detail))
        }
        report("started")
        try ModelMemory(network: network).check(limit: self.memoryLimit)
        model = try Builder.build(
            network, dt: dt, seeds: SeedAssignment(network: network, networkSeed: networkSeed)
        ) { stage in
            stagesDone += 1
            report(stage)
        }
        engine = try Engine(
            model: model, network: network.name, threads: threads, sharing: sharing, batchesProducts: batchesProducts,
            switchesProbes: probeStorage == .latestOnly)
        stagesDone += 1
        report("engine planned")
        progressObserver = progress
        recorder = try ProbeRecorder(
            probes: network.allProbes, sources: model.probes, arena: engine.arena, storage: probeStorage)
        self.probeStorage = probeStorage
        try reset()
    }

    deinit {
        engine.executor.shutdown()
    }

    /// The current simulation time in seconds (`stepCount · dt`).
    public var time: Double { Double(stepCount) * dt }

    // MARK: - Running

    /// Runs for `seconds` (rounded to whole steps).
    /// - Throws: ``BrainKitError`` for a negative duration, a closed simulator, or a failure
    ///   during a step; data recorded before the failing step stays readable.
    public func run(seconds: Double) throws(BrainKitError) {
        guard seconds >= 0, seconds.isFinite else {
            throw .validation("Simulator", "seconds", "must be >= 0 and finite, got \(seconds)")
        }
        guard let steps = Size.steps(seconds, of: dt) else {
            throw .validation(
                "Simulator", "seconds",
                "\(seconds) s is \((seconds / dt).rounded()) steps of dt = \(dt) s, more than the 2^62 a run can count")
        }
        try run(steps: steps, parameter: "seconds")
    }

    /// Runs `steps` steps, reporting to ``progressObserver`` (if any) at the start, every
    /// ⌈steps / 1000⌉ steps and at the end; a run of 0 steps reports nothing, and a run that
    /// fails stops reporting.
    /// - Throws: ``BrainKitError`` for a negative count, a closed simulator, probes whose data
    ///   for the run would exceed ``memoryLimit`` (before the run starts, naming the probe), or
    ///   a failure during a step.
    public func run(steps: Int) throws(BrainKitError) {
        try run(steps: steps, parameter: "steps")
    }

    /// Runs `steps` steps; errors about the run's length name `parameter`.
    private func run(steps: Int, parameter: String) throws(BrainKitError) {
        try Check.atLeast(steps, 0, "Simulator", parameter)
        try checkOpen()
        try recorder.checkMemory(steps: steps, limit: memoryLimit, object: "Simulator", parameter: parameter)
        guard let observer = progressObserver, steps > 0 else {
            for _ in 0..<steps { try advance() }
            return
        }
        let interval = RunProgressSchedule.interval(steps: steps)
        observer.observe(SimulationProgress(stage: .run, completed: 0, total: steps))
        var done = 0
        while done < steps {
            let chunk = min(interval, steps - done)
            for _ in 0..<chunk { try advance() }
            done += chunk
            observer.observe(SimulationProgress(stage: .run, completed: done, total: steps))
        }
    }

    /// Runs one step.
    public func step() throws(BrainKitError) {
        try checkOpen()
        try advance()
    }

    private func advance() throws(BrainKitError) {
        let next = stepCount + 1
        try engine.step(time: Double(next) * dt, caller: "Simulator")
        stepCount = next
        recorder.record(step: next)
        if let fault = recorder.fault {
            recorder.fault = nil
            throw fault
        }
    }

    /// Returns to time 0: signals and neuron state go back to their built initial values
    /// (initial voltages are not redrawn), probe data is cleared, and processes without a seed
    /// draw new seeds from a generator seeded with `seed` (or the simulator's seed).
    public func reset(seed: Int? = nil) throws(BrainKitError) {
        try checkOpen()
        if let seed {
            try Network.checkSeed(seed, object: "Simulator", parameter: "seed")
            self.seed = seed
        }
        var rng = RandomState(seed: self.seed)
        try engine.reset(rng: &rng)
        try recorder.clear()
        stepCount = 0
    }

    // MARK: - Profiling

    /// Times every kernel of the steps that follow (restarting if already timing), for
    /// ``profile``. Each kernel then costs two clock readings, which slows models of
    /// many small kernels; the results are unchanged.
    public func startProfiling() {
        engine.executor.startTiming()
    }

    /// Where the steps since ``startProfiling()`` spent their time, or nil before it.
    public var profile: StepProfile? {
        engine.executor.timing()
    }

    /// Stops the worker threads and writes out and closes streamed probe files; the simulator
    /// cannot run afterwards, but its data stays readable. A stream that cannot be written
    /// here shows as an error from ``data(_:)``; call ``flushProbes()`` first to see it.
    public func close() {
        closed = true
        engine.executor.shutdown()
        try? recorder.close()
    }

    /// Writes every streamed probe's buffered samples to its file, so that the files hold
    /// everything recorded so far (nothing to do for memory storage).
    /// - Throws: ``BrainKitError`` (`.io`) when a file cannot be written.
    public func flushProbes() throws(BrainKitError) {
        try recorder.flush()
    }

    private func checkOpen() throws(BrainKitError) {
        guard !closed else {
            throw BrainKitError(.simulatorClosed, object: "Simulator", message: "is closed and cannot run")
        }
    }

    // MARK: - Results

    /// The times (seconds) of the recorded samples: `k·dt` for the steps k at which a probe
    /// sampling every `sampleEvery` seconds records (every step when nil).
    public func trange(sampleEvery: Double? = nil) -> [Double] {
        let period = (sampleEvery ?? dt) / dt
        return (1..<(stepCount + 1)).compactMap {
            ProbeRecorder.records(step: $0, period: period) ? Double($0) * dt : nil
        }
    }

    /// The data `probe` recorded: one row per sample, one column per recorded value. A
    /// streamed probe's buffer is written out and its whole file read back (as much memory as
    /// the same data kept in memory, as `Double`s).
    /// - Throws: ``BrainKitError`` when the probe is not part of this simulator's network, or
    ///   (`.io`) when its stream file cannot be written or read.
    public func data(_ probe: Probe) throws(BrainKitError) -> Matrix {
        guard let data = try recorder.data(probe) else {
            throw .validation("Simulator", "probe", "\(probe.name) is not part of \(network.name)")
        }
        return data
    }

    /// Copies the value `probe` would record now, after the last step (its source signal,
    /// filtered by its synapse if it has one), into `values`: the newest sample whatever the
    /// ``probeStorage`` (with ``ProbeStorage/latestOnly`` the only one). Allocates nothing, so
    /// it can be called after every step; `sampleEvery` does not apply.
    /// - Throws: ``BrainKitError`` when the probe is not part of this simulator's network or
    ///   `values.count` is not the probe's ``Probe/size``.
    public func latest(_ probe: Probe, into values: UnsafeMutableBufferPointer<Float>) throws(BrainKitError) {
        guard !recorder.latest(probe, into: values) else { return }
        guard values.count == probe.size else {
            throw .validation("Simulator", "values", "must hold \(probe.size) values for \(probe.name), got \(values.count)")
        }
        throw .validation("Simulator", "probe", "\(probe.name) is not part of \(network.name)")
    }

    /// Whether the operators that compute `probe`'s value run in the steps that follow: a
    /// decoded output's product, a probe synapse's filter (true after the build; a reset does
    /// not change it). Switched off, the probe's value stays as the last step that computed it
    /// left it; switched on again, its filter goes on from its state then, so after n steps
    /// of a `Lowpass(τ)` its value differs from a probe computed every step by at most
    /// e^(−n·dt/τ) times the change it missed (8 τ: 0.03 %). A probe of a signal the model
    /// computes anyway (spikes, voltages, a node's output, without a synapse) has nothing to
    /// stop. The model's own values never depend on it.
    /// - Throws: ``BrainKitError`` when the probe is not part of this simulator's network, or
    ///   when the ``probeStorage`` is not ``ProbeStorage/latestOnly`` (recorded data would
    ///   hold stale values; naming the probe and `computing`).
    public func setComputing(_ computing: Bool, for probe: Probe) throws(BrainKitError) {
        guard model.probes[ObjectIdentifier(probe)] != nil else {
            throw .validation("Simulator", "probe", "\(probe.name) is not part of \(network.name)")
        }
        guard probeStorage == .latestOnly else {
            throw .validation(
                probe.name, "computing",
                "can be switched off only with probeStorage .latestOnly (recorded data would hold stale values)")
        }
        engine.probeSwitches[ObjectIdentifier(probe)]?.isOn = computing
    }

    /// Replaces the output of `node`, a node with a constant output, by `values` from the next
    /// step on (a slider on an input); ``reset(seed:)`` restores the node's own values.
    /// - Throws: ``BrainKitError`` when the node is not part of this simulator's network, its
    ///   output is not constant, or `values` has not `node.sizeOut` entries, each finite
    ///   within `Float`'s range; the output is then unchanged.
    public func setOutput(of node: Node, to values: [Double]) throws(BrainKitError) {
        guard let signal = model.constantNodeOutputs[ObjectIdentifier(node)] else {
            if case .constant = node.output {
                throw .validation("Simulator", "node", "\(node.name) is not part of \(network.name)")
            }
            throw .validation(node.name, "output", "is not constant, so it cannot be set")
        }
        try Check.count(values.count, node.sizeOut, node.name, "output")
        try Check.floatFinite(values, node.name, "output")
        let target = engine.arena.pointer(signal)
        for (i, value) in values.enumerated() { target[i] = Float(value) }
    }

    /// The `.npy` file `probe` streams to, or nil with memory storage or for a probe that is
    /// not part of this simulator's network.
    public func probeFile(_ probe: Probe) -> URL? {
        recorder.file(probe)
    }

    /// What the build drew and computed for `ensemble`.
    public func built(_ ensemble: Ensemble) throws(BrainKitError) -> BuiltEnsemble {
        guard let built = model.ensembles[ObjectIdentifier(ensemble)] else {
            throw .validation("Simulator", "ensemble", "\(ensemble.name) is not part of \(network.name)")
        }
        return built
    }

    /// What the build computed for `connection`: decoders, weights, solver errors.
    public func built(_ connection: Connection) throws(BrainKitError) -> BuiltConnection {
        guard let built = model.connections[ObjectIdentifier(connection)] else {
            throw .validation("Simulator", "connection", "\(connection.name) is not part of \(network.name)")
        }
        return built
    }

    /// The decoders of a decoded-output probe.
    public func built(_ probe: Probe) throws(BrainKitError) -> BuiltConnection {
        guard let built = model.probeConnections[ObjectIdentifier(probe)] else {
            throw .validation("Simulator", "probe", "\(probe.name) has no decoders (it is not a decoded-output probe)")
        }
        return built
    }

    /// The seed `object` (an ensemble, connection, node, probe or network) was built with.
    public func seed(of object: AnyObject) -> Int? {
        model.seeds[ObjectIdentifier(object)]
    }
}
