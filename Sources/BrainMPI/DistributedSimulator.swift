import BrainCore
import Foundation

/// Runs one model across the processes of an MPI job (`mpirun -np N`), with probe data
/// bit-identical to a single-process `Simulator` of the same network.
///
/// ```swift
/// let sim = try DistributedSimulator(net)     // every rank: builds, keeps its part
/// try sim.run(seconds: 1.0)
/// let x = try sim.data(xProbe)                // collective: every rank gets the data
/// ```
///
/// Every rank runs the same program: it builds the whole network's structure (so every object
/// gets the seeds and draws of a single-process build; the network must have a seed), solves
/// the decoders its part reads, and keeps the part the partition gives it (`ModelPartition`:
/// objects that share a signal
/// within a step — joined by a connection without a synapse, a learning rule, a probe — run
/// in one process; the groups are balanced over the ranks by estimated step cost, preferring
/// the rank that already holds the groups they exchange values with; `RankPin`s place
/// objects by hand). What crosses between processes is a connection's synapse output: what
/// it writes at the end of step n is read at step n + 1, so after each step every rank
/// sends the values other ranks read (non-blocking, one message per pair of ranks), records
/// its own probes while the messages travel, and waits for its incoming values before the
/// next step.
///
/// Every call that steps, resets or reads data is collective: call it on every rank in the
/// same order; ``localData(_:)`` and ``probeFile(_:)`` read only this rank's records.
///
/// A failure during a step on any rank (a node function returning NaN, a probe file that
/// cannot be written) stops every rank at that step: with each step's messages the ranks
/// exchange whether they failed, so every rank learns it in the same step, also a rank that
/// exchanges no values with the failing one, and every rank throws the same `.simulation`
/// error, `DistributedSimulator: rank r of N failed at step k (t = … s): <the failing rank's
/// error>` (when several fail in one step, the lowest-numbered one's). Every rank then holds
/// the data recorded up to step k − 1 (``stepCount`` is k − 1): ``data(_:)`` and
/// ``localData(_:)`` read it, ``failure`` keeps the error, and running is refused until
/// ``reset(seed:)``.
///
/// A process that dies (killed, out of memory) is reported by `mpirun`, which ends the others,
/// so data in memory is lost. With `probeStorage: .stream(directory:)` each rank writes the
/// probes it records to `.npy` files while running and writes out its buffered samples every
/// `flushEvery` steps, at the end of each ``run(steps:)`` or ``run(seconds:)`` and at a
/// failure; after a kill, every file holds at least the samples up to its rank's last write-out
/// and `numpy.load` opens it.
public final class DistributedSimulator {
    /// The network this simulator built.
    public var network: Network { part.network }
    /// This process's rank, in `0..<ranks`.
    public let rank: Int
    /// The number of processes in the job.
    public let ranks: Int
    /// The time step in seconds.
    public var dt: Double { part.dt }
    /// The number of steps run since the last reset.
    public var stepCount: Int { part.stepCount }
    /// The current simulation time in seconds.
    public var time: Double { Double(stepCount) * dt }
    /// The threads stepping this rank's part.
    public var threads: Int { part.threads }
    /// This rank's estimated step cost and every rank's (signal elements touched per step).
    public var loads: [Int] { part.partition.loads }
    /// The `Float` values all ranks send each other per step.
    public var valuesSentPerStep: Int { part.partition.valuesSentPerStep }
    /// The operators this rank runs, and those of the whole model.
    public var operatorCount: (local: Int, total: Int) { part.operatorCount }
    /// Where the probes this rank records keep their data: memory, or `.npy` files.
    public let probeStorage: ProbeStorage
    /// The steps between write-outs of streamed probes' buffered samples to their files.
    public let flushEvery: Int
    /// The error that stopped every rank (the same on each), nil while the simulator can run;
    /// ``reset(seed:)`` clears it.
    public internal(set) var failure: BrainKitError?

    let part: RankSimulator
    private var sendBuffers: [UnsafeMutablePointer<Float>]
    private var receiveBuffers: [UnsafeMutablePointer<Float>]
    private var requests: [MPI.Request] = []
    /// Whether the probes go to files (which are written out every ``flushEvery`` steps).
    private let streams: Bool
    /// This rank's status for the step being run (`ranks` when it went well, else `rank`), then
    /// the smallest status of all ranks: `ranks`, or the lowest failing rank.
    private let status: UnsafeMutablePointer<Int32>

