import Foundation

/// The part of a model one process of a distributed simulation runs: the whole model is
/// built (so every object gets the seeds and draws of a single-process build) and
/// partitioned (``ModelPartition``) before its decoders are solved; this rank solves the
/// decoders its part reads (each as a whole build solves it), and its operators are compiled
/// into an ``Engine`` over an arena that holds only the signals they, the rank's probes and
/// its messages touch.
///
/// After each ``step()``, the values of ``sends`` are read with ``pack(_:into:)`` and sent;
/// the values of ``receives``, written by other ranks' synapses in the same step, must be
/// stored with ``unpack(_:from:)`` before the next step. Each operator computes exactly what
/// it computes in the whole model (its inputs hold the same values, its signal's writers run
/// in the same order), so the probes' data is bit-identical to a single-process run.
/// Messaging is the caller's (BrainMPI); this class knows no transport.
package final class RankSimulator {
    /// The network being simulated.
    package let network: Network
    /// This process's rank, in `0..<ranks`.
    package let rank: Int
    /// The number of ranks.
    package var ranks: Int { partition.ranks }
    /// The time step in seconds.
    package let dt: Double
    /// The simulator seed (processes without a seed draw from it at every reset).
    package private(set) var seed: Int
    /// Steps run since the last reset.
    package private(set) var stepCount = 0
    /// The partition of the whole model.
    package let partition: ModelPartition
    /// What this rank sends after each step, one message per receiving rank.
    package let sends: [RankMessage]
    /// What this rank receives after each step, one message per sending rank.
    package let receives: [RankMessage]
    /// The number of operators this rank runs, and of the whole model.
    package let operatorCount: (local: Int, total: Int)
    /// The rank that records each probe.
    private let probeRanks: [ObjectIdentifier: Int]
    private let engine: Engine
    private let recorder: ProbeRecorder
    /// The memory limit for the build and the probes' data (see `Simulator`).
    private let memoryLimit: Int

    /// Builds the whole of `network` and compiles the part of `rank` of `ranks`, stepped by at
    /// most `threads` threads (clamped to the machine's cores, as `Simulator` does). With
    /// `storage` ``ProbeStorage/stream(directory:)``, the probes this rank records go to files
    /// in that directory named as a single-process `Simulator` names them (by the probe's
    /// position among the network's probes): each probe is recorded by one rank, so ranks
    /// sharing the directory write different files.
    /// - Throws: ``BrainKitError``: everything `Simulator` throws at a build; `.validation`
    ///   for a network without a seed (every rank must draw the same model), a rank outside
    ///   `0..<ranks`, a pin to a rank that does not exist, pins that split objects that
    ///   must run together, or `storage` ``ProbeStorage/latestOnly``; `.io` when the stream
    ///   directory or files cannot be created.
    package init(
        _ network: Network, dt: Double = 0.001, seed: Int? = nil, threads: Int = 1, ranks: Int, rank: Int,
        pins: [RankPin] = [], storage: ProbeStorage = .memory, memoryLimit: Int? = nil
    ) throws(BrainKitError) {
        try Check.positiveFinite(dt, "DistributedSimulator", "dt")
        try Check.atLeast(threads, 1, "DistributedSimulator", "threads")
        try Check.atLeast(ranks, 1, "DistributedSimulator", "ranks")
        guard (0..<ranks).contains(rank) else {
            throw .validation("DistributedSimulator", "rank", "must be in 0..<\(ranks), got \(rank)")
        }
        guard let networkSeed = network.seed else {
            throw .validation(
                network.name, "seed", "must be set for a distributed run: every rank builds the model from it")
        }
        if let seed { try Network.checkSeed(seed, object: "DistributedSimulator", parameter: "seed") }
        if let memoryLimit { try Check.atLeast(memoryLimit, 1, "DistributedSimulator", "memoryLimit") }
        guard storage != .latestOnly else {
            throw .validation("DistributedSimulator", "probeStorage", "must be .memory or .stream(directory:)")
        }
        self.memoryLimit = memoryLimit ?? MemoryBudget.available
        LinearAlgebra.setBLASThreads(1)
        self.network = network
        self.rank = rank
        self.dt = dt
        self.seed = seed ?? (networkSeed + 1) & Int(UInt32.max)
        try ModelMemory(network: network).check(limit: self.memoryLimit)
        // Partitioned before the decoders are solved: this rank solves only the decoders its
        // operators and probes read.
        var partitioned: ModelPartition?
        let model = try Builder.build(
            network, dt: dt, seeds: SeedAssignment(network: network, networkSeed: networkSeed),
            decodersNeeded: { (model) throws(BrainKitError) -> Set<SignalID> in
            // The whole model's loop check, so a loop is reported as a single process reports it.
            _ = try Schedule(model.operators, network: network.name)
            let partition = try ModelPartition(
                operators: model.operators, signals: model.signals, ranks: ranks, pins: pins)
            partitioned = partition
            var needed = Set<SignalID>()
            for (index, op) in model.operators.enumerated() where partition.rank(ofOperator: index) == rank {
                needed.formUnion(op.reads)
            }
            for source in model.probes.values where partition.rank(recording: source.signal) == rank {
                needed.insert(source.signal)
            }
            return needed
        })
        guard let partition = partitioned else {
            throw .build(network.name, nil, "was not partitioned before its decoders were solved")
        }
        self.partition = partition

        var part = model
        part.operators = model.operators.indices.filter { partition.rank(ofOperator: $0) == rank }.map {
            model.operators[$0]
        }
        var probeRanks: [ObjectIdentifier: Int] = [:]
        part.probes = [:]
        for probe in network.allProbes {
            guard let source = model.probes[ObjectIdentifier(probe)] else { continue }
            let owner = partition.rank(recording: source.signal)
            probeRanks[ObjectIdentifier(probe)] = owner
            if owner == rank { part.probes[ObjectIdentifier(probe)] = source }
        }
        self.probeRanks = probeRanks
        var outgoing: [Int: [SignalID]] = [:], incoming: [Int: [SignalID]] = [:]
        for crossing in partition.crossingSignals {
            if crossing.from == rank {
                for to in crossing.to { outgoing[to, default: []].append(crossing.signal) }
            } else if crossing.to.contains(rank) {
                incoming[crossing.from, default: []].append(crossing.signal)
            }
        }
        func messages(_ lists: [Int: [SignalID]]) -> [RankMessage] {
            lists.keys.sorted().map { other in
                let signals = lists[other]!.sorted()
                let counts = signals.map { model.signals[$0.index].count }
                return RankMessage(rank: other, count: counts.reduce(0, +), signals: signals, counts: counts)
            }
        }
        sends = messages(outgoing)
        receives = messages(incoming)
        operatorCount = (part.operators.count, model.operators.count)

        // Signals this rank never touches take no arena memory.
        var used = Set<SignalID>(part.probes.values.map(\.signal))
        for op in part.operators {
            used.formUnion(op.reads)
            used.formUnion(op.writtenSignals)
        }
        let exchanged = Set((sends + receives).flatMap(\.signals))
        used.formUnion(exchanged)
        part.signals = model.signals.enumerated().map { index, signal in
            used.contains(SignalID(index: index)) ? signal : Signal(name: signal.name, count: 0)
        }
        engine = try Engine(
            model: part, network: network.name, threads: min(threads, Simulator.cores), sharing: .whenItPays,
            exchanged: exchanged,
            processDrawOrder: try Engine.processSeedOrder(of: model))
        recorder = try ProbeRecorder(
            probes: network.allProbes, sources: part.probes, arena: engine.arena, storage: storage,
            object: "DistributedSimulator")
        try reset()
    }

    deinit {
        engine.executor.shutdown()
    }

    /// The number of threads stepping this rank's part.
    package var threads: Int { engine.executor.threadCount }

    /// The rank that records `probe`, or nil for a probe not in the network.
    package func rank(of probe: Probe) -> Int? {
        probeRanks[ObjectIdentifier(probe)]
    }

    /// Refuses a run of `steps` whose probe data on this rank would exceed the memory limit.
    package func checkRun(steps: Int, parameter: String) throws(BrainKitError) {
        try Check.atLeast(steps, 0, "DistributedSimulator", parameter)
        try recorder.checkMemory(steps: steps, limit: memoryLimit, object: "DistributedSimulator", parameter: parameter)
    }

    /// Runs this rank's part of one step (no messages, no recording).
    /// - Throws: ``BrainKitError`` (`.simulation`) for a failure during the step, naming the
    ///   object whose operator failed.
    package func step() throws(BrainKitError) {
        let next = stepCount + 1
        try engine.step(time: Double(next) * dt, caller: "DistributedSimulator")
        stepCount = next
    }

    /// Records this rank's probes for the step just run.
    package func record() throws(BrainKitError) {
        recorder.record(step: stepCount)
        if let fault = recorder.fault {
            recorder.fault = nil
            throw fault
        }
    }

    /// Writes every streamed probe's buffered samples to its file (nothing to do in memory).
    /// - Throws: ``BrainKitError`` (`.io`) when a file cannot be written.
    package func flush() throws(BrainKitError) {
        try recorder.flush()
    }

    /// Takes back the last step's record: its samples are forgotten (in memory or in the
    /// files) and ``stepCount`` goes back by one. The signals keep that step's values, so the
    /// part must be reset before it steps again. Nothing happens at step 0.
    /// - Throws: ``BrainKitError`` (`.io`) when a stream file cannot be cut (``stepCount``
    ///   has gone back all the same).
    package func dropLastStep() throws(BrainKitError) {
        guard stepCount > 0 else { return }
        stepCount -= 1
        try recorder.discard(step: stepCount + 1)
    }

    /// Copies the values of `message` (one of ``sends``) out of the arena into `buffer`.
    package func pack(_ message: RankMessage, into buffer: UnsafeMutablePointer<Float>) {
        var position = 0
        for (signal, count) in zip(message.signals, message.counts) {
            (buffer + position).update(from: engine.arena.pointer(signal), count: count)
            position += count
        }
    }

    /// Stores the values of `message` (one of ``receives``) from `buffer` into the arena.
    package func unpack(_ message: RankMessage, from buffer: UnsafePointer<Float>) {
        var position = 0
        for (signal, count) in zip(message.signals, message.counts) {
            engine.arena.pointer(signal).update(from: buffer + position, count: count)
            position += count
        }
    }

    /// Returns to time 0 (see `Simulator.reset(seed:)`).
    package func reset(seed: Int? = nil) throws(BrainKitError) {
        if let seed {
            try Network.checkSeed(seed, object: "DistributedSimulator", parameter: "seed")
            self.seed = seed
        }
        var rng = RandomState(seed: self.seed)
        try engine.reset(rng: &rng)
        try recorder.clear()
        stepCount = 0
    }

    /// The data this rank recorded for `probe`, or nil when another rank records it.
    package func localData(_ probe: Probe) throws(BrainKitError) -> Matrix? {
        try recorder.data(probe)
    }

    /// The `.npy` file `probe` streams to, or nil with memory storage or when another rank
    /// records it.
    package func probeFile(_ probe: Probe) -> URL? {
        recorder.file(probe)
    }

    /// The times of the recorded samples (see `Simulator.trange(sampleEvery:)`).
    package func trange(sampleEvery: Double? = nil) -> [Double] {
        let period = (sampleEvery ?? dt) / dt
        return (1..<(stepCount + 1)).compactMap {
            ProbeRecorder.records(step: $0, period: period) ? Double($0) * dt : nil
        }
    }
}
