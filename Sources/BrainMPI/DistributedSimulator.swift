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
/// same order. A failure during a step on any rank (a node function returning NaN, say)
/// ends the whole job: the failing rank writes `BrainMPI: rank r of N failed at step k
/// (t = … s): <error>` on standard error and calls `MPI_Abort`, and `mpirun` stops the
/// others; a process that dies is reported by `mpirun`, which stops the others too.
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

    private let part: RankSimulator
    private var sendBuffers: [UnsafeMutablePointer<Float>]
    private var receiveBuffers: [UnsafeMutablePointer<Float>]
    private var requests: [MPI.Request] = []

    /// Starts MPI (unless started), builds `network` and keeps this rank's part.
    ///
    /// - Parameters:
    ///   - network: the network to run; it must have a seed (every rank builds it from that).
    ///   - dt: the time step in seconds (default 0.001).
    ///   - seed: the simulator seed; nil means the network's seed + 1.
    ///   - threads: the threads stepping each rank's part, >= 1 (default 1: one process per
    ///     core is the usual layout).
    ///   - pins: objects placed on ranks by hand.
    ///   - memoryLimit: the most bytes the build and the probes' data of a rank may take; nil
    ///     means what the process can have.
    /// - Throws: `BrainKitError`: `.unavailable` when Open MPI is not installed;
    ///   what `Simulator` throws for a model that cannot be built; `.validation` for a network
    ///   without a seed, a pin to a rank that does not exist or pins that split objects that
    ///   must run together; `.build` naming a rank whose build failed when this one's did
    ///   not.
    public convenience init(
        _ network: Network, dt: Double = 0.001, seed: Int? = nil, threads: Int = 1, pins: [RankPin] = [],
        memoryLimit: Int? = nil
    ) throws(BrainKitError) {
        let (rank, ranks) = try MPI.start()
        try self.init(
            network, dt: dt, seed: seed, threads: threads, pins: pins, memoryLimit: memoryLimit, rank: rank,
            ranks: ranks)
    }

    init(
        _ network: Network, dt: Double, seed: Int?, threads: Int, pins: [RankPin], memoryLimit: Int?, rank: Int,
        ranks: Int
    ) throws(BrainKitError) {
        self.rank = rank
        self.ranks = ranks
        let built: Result<RankSimulator, BrainKitError>
        do throws(BrainKitError) {
            built = .success(
                try RankSimulator(
                    network, dt: dt, seed: seed, threads: threads, ranks: ranks, rank: rank, pins: pins,
                    memoryLimit: memoryLimit))
        } catch {
            built = .failure(error)
        }
        // Every rank learns whether every other built, so that none waits for a failed one.
        var failure: BrainKitError?
        if case .failure(let error) = built { failure = error }
        let failures = try Self.failures(mine: failure, rank: rank, ranks: ranks)
        if failure == nil, let other = failures.first {
            failure = .build("DistributedSimulator", nil, "rank \(other.rank) of \(ranks) failed to build: \(other.description)")
        }
        let part: RankSimulator
        switch built {
        case .success(let built): part = built
        case .failure(let error): throw error
        }
        if let failure { throw failure }
        self.part = part
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
    }

    // MARK: - Running

    /// Runs for `seconds` (rounded to whole steps). Collective.
    /// - Throws: `BrainKitError` for a negative duration or probe data beyond the
    ///   memory limit (before the first step; every rank checks its own probes, and the
    ///   ranks agree before running).
    public func run(seconds: Double) throws(BrainKitError) {
        guard seconds >= 0, seconds.isFinite else {
            throw .validation("DistributedSimulator", "seconds", "must be >= 0 and finite, got \(seconds)")
        }
        try run(steps: Int((seconds / dt).rounded()), parameter: "seconds")
    }

    /// Runs `steps` steps. Collective.
    public func run(steps: Int) throws(BrainKitError) {
        try run(steps: steps, parameter: "steps")
    }

    /// Runs one step. Collective.
    public func step() throws(BrainKitError) {
        try advance()
    }

    private func run(steps: Int, parameter: String) throws(BrainKitError) {
        try agree { () throws(BrainKitError) in try part.checkRun(steps: steps, parameter: parameter) }
        for _ in 0..<steps { try advance() }
    }

    /// One step: receives posted, this rank's part stepped, its outgoing values sent, its
    /// probes recorded while they travel, then every message completed and the incoming
    /// values stored for the next step.
    private func advance() throws(BrainKitError) {
        requests.removeAll(keepingCapacity: true)
        for (message, buffer) in zip(part.receives, receiveBuffers) {
            requests.append(try MPI.receive(buffer, bytes: message.count * 4, from: message.rank))
        }
        do throws(BrainKitError) {
            try part.step()
        } catch {
            fail(error)
        }
        for (message, buffer) in zip(part.sends, sendBuffers) {
            part.pack(message, into: buffer)
            requests.append(try MPI.send(buffer, bytes: message.count * 4, to: message.rank))
        }
        do throws(BrainKitError) {
            try part.record()
        } catch {
            fail(error)
        }
        try MPI.waitAll(&requests)
        for (message, buffer) in zip(part.receives, receiveBuffers) { part.unpack(message, from: buffer) }
    }

    /// Writes the failure on standard error and ends the job (every rank).
    private func fail(_ error: BrainKitError) -> Never {
        let message = "BrainMPI: rank \(rank) of \(ranks) failed at step \(part.stepCount + 1) "
            + "(t = \(Double(part.stepCount + 1) * dt) s): \(error)\n"
        FileHandle.standardError.write(Data(message.utf8))
        MPI.abort(code: 1)
    }

    /// Runs `check` on every rank and throws on every rank if it failed on any (the first
    /// failing rank's error).
    private func agree(_ check: () throws(BrainKitError) -> Void) throws(BrainKitError) {
        var mine: BrainKitError?
        do throws(BrainKitError) { try check() } catch { mine = error }
        guard let first = try Self.failures(mine: mine, rank: rank, ranks: ranks).first else { return }
        if first.rank == rank, let mine { throw mine }
        throw .validation("DistributedSimulator", nil, "rank \(first.rank): \(first.description)")
    }

    /// Tells every rank which ranks failed: each rank in turn broadcasts whether `mine` (its
    /// own error, nil when it succeeded) is set and its description (at most 1,023 bytes).
    /// Collective. Returns the failing ranks in rank order with their descriptions.
    private static func failures(mine: BrainKitError?, rank: Int, ranks: Int) throws(BrainKitError)
        -> [(rank: Int, description: String)]
    {
        var failures: [(rank: Int, description: String)] = []
        for root in 0..<ranks {
            var status = [UInt8](repeating: 0, count: 1024)
            if root == rank, let mine {
                let text = Array(mine.description.utf8.prefix(status.count - 1))
                status.replaceSubrange(1..<(1 + text.count), with: text)
                status[0] = 1
            }
            try MPI.broadcast(&status, from: root)
            if status[0] == 1 {
                failures.append((root, String(decoding: status[1...].prefix { $0 != 0 }, as: UTF8.self)))
            }
        }
        return failures
    }

    /// Returns to time 0 (see `Simulator.reset(seed:)`). Collective.
    public func reset(seed: Int? = nil) throws(BrainKitError) {
        try agree { () throws(BrainKitError) in try part.reset(seed: seed) }
    }

    // MARK: - Results

    /// The data `probe` recorded, on every rank: the rank that records it broadcasts it.
    /// Collective.
    /// - Throws: `BrainKitError` when the probe is not part of the network.
    public func data(_ probe: Probe) throws(BrainKitError) -> Matrix {
        guard let owner = part.rank(of: probe) else {
            throw .validation("DistributedSimulator", "probe", "\(probe.name) is not part of \(network.name)")
        }
        var shape = [Int64](repeating: 0, count: 2)
        var values: [Double] = []
        if owner == rank {
            let data = try part.localData(probe) ?? Matrix(rows: 0, columns: probe.size)
            shape = [Int64(data.rows), Int64(data.columns)]
            values = data.values
        }
        try MPI.broadcast(&shape, from: owner)
        let rows = Int(shape[0]), columns = Int(shape[1])
        if owner != rank { values = [Double](repeating: 0, count: rows * columns) }
        let chunk = MPI.maxBytes / 8
        var start = 0
        while start < values.count {
            let end = min(values.count, start + chunk)
            try MPI.broadcast(&values, start..<end, from: owner)
            start = end
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    /// The rank that records `probe`, or nil for a probe not in the network.
    public func rank(of probe: Probe) -> Int? {
        part.rank(of: probe)
    }

    /// The times (seconds) of the recorded samples (see `Simulator.trange(sampleEvery:)`).
    public func trange(sampleEvery: Double? = nil) -> [Double] {
        part.trange(sampleEvery: sampleEvery)
    }
}