    /// Starts MPI (unless started), builds `network` and keeps this rank's part.
    ///
    /// - Parameters:
    ///   - network: the network to run; it must have a seed (every rank builds it from that).
    ///   - dt: the time step in seconds (default 0.001).
    ///   - seed: the simulator seed; nil means the network's seed + 1.
    ///   - threads: the threads stepping each rank's part, >= 1 (default 1: one process per
    ///     core is the usual layout).
    ///   - pins: objects placed on ranks by hand.
    ///   - probeStorage: where the probes a rank records keep their data: `.memory` (the
    ///     default), or `.stream(directory:)`: `.npy` files in `directory`, named as a
    ///     single-process `Simulator` names them (by the probe's position among the network's
    ///     probes); each probe is recorded by one rank, so ranks sharing the directory write
    ///     different files (on several machines, each machine's directory holds the files of
    ///     its ranks). `.latestOnly` is refused.
    ///   - flushEvery: with stream storage, the steps between write-outs of the buffered
    ///     samples to the files, >= 1 (default 100).
    ///   - memoryLimit: the most bytes the build and the probes' data of a rank may take; nil
    ///     means what the process can have.
    /// - Throws: `BrainKitError`: `.unavailable` when Open MPI is not installed;
    ///   what `Simulator` throws for a model that cannot be built; `.validation` for a network
    ///   without a seed, a pin to a rank that does not exist, pins that split objects that
    ///   must run together, `flushEvery` below 1 or `.latestOnly` storage; `.io` when a
    ///   stream directory or file cannot be created; `.build` naming a rank whose build failed
    ///   when this one's did not.
    public convenience init(
        _ network: Network, dt: Double = 0.001, seed: Int? = nil, threads: Int = 1, pins: [RankPin] = [],
        probeStorage: ProbeStorage = .memory, flushEvery: Int = 100, memoryLimit: Int? = nil
    ) throws(BrainKitError) {
        let (rank, ranks) = try MPI.start()
        try self.init(
            network, dt: dt, seed: seed, threads: threads, pins: pins, probeStorage: probeStorage,
            flushEvery: flushEvery, memoryLimit: memoryLimit, rank: rank, ranks: ranks)
    }

    init(
        _ network: Network, dt: Double, seed: Int?, threads: Int, pins: [RankPin], probeStorage: ProbeStorage,
        flushEvery: Int, memoryLimit: Int?, rank: Int, ranks: Int
    ) throws(BrainKitError) {
        self.rank = rank
        self.ranks = ranks
        self.probeStorage = probeStorage
        self.flushEvery = flushEvery
        if case .stream = probeStorage { streams = true } else { streams = false }
        let built: Result<RankSimulator, BrainKitError>
        do throws(BrainKitError) {
            try Check.atLeast(flushEvery, 1, "DistributedSimulator", "flushEvery")
            built = .success(
                try RankSimulator(
                    network, dt: dt, seed: seed, threads: threads, ranks: ranks, rank: rank, pins: pins,
                    storage: probeStorage, memoryLimit: memoryLimit))
        } catch {
            built = .failure(error)
        }
        // Every rank learns whether every other built, so that none waits for a failed one.
        var buildFailure: BrainKitError?
        if case .failure(let error) = built { buildFailure = error }
        let failures = try Self.failures(mine: buildFailure, rank: rank, ranks: ranks)
        if buildFailure == nil, let other = failures.first {
            buildFailure = .build("DistributedSimulator", nil, "rank \(other.rank) of \(ranks) failed to build: \(other.description)")
        }
        let part: RankSimulator
        switch built {
        case .success(let built): part = built
        case .failure(let error): throw error
        }
        if let buildFailure { throw buildFailure }
        self.part = part
        status = .allocate(capacity: 2)
        status.initialize(repeating: 0, count: 2)
        sendBuffers = part.sends.map { UnsafeMutablePointer<Float>.allocate(capacity: max($0.count, 1)) }
        receiveBuffers = part.receives.map { UnsafeMutablePointer<Float>.allocate(capacity: max($0.count, 1)) }
        for message in part.sends + part.receives where message.count * 4 > MPI.maxBytes {
            throw .build(
                "DistributedSimulator", nil,
                "rank \(rank) would exchange \(message.count) values with rank \(message.rank) per step, more than "
                    + "one MPI message carries")
        }
    }

    deinit {
        for buffer in sendBuffers + receiveBuffers { buffer.deallocate() }
        status.deallocate()
    }

    // MARK: - Running

    /// Runs for `seconds` (rounded to whole steps). Collective.
    /// - Parameter seconds: the simulated time to run, >= 0.
    /// - Throws: `BrainKitError` for a negative duration (or one of more than 2^62 steps) or
    ///   probe data beyond the memory limit (before the first step; every rank checks its own
    ///   probes, and the ranks agree before running); `.simulation` for a failure during a
    ///   step on any rank (the same error on every rank) or a simulator stopped by one.
    public func run(seconds: Double) throws(BrainKitError) {
        try checkRunnable()
        guard seconds >= 0, seconds.isFinite else {
            throw .validation("DistributedSimulator", "seconds", "must be >= 0 and finite, got \(seconds)")
        }
        guard let steps = Size.steps(seconds, of: dt) else {
            throw .validation(
                "DistributedSimulator", "seconds",
                "\(seconds) s is \((seconds / dt).rounded()) steps of dt = \(dt) s, more than the 2^62 a run can count")
        }
        try run(steps: steps, parameter: "seconds")
    }

