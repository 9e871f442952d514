import Foundation
import Synchronization

/// Runs the compiled kernels once per step, on the calling thread alone or together with
/// persistent worker threads.
///
/// The work is cut into **phases**. A phase holds, for each thread, a list of kernels that
/// touch no signal another thread writes in that phase; all threads meet at a barrier at the
/// end of each phase. Phases follow the schedule's dependency levels, and every signal's
/// writers run in one fixed canonical order, so results are bit-identical for any thread
/// count.
///
/// Workers spin on an atomic step counter while the simulation runs (a futex wake-up costs
/// 10–50 µs on a VM, more than many whole steps), yielding their core after a few µs; a worker
/// idle for ``idleNanosecondsBeforeSleeping`` (no step started for 2 ms) sleeps on a condition
/// variable, and the next step wakes it. Back-to-back steps never make a system call: the
/// caller signals only when a worker is asleep.
final class Executor: @unchecked Sendable {
    // Written only before the workers start; read-only afterwards.
    let threadCount: Int
    /// The number of phases (barriers) per step.
    let phaseCount: Int
    /// Every kernel, kept alive here; the step loop uses the unretained lists below.
    private let kernels: [Kernel]
    /// The kernels run per step (parts of cut kernels counted one by one).
    var kernelCount: Int { kernels.count }
    /// For each thread, its kernels of every phase back to back, unretained (no reference
    /// counting in the step loop), and the end of each phase in that list.
    private let lists: UnsafeMutablePointer<UnsafeMutablePointer<Unmanaged<Kernel>>>
    private let phaseEnds: UnsafeMutablePointer<UnsafeMutablePointer<Int>>

    // Synchronisation between the calling thread and the workers.
    private let generation = Atomic<Int>(0)
    private let arrivals = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Int>(0)
    /// Workers asleep (or about to sleep) on `wakeUp`; the caller signals only when nonzero.
    private let sleepers = Atomic<Int>(0)
    /// Where idle workers sleep until the next step (or shutdown).
    private let wakeUp = NSCondition()
    /// Each worker's CPU-time clock (index 0 unused), set when it starts; `started` counts them.
    private let workerClocks: UnsafeMutablePointer<clockid_t>
    private let started = Atomic<Int>(0)
    /// The time of the step in progress; written by the caller before it bumps `generation`
    /// (release), read by workers after they observe it (acquire).
    nonisolated(unsafe) private var currentTime = 0.0
    private var stepsTaken = 0
    /// Set between steps by ``startTiming()``; workers see it after the next step's release.
    nonisolated(unsafe) private var timer: KernelTimer?
    /// `timer != nil`, tested once per step (a plain load, no reference counting).
    nonisolated(unsafe) private var isTiming = false

    /// When the executor uses the threads it was given.
    enum Sharing {
        /// When the estimated work per thread, plus the barriers, beats one thread by 10 %.
        case whenItPays
        /// Whenever there is work for more than one thread (tests of the threaded path).
        case always
    }

