import Foundation
import Synchronization

/// Runs the compiled kernels once per step, on the calling thread alone or together with
/// persistent worker threads.
///
/// It runs a ``PhasePlan`` (made by ``PhasePlanner``): for each **phase**, each thread runs
/// its list of kernels, and all threads meet at a barrier at the end of the phase. The plan
/// guarantees that no thread's work touches memory another thread writes in the same phase
/// and that every signal's writers run in canonical order, so results are bit-identical for
/// any thread count.
///
/// Workers spin on an atomic step counter while the simulation runs (a futex wake-up costs
/// more than many whole steps; docs/engine.md), yielding their core after a few µs; a worker
/// idle for ``idleNanosecondsBeforeSleeping`` (no step started for 2 ms) sleeps on a condition
/// variable, and the next step wakes it. Back-to-back steps never make a system call: the
/// caller signals only when a worker is asleep.
final class Executor: @unchecked Sendable {
    // Written only before the workers start; read-only afterwards.
    let threadCount: Int
    /// The number of phases (barriers) per step.
    let phaseCount: Int
    /// Every kernel, kept alive here; the step loop uses the unretained lists below.
    let kernels: [Kernel]
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

    /// Tells every kernel the signals are back at their initial values
    /// (``Kernel/restoreInitialState()``).
    func restoreInitialState() {
        for kernel in kernels { kernel.restoreInitialState() }
    }

    /// Runs `plan`: its phases on its threads (the caller's and `plan.threadCount - 1`
    /// workers started here), each thread's kernels in the plan's order.
    init(plan: PhasePlan) {
        let phases = plan.phases
        threadCount = plan.threadCount
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
    /// 2 ms, so steps that come back to back (µs apart) never pay a wake-up, and a simulator
    /// held between runs costs no CPU after the first 2 ms.
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
}