    /// Runs `steps` steps. Collective.
    /// - Parameter steps: the number of steps, >= 0.
    /// - Throws: `BrainKitError` as ``run(seconds:)`` does.
    public func run(steps: Int) throws(BrainKitError) {
        try checkRunnable()
        try run(steps: steps, parameter: "steps")
    }

    /// Runs one step. Collective. Streamed probes are written out every ``flushEvery`` steps.
    /// - Throws: `BrainKitError` (`.simulation`) for a failure during the step on any rank or
    ///   a simulator stopped by one.
    public func step() throws(BrainKitError) {
        try checkRunnable()
        try advance(flushing: false)
    }

    private func run(steps: Int, parameter: String) throws(BrainKitError) {
        try agree { () throws(BrainKitError) in try part.checkRun(steps: steps, parameter: parameter) }
        for done in 0..<steps { try advance(flushing: done == steps - 1) }
    }

    /// Refuses to run after a failure, until a reset.
    private func checkRunnable() throws(BrainKitError) {
        guard let failure else { return }
        throw BrainKitError(
            .simulation, object: "DistributedSimulator",
            message: "stopped at step \(stepCount) because \(failure.message); call reset(seed:) before running again")
    }

    /// One step: receives posted, this rank's part stepped, its outgoing values sent, its
    /// probes recorded (and streamed ones written out when `flushing` or every ``flushEvery``
    /// steps) while they travel, this rank's status sent into the reduction that tells every
    /// rank the lowest failing one, then every message completed and the incoming values
    /// stored for the next step. A rank whose step fails still sends (whatever its buffers
    /// hold), so that no rank waits forever.
    private func advance(flushing: Bool) throws(BrainKitError) {
        let step = part.stepCount + 1
        requests.removeAll(keepingCapacity: true)
        for (message, buffer) in zip(part.receives, receiveBuffers) {
            requests.append(try MPI.receive(buffer, bytes: message.count * 4, from: message.rank))
        }
        var failed: BrainKitError?
        do throws(BrainKitError) {
            try part.step()
        } catch {
            failed = error
        }
        for (message, buffer) in zip(part.sends, sendBuffers) {
            part.pack(message, into: buffer)
            requests.append(try MPI.send(buffer, bytes: message.count * 4, to: message.rank))
        }
        if failed == nil {
            do throws(BrainKitError) {
                try part.record()
                if streams && (flushing || step % flushEvery == 0) { try part.flush() }
            } catch {
                failed = error
            }
        }
        status[0] = Int32(failed == nil ? ranks : rank)
        requests.append(try MPI.minimum(of: status, into: status + 1))
        try MPI.waitAll(&requests)
        guard status[1] == Int32(ranks) else {
            throw try stop(at: step, failingRank: Int(status[1]), error: failed)
        }
        for (message, buffer) in zip(part.receives, receiveBuffers) { part.unpack(message, from: buffer) }
    }

    /// After `failingRank` failed at `step` (with `error` when it is this rank): broadcasts the
    /// failing rank's error, takes back this rank's record of `step` if it made one, writes
    /// out streamed probes, and returns the error every rank throws, kept as ``failure``.
    /// Collective.
    private func stop(at step: Int, failingRank: Int, error: BrainKitError?) throws(BrainKitError) -> BrainKitError {
        let cause = try broadcast(text: error?.description ?? "failed", from: failingRank)
        let stopped = BrainKitError(
            .simulation, object: "DistributedSimulator",
            message: "rank \(failingRank) of \(ranks) failed at step \(step) (t = \(Double(step) * dt) s): \(cause)")
        failure = stopped
        // A file that cannot be cut or written here shows as an error of data(_:) and localData(_:).
        if part.stepCount == step { try? part.dropLastStep() }
        try? part.flush()
        return stopped
    }

    /// Returns to time 0 (see `Simulator.reset(seed:)`): every rank's part, its probe data
    /// (streamed files are emptied) and ``failure`` are cleared. Collective.
    /// - Parameter seed: the simulator seed from now on; nil keeps the current one.
    /// - Throws: `BrainKitError` for an invalid seed or a stream file that cannot be emptied,
    ///   on every rank (``failure`` then stays).
    public func reset(seed: Int? = nil) throws(BrainKitError) {
        try agree { () throws(BrainKitError) in try part.reset(seed: seed) }
        failure = nil
    }
}