    /// Builds the phases from kernels in canonical order with their dependency levels, the
    /// signals each one writes and the arena memory each one touches (for kernels that cannot
    /// say more narrowly themselves, ``Kernel/footprint``).
    init(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint], threads: Int,
        sharing: Sharing
    ) {
        precondition(threads >= 1)
        for (index, kernel) in kernels.enumerated() { kernel.index = index }
        // What a kernel touches: its own account, or its operator's signals.
        let footprint: (Kernel) -> MemoryFootprint = { $0.footprint ?? footprints[$0.index] }
        var phases = Executor.partition(
            kernels: kernels, levels: levels, writes: writes, footprint: footprint, threads: threads)
        phases = Executor.mergingIndependentPhases(phases, footprint: footprint)
        let hasSharedWork = phases.contains { !$0.dropFirst().allSatisfy(\.isEmpty) }
        if !hasSharedWork || (sharing == .whenItPays && !Executor.sharingPays(phases)) {
            // Nothing is worth another thread: run serially, without workers, in canonical order.
            threadCount = 1
            phases = [[kernels]]
        } else {
            threadCount = threads
        }
        phaseCount = phases.count
        var owned: [Kernel] = []
        lists = .allocate(capacity: threadCount)
        phaseEnds = .allocate(capacity: threadCount)
        for t in 0..<threadCount {
            let mine = phases.flatMap { $0[t] }
            owned += mine
            lists[t] = .allocate(capacity: max(mine.count, 1))
            lists[t].initialize(from: mine.map { Unmanaged.passUnretained($0) }, count: mine.count)
            phaseEnds[t] = .allocate(capacity: max(phases.count, 1))
            var end = 0
            for (p, phase) in phases.enumerated() {
                end += phase[t].count
                phaseEnds[t][p] = end
            }
        }
        self.kernels = owned
        for kernel in owned { kernel.prepare() }
        workerClocks = .allocate(capacity: threadCount)
        workerClocks.initialize(repeating: clockid_t(), count: threadCount)
        for worker in 1..<threadCount {
            let thread = Thread { [self] in workerLoop(index: worker) }
            thread.name = "BrainKit worker \(worker)"
            thread.start()
        }
    }

    /// Runs one step at time `time` (seconds).
    func step(time: Double) {
        if isTiming, let timer {
            timer.steps += 1
            if threadCount == 1 {
                runTimed(thread: 0, base: 0, time: time, timer: timer, barriers: false)
                return
            }
        }
        if threadCount == 1 {
            let list = lists[0]
            var k = 0
            let end = phaseEnds[0][0]
            while k < end {
                list[k]._withUnsafeGuaranteedRef { $0.run(time: time) }
                k += 1
            }
            return
        }
        currentTime = time
        let base = stepsTaken * phaseCount * threadCount
        stepsTaken += 1
        // Sequentially consistent with the sleepers' count: a worker going to sleep either sees
        // this step or is counted here (see ``sleep(whileGenerationIs:)``).
        generation.add(1, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 { wakeWorkers() }
        runPhases(thread: 0, base: base, time: time)
    }

    /// Stops and releases the worker threads; the executor cannot step afterwards.
    func shutdown() {
        guard threadCount > 1, !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        wakeWorkers()
        while finished.load(ordering: .acquiring) < threadCount - 1 { usleep(50) }
    }

    /// The CPU time the worker threads have used since they started, in seconds (0 without
    /// workers; for tests that check idle workers sleep). Call before ``shutdown()``.
    func workerCPUSeconds() -> Double {
        guard threadCount > 1 else { return 0 }
        while started.load(ordering: .acquiring) < threadCount - 1 { usleep(100) }
        var total = 0.0
        for worker in 1..<threadCount {
            var time = timespec()
            guard clock_gettime(workerClocks[worker], &time) == 0 else { continue }
            total += Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        return total
    }

    deinit {
        shutdown()
        for t in 0..<threadCount {
            lists[t].deallocate()
            phaseEnds[t].deallocate()
        }
        lists.deallocate()
        phaseEnds.deallocate()
        workerClocks.deallocate()
    }

    // MARK: - Workers

    private func runPhases(thread: Int, base: Int, time: Double) {
        if isTiming, let timer {
            runTimed(thread: thread, base: base, time: time, timer: timer, barriers: true)
            return
        }
        let list = lists[thread], ends = phaseEnds[thread]
        var k = 0
        for p in 0..<phaseCount {
            let end = ends[p]
            while k < end {
                list[k]._withUnsafeGuaranteedRef { $0.run(time: time) }
                k += 1
            }
            arrivals.add(1, ordering: .acquiringAndReleasing)
            Executor.spin(until: arrivals, reaches: base + (p + 1) * threadCount)
        }
    }

    /// ``runPhases(thread:base:time:)`` (or, on one thread, the serial list) with a clock
    /// reading around every kernel and barrier.
    private func runTimed(thread: Int, base: Int, time: Double, timer: KernelTimer, barriers: Bool) {
        let list = lists[thread], ends = phaseEnds[thread]
        let counters = timer.kernelNanoseconds[thread]
        var k = 0
        for p in 0..<phaseCount {
            let end = ends[p]
            while k < end {
                let start = KernelTimer.now()
                list[k]._withUnsafeGuaranteedRef { $0.run(time: time) }
                counters[k] &+= KernelTimer.now() &- start
                k += 1
            }
            guard barriers else { continue }
            let start = KernelTimer.now()
            arrivals.add(1, ordering: .acquiringAndReleasing)
            Executor.spin(until: arrivals, reaches: base + (p + 1) * threadCount)
            timer.waitNanoseconds[thread] &+= KernelTimer.now() &- start
        }
    }

    /// How many kernels thread `t` runs per step (the end of its last phase).
    private func kernelCount(thread t: Int) -> Int { phaseEnds[t][max(phaseCount - 1, 0)] }

    /// Starts (or restarts) timing every kernel of the steps that follow. Call between steps.
    func startTiming() {
        timer = KernelTimer(kernelCounts: (0..<threadCount).map { kernelCount(thread: $0) })
        isTiming = true
    }

    /// The kernels' times since ``startTiming()``, by kind, or nil when not timing.
    func timing() -> StepProfile? {
        guard let timer else { return nil }
        let steps = Double(max(timer.steps, 1))
        var kinds: [String] = []
        var seconds: [String: [Double]] = [:]
        for t in 0..<threadCount {
            for k in 0..<kernelCount(thread: t) {
                let kind = String(describing: type(of: lists[t][k].takeUnretainedValue()))
                if seconds[kind] == nil {
                    kinds.append(kind)
                    seconds[kind] = [Double](repeating: 0, count: threadCount)
                }
                seconds[kind]![t] += Double(timer.kernelNanoseconds[t][k]) / 1e9 / steps
            }
        }
        let entries = kinds.map { StepProfile.Entry(kind: $0, secondsPerStep: seconds[$0]!) }
            .sorted { ($0.secondsPerStep.max() ?? 0) > ($1.secondsPerStep.max() ?? 0) }
        return StepProfile(
            steps: timer.steps, entries: entries,
            waitingPerStep: (0..<threadCount).map { Double(timer.waitNanoseconds[$0]) / 1e9 / steps })
    }

    /// Busy-wait iterations before a waiting thread starts yielding its core (a few µs).
    private static let spinsBeforeYield = 4_000

    /// Waits for the other threads of a step (a barrier: `counter` reaching `target`) by
    /// spinning; after a few µs it yields its core at each round, since on a busy machine a
    /// thread it waits for may have lost its core.
    @inline(__always)
    static func spin(until counter: borrowing Atomic<Int>, reaches target: Int) {
        var spins = 0
        while counter.load(ordering: .acquiring) < target {
            spins += 1
            if spins > spinsBeforeYield { sched_yield() }
        }
    }

    /// How long a worker waits for the next step, spinning and yielding, before it sleeps:
    /// 2 ms, so steps that come back to back (µs apart) never pay a wake-up (10–50 µs on a VM),
    /// and a simulator held between runs costs no CPU after the first 2 ms.
    static let idleNanosecondsBeforeSleeping: UInt64 = 2_000_000

    private func workerLoop(index: Int) {
        pthread_getcpuclockid(pthread_self(), workerClocks + index)
        started.add(1, ordering: .releasing)
        var seen = 0
        while let current = nextGeneration(after: seen) {
            let base = seen * phaseCount * threadCount
            seen += 1
            precondition(current == seen, "BrainKit executor: a worker fell behind")
            runPhases(thread: index, base: base, time: currentTime)
        }
        finished.add(1, ordering: .releasing)
    }

    /// Waits for the step after `seen` and returns its generation, or nil when stopping:
    /// spinning at first, yielding the core after a few µs (on a busy machine the caller may
    /// need it), and sleeping once idle for ``idleNanosecondsBeforeSleeping``.
    private func nextGeneration(after seen: Int) -> Int? {
        var spins = 0
        var idleSince: UInt64?
        while true {
            if stopping.load(ordering: .acquiring) { return nil }
            let current = generation.load(ordering: .acquiring)
            if current != seen { return current }
            spins += 1
            guard spins > Executor.spinsBeforeYield else { continue }
            sched_yield()
            let now = KernelTimer.now()
            guard let since = idleSince else {
                idleSince = now
                continue
            }
            if now &- since >= Executor.idleNanosecondsBeforeSleeping {
                sleep(whileGenerationIs: seen)
                spins = 0
                idleSince = nil
            }
        }
    }

    /// Blocks until a step after `seen` starts or the executor stops. The worker counts itself
    /// in `sleepers` before it looks at `generation` again, and the caller bumps `generation`
    /// before it reads `sleepers` (all sequentially consistent): either the worker sees the new
    /// step and does not wait, or the caller sees the sleeper and signals — under the lock, so
    /// the signal cannot fall between the worker's check and its wait.
    private func sleep(whileGenerationIs seen: Int) {
        wakeUp.lock()
        sleepers.add(1, ordering: .sequentiallyConsistent)
        while generation.load(ordering: .sequentiallyConsistent) == seen,
            !stopping.load(ordering: .sequentiallyConsistent)
        {
            wakeUp.wait()
        }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        wakeUp.unlock()
    }

    /// Wakes every sleeping worker (a step started, or the executor is stopping).
    private func wakeWorkers() {
        wakeUp.lock()
        wakeUp.broadcast()
        wakeUp.unlock()
    }

    // MARK: - Partitioning

    /// Cuts kernels into phases. Within a dependency level, kernels writing a common signal
    /// form one group (kept in canonical order); groups are spread over threads by cost,
    /// except that kernels calling user code stay on the calling thread. Consecutive levels
    /// whose work all falls to the calling thread share one phase.
    private static func partition(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprint: (Kernel) -> MemoryFootprint,
        threads: Int
    ) -> [[[Kernel]]] {
        if threads == 1 { return [[kernels]] }
        /// Levels with less work than this run on the calling thread alone (measured on the
        /// benchmark suite: 3000 cost units lets a 2000-neuron population split, which pays for
        /// its barrier; larger thresholds left lorenz single-threaded, smaller ones gained nothing).
        let parallelThreshold = 3_000
        var phases: [[[Kernel]]] = []
        var start = 0
        while start < kernels.count {
            var end = start
            while end < kernels.count && levels[end] == levels[start] { end += 1 }
            let groups = Executor.groups(in: start..<end, writes: writes)
            let total = (start..<end).reduce(0) { $0 + kernels[$1].cost }
            var lists = [[Kernel]](repeating: [], count: threads)
            if total < parallelThreshold {
                lists[0] = Array(kernels[start..<end])
            } else {
                // What each thread wrote in the phase before: a cut that falls near where those
                // writes meet in the kernel's input is moved there, so that each thread reads
                // what it wrote itself (and the two phases can run without a barrier between).
                let previous = phases.last.map { phase in
                    phase.map { list in AddressSet(list.flatMap { footprint($0).writes }) }
                }
                lists = Executor.share(
                    groups.map { group in group.map { kernels[$0] } }, threads: threads, minimumPart: parallelThreshold / 4,
                    previousWrites: previous, footprint: footprint)
            }
            let soloOnCaller = lists.dropFirst().allSatisfy(\.isEmpty)
            if soloOnCaller, let last = phases.last, last.dropFirst().allSatisfy(\.isEmpty) {
                phases[phases.count - 1][0].append(contentsOf: lists[0])
            } else {
                phases.append(lists)
            }
            start = end
        }
        return phases.isEmpty ? [[[Kernel]]](repeating: [[Kernel]](repeating: [], count: threads), count: 1) : phases
    }

    /// Joins each phase to the one before when no thread's work in it touches memory another
    /// thread wrote in the phase before, or writes memory another thread read there: the
    /// barrier between them orders nothing. Parts of cut kernels report exactly their slices,
    /// so a chain of kernels over the same elements cut at the same places (a copy, a scaling,
    /// the neurons) runs without barriers, each thread on its own slice. Each thread keeps its
    /// kernels in order, so every signal's writers still run in canonical order.
    private static func mergingIndependentPhases(_ phases: [[[Kernel]]], footprint: (Kernel) -> MemoryFootprint)
        -> [[[Kernel]]]
    {
        guard var merged = phases.first.map({ [$0] }) else { return phases }
        for next in phases.dropFirst() {
            let current = merged[merged.count - 1]
            let threads = current.count
            let before = current.map { $0.map(footprint) }
            let read = before.map { AddressSet($0.flatMap(\.reads)) }
            let wrote = before.map { AddressSet($0.flatMap(\.writes)) }
            func independent(_ lists: [[Kernel]]) -> Bool {
                (0..<threads).allSatisfy { t in
                    lists[t].allSatisfy { kernel in
                        let mine = footprint(kernel)
                        return (0..<threads).allSatisfy { other in
                            other == t || mine.isIndependent(ofReads: read[other], writes: wrote[other])
                        }
                    }
                }
            }
            // A phase of the caller's alone (and no user code) may run on whichever thread
            // made its inputs, if that lets it follow on without a barrier.
            var candidates = [next]
            if next.dropFirst().allSatisfy(\.isEmpty), !next[0].contains(where: \.runsOnCallingThread) {
                for t in 1..<threads {
                    var moved = [[Kernel]](repeating: [], count: threads)
                    moved[t] = next[0]
                    candidates.append(moved)
                }
            }
            // Or small kernels that read another thread's results may move to that thread, with
            // every kernel writing the same memory (in order), when nothing else on their thread
            // touches what they touch (for phases of a few kernels: the grouping is quadratic).
            var rehomed = next
            var movedAny = false
            for t in 0..<threads where next[t].count <= 64 {
                var pending = next[t]
                while let seed = pending.first {
                    // The kernels of this thread's list writing what the group writes, closed.
                    var group = [seed]
                    var grew = true
                    while grew {
                        grew = false
                        let writes = group.flatMap { footprint($0).writes }
                        for kernel in next[t] where !group.contains(where: { $0 === kernel }) {
                            if footprint(kernel).writes.contains(where: { w in writes.contains { $0.overlaps(w) } }) {
                                group.append(kernel)
                                grew = true
                            }
                        }
                    }
                    pending.removeAll { kernel in group.contains { $0 === kernel } }
                    guard group.allSatisfy({ !$0.runsOnCallingThread && !$0.runsWithSiblings }),
                        group.reduce(0, { $0 + weight($1) }) < 2_000
                    else { continue }
                    let conflicts = Set(group.flatMap { kernel in
                        (0..<threads).filter {
                            $0 != t && !footprint(kernel).isIndependent(ofReads: read[$0], writes: wrote[$0])
                        }
                    })
                    guard conflicts.count == 1, let home = conflicts.first else { continue }
                    // A phase may span levels (the caller's consecutive levels), so the group
                    // must also be independent of what stays on this thread.
                    let staying = next[t].filter { kernel in !group.contains { $0 === kernel } }.map(footprint)
                    let stayingReads = AddressSet(staying.flatMap(\.reads))
                    let stayingWrites = AddressSet(staying.flatMap(\.writes))
                    guard group.allSatisfy({ footprint($0).isIndependent(ofReads: stayingReads, writes: stayingWrites) })
                    else { continue }
                    let ordered = next[t].filter { kernel in group.contains { $0 === kernel } }
                    rehomed[t].removeAll { kernel in group.contains { $0 === kernel } }
                    rehomed[home].append(contentsOf: ordered)
                    movedAny = true
                }
            }
            if movedAny { candidates.append(rehomed) }
            if let lists = candidates.first(where: independent) {
                merged[merged.count - 1] = zip(current, lists).map { $0 + $1 }
            } else {
                merged.append(next)
            }
        }
        return merged
    }

    /// What a barrier between phases costs, in weight units: about 2.5 µs, more than a quiet
    /// machine's 1.5 µs, because each barrier also waits for whichever thread the machine
    /// delayed. On the project's 2-vCPU VM, bg20 (5 barriers a step) and comm64 (3) ran as
    /// fast on one thread as on two once LIF got faster, and on two threads fell to half speed
    /// whenever the other vCPU was busy; one thread is as fast and steady. (At 1.5 µs, lorenz,
    /// 2000 neurons in 4 phases, already ran faster on one thread.)
    private static let barrierWeight = 10_000

    /// Whether running `phases` on their threads beats one thread: the slowest thread of each
    /// phase plus a barrier per phase, against all the work in a row (with a 10 % margin).
    private static func sharingPays(_ phases: [[[Kernel]]]) -> Bool {
        var serial = 0, parallel = 0
        for phase in phases {
            let loads = phase.map { $0.reduce(0) { $0 + weight($1) } }
            serial += loads.reduce(0, +)
            parallel += (loads.max() ?? 0) + barrierWeight
        }
        return Double(parallel) < 0.9 * Double(serial)
    }

    /// A kernel's estimated cost (``Kernel/cost``) plus what a call costs whatever its size,
    /// in the same multiply-add units: about 25 ns against ~0.25 ns per unit.
    private static func weight(_ kernel: Kernel) -> Int { kernel.cost + 100 }

    /// Shares one level's groups among `threads` threads, family by family: a family is the
    /// level's single-kernel groups of one kind (an array's encoders, a fused neuron population,
    /// an array's decoders). A family of several groups goes to the threads as contiguous runs
    /// of about equal weight (thread t takes the t-th run), except that a group goes to the
    /// thread that wrote most of its inputs in the phase before while that thread stays within
    /// 3 % of its share — so a thread encodes, steps and decodes the same ensembles, their
    /// data stays in its core's cache, and the phases can join. A family that is one cuttable
    /// kernel (``Kernel/splittableLength``) is cut evenly — at the point where the threads'
    /// writes met in its input in the phase before, when that is within 1/8 — if it weighs at
    /// least `minimumPart` or every thread made part of its input. (The leeways of one level's
    /// families add up when they lean the same way: at 10 % for the runs, cconv64's main phase
    /// split 55/45 and the other thread waited 7–9 µs of a 30 µs step.) Small families go where
    /// their inputs were made, or to the least loaded thread. Groups calling user code stay on
    /// the calling thread.
    private static func share(
        _ groups: [[Kernel]], threads: Int, minimumPart: Int, previousWrites: [AddressSet]? = nil,
        footprint: (Kernel) -> MemoryFootprint
    ) -> [[Kernel]] {
        var lists = [[Kernel]](repeating: [], count: threads)
        var loads = [Double](repeating: 0, count: threads)
        let weights = groups.map { $0.reduce(0) { $0 + weight($1) } }
        let pinned = groups.map { $0.contains(where: \.runsOnCallingThread) }
        for (k, group) in groups.enumerated() where pinned[k] {
            lists[0].append(contentsOf: group)
            loads[0] += Double(weights[k])
        }
        func leastLoaded() -> Int { loads.indices.min { loads[$0] < loads[$1] }! }
        /// The thread that wrote most of what `group` reads in the phase before, if any.
        func maker(of group: [Kernel]) -> Int? {
            guard let previousWrites else { return nil }
            let reads = group.flatMap { footprint($0).reads }
            let made = previousWrites.map { written in reads.reduce(0) { $0 + written.overlapCount($1) } }
            guard let best = made.indices.max(by: { made[$0] < made[$1] }), made[best] > 0 else { return nil }
            return best
        }
        /// Whether every thread wrote part of `kernel`'s input in the phase before (then even a
        /// small kernel is cut, so that each thread reads what it wrote).
        func madeByThreads(_ kernel: Kernel) -> Bool {
            guard let previousWrites, let input = cutInput(of: kernel) else { return false }
            return previousWrites.allSatisfy { $0.overlapCount(input) > 0 }
        }
        /// Cuts `kernel` (the whole of a family) evenly among the threads.
        func cut(_ kernel: Kernel) {
            let length = kernel.splittableLength, alignment = kernel.splitAlignment
            var cut = 0
            for thread in 0..<threads {
                var next = length
                if thread < threads - 1 {
                    let fraction = Double(thread + 1) / Double(threads)
                    next = min(length, max(cut, Int((fraction * Double(length) / Double(alignment)).rounded()) * alignment))
                    if let previousWrites, let input = cutInput(of: kernel) {
                        // The elements of the input the threads up to this one wrote.
                        let written = (0...thread).reduce(0) { $0 + previousWrites[$1].overlapCount(input) }
                        let handover = written / MemoryLayout<Float>.stride
                        if handover > cut, handover < length, abs(handover - next) <= length / 8 { next = handover }
                    }
                }
                if next > cut {
                    let part = kernel.part(cut..<next)
                    part.index = kernel.index
                    lists[thread].append(part)
                    loads[thread] += Double(weight(kernel)) * Double(next - cut) / Double(length)
                }
                cut = next
            }
        }
        // Families: the level's groups of single kernels of one kind (an array's encoders, its
        // neurons, its decoders), in canonical order (groups of one level are independent, so
        // they may run family by family). Each family is shared evenly on its own, so a thread
        // encodes, steps and decodes the same ensembles of every array in a level.
        /// A single kernel's class; nil for groups of several kernels (together one family).
        func kind(_ k: Int) -> ObjectIdentifier? { groups[k].count == 1 ? ObjectIdentifier(type(of: groups[k][0])) : nil }
        var families: [[Int]] = []
        var familyOf: [ObjectIdentifier?: Int] = [:]
        for k in groups.indices where !pinned[k] {
            if let f = familyOf[kind(k)] {
                families[f].append(k)
            } else {
                familyOf[kind(k)] = families.count
                families.append([k])
            }
        }
        for family in families {
            let familyWeight = Double(family.reduce(0) { $0 + weights[$1] })
            if family.count == 1, groups[family[0]].count == 1,
                groups[family[0]][0].splittableLength >= 2 * groups[family[0]][0].splitAlignment,
                weights[family[0]] >= minimumPart || madeByThreads(groups[family[0]][0])
            {
                cut(groups[family[0]][0])
            } else if familyWeight < Double(minimumPart) {
                // Small work: where its inputs were made, or the least loaded thread.
                for k in family {
                    let thread = maker(of: groups[k]) ?? leastLoaded()
                    lists[thread].append(contentsOf: groups[k])
                    loads[thread] += Double(weights[k])
                }
            } else {
                // Contiguous runs of about equal weight, thread t taking the t-th; but a group
                // goes to the thread that wrote most of its inputs in the phase before (its
                // ensemble's neurons), while that keeps the thread within 3 % of its share.
                let perThread = familyWeight / Double(threads)
                var done = 0.0
                var shares = [Double](repeating: 0, count: threads)
                for k in family {
                    let weight = Double(weights[k])
                    var thread = min(threads - 1, Int((done + weight / 2) / perThread))
                    if let made = maker(of: groups[k]), shares[made] + weight <= 1.03 * perThread { thread = made }
                    lists[thread].append(contentsOf: groups[k])
                    loads[thread] += weight
                    shares[thread] += weight
                    done += weight
                }
            }
        }
        return lists
    }

    /// The input of a cuttable kernel whose element i belongs to the part holding element i
    /// (its first read, when that is as long as the kernel): a neuron population's currents,
    /// a filter's input, a square sparse product's spikes.
    private static func cutInput(of kernel: Kernel) -> Range<UInt>? {
        guard let input = kernel.footprint?.reads.first,
            input.count == kernel.splittableLength * MemoryLayout<Float>.stride
        else { return nil }
        return input
    }

    /// Groups kernel indices in `range` whose writes overlap (the same elements of a signal;
    /// union–find), each group in canonical order, groups ordered by their first kernel.
    /// Kernels writing disjoint parts of one signal (the decoders of an ensemble array filling
    /// their slices of its output) stay apart: their writes commute.
    private static func groups(in range: Range<Int>, writes: [[WrittenRegion]]) -> [[Int]] {
        var parent = Array(range)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i - range.lowerBound] != i {
                parent[i - range.lowerBound] = parent[parent[i - range.lowerBound] - range.lowerBound]
                i = parent[i - range.lowerBound]
            }
            return i
        }
        var writers: [SignalID: [(elements: Range<Int>?, kernel: Int)]] = [:]
        for k in range {
            for region in writes[k] {
                for other in writers[region.signal, default: []] where region.overlaps(other.elements) {
                    let a = find(k), b = find(other.kernel)
                    if a != b { parent[max(a, b) - range.lowerBound] = min(a, b) }
                }
                writers[region.signal, default: []].append((region.elements, k))
            }
        }
        var byRoot: [Int: [Int]] = [:]
        var roots: [Int] = []
        for k in range {
            let root = find(k)
            if byRoot[root] == nil { roots.append(root) }
            byRoot[root, default: []].append(k)
        }
        return roots.map { byRoot[$0]! }
    }
}

/// Elements of a signal an operator writes: a range, or the whole signal (`elements == nil`).
struct WrittenRegion: Hashable {
    let signal: SignalID
    let elements: Range<Int>?

    init(_ signal: SignalID) {
        self.signal = signal
        elements = nil
    }

    init(_ slice: SignalSlice) {
        signal = slice.signal
        elements = slice.offset..<(slice.offset + slice.count)
    }

    /// Whether this region shares an element with `other` of the same signal.
    func overlaps(_ other: Range<Int>?) -> Bool {
        guard let elements, let other else { return true }
        return elements.overlaps(other)
    }
}
