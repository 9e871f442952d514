/// Plans how a step runs on several threads (``PhasePlan``): a pure function of the kernels
/// in canonical order, their dependency levels and the memory they touch — no thread runs.
///
/// 1. **Levels into phases.** A dependency level's kernels never depend on each other. Kernels
///    writing overlapping elements of a signal form one group, kept in canonical order on one
///    thread (or cut together, element range by element range); the groups of a level are
///    shared among the threads by weight (``share(_:threads:minimumPart:previousWrites:footprint:)``).
///    A level with less than ``parallelThreshold`` of work runs on the caller alone, and
///    consecutive levels of the caller's alone share one phase.
/// 2. **Phases joined.** A phase joins the one before when no thread's work in it touches memory
///    another thread wrote there or writes memory another read
///    (``mergingIndependentPhases(_:footprint:)``).
/// 3. **Sharing or not.** When the slowest thread of each phase plus a barrier per phase does
///    not beat all the work in a row by 10 %, the plan is the caller alone.
///
/// Every signal's writers stay in canonical order on one thread (or, cut, each element's
/// writers on one thread in canonical order), so results are bit-identical for every
/// thread count.
enum PhasePlanner {
    /// When a plan uses the threads it is offered.
    enum Sharing {
        /// When the estimated work per thread, plus the barriers, beats one thread by 10 %.
        case whenItPays
        /// Whenever there is work for more than one thread (tests of the threaded path).
        case always
    }

    /// Levels with less work than this (in weight units) run on the calling thread alone: it
    /// lets a 2000-neuron population be cut, which pays for its barrier (docs/engine.md).
    static let parallelThreshold = 3_000

    /// The plan for `kernels` (canonical order) with their dependency `levels`, the signal
    /// regions each writes and the arena memory each operator touches (for kernels that cannot
    /// say more narrowly themselves, ``Kernel/footprint``), on at most `threads` threads.
    /// Sets each kernel's ``Kernel/index`` to its position in `kernels`.
    static func plan(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprints: [MemoryFootprint], threads: Int,
        sharing: Sharing
    ) -> PhasePlan {
        precondition(threads >= 1)
        for (index, kernel) in kernels.enumerated() { kernel.index = index }
        // What a kernel touches: its own account, or its operator's signals.
        let footprint: (Kernel) -> MemoryFootprint = { $0.footprint ?? footprints[$0.index] }
        var phases = partition(kernels: kernels, levels: levels, writes: writes, footprint: footprint, threads: threads)
        phases = mergingIndependentPhases(phases, footprint: footprint)
        let hasSharedWork = phases.contains { !$0.dropFirst().allSatisfy(\.isEmpty) }
        if !hasSharedWork || (sharing == .whenItPays && !sharingPays(phases)) {
            // Nothing is worth another thread: run serially, in canonical order.
            return PhasePlan(phases: [[kernels]])
        }
        return PhasePlan(phases: phases)
    }

    /// Cuts kernels into phases, one per dependency level, except that consecutive levels whose
    /// work all falls to the calling thread share one phase.
    static func partition(
        kernels: [Kernel], levels: [Int], writes: [[WrittenRegion]], footprint: (Kernel) -> MemoryFootprint,
        threads: Int
    ) -> [[[Kernel]]] {
        if threads == 1 { return [[kernels]] }
        var phases: [[[Kernel]]] = []
        var start = 0
        while start < kernels.count {
            var end = start
            while end < kernels.count && levels[end] == levels[start] { end += 1 }
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
                let groups = PhasePlanner.groups(in: start..<end, writes: writes)
                lists = share(
                    groups.map { group in group.map { kernels[$0] } }, threads: threads,
                    minimumPart: parallelThreshold / 4, previousWrites: previous, footprint: footprint)
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
    static func mergingIndependentPhases(_ phases: [[[Kernel]]], footprint: (Kernel) -> MemoryFootprint)
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

    /// What a barrier between phases costs, in weight units: the barrier itself and the wait
    /// for whichever thread the machine delayed (docs/engine.md has the measurements).
    static let barrierWeight = 10_000

    /// Whether running `phases` on their threads beats one thread: the slowest thread of each
    /// phase plus a barrier per phase, against all the work in a row (with a 10 % margin).
    static func sharingPays(_ phases: [[[Kernel]]]) -> Bool {
        var serial = 0, parallel = 0
        for phase in phases {
            let loads = phase.map { $0.reduce(0) { $0 + weight($1) } }
            serial += loads.reduce(0, +)
            parallel += (loads.max() ?? 0) + barrierWeight
        }
        return Double(parallel) < 0.9 * Double(serial)
    }

    /// A kernel's estimated cost (``Kernel/cost``) plus what a call costs whatever its size,
    /// in the same multiply-add units (docs/engine.md).
    static func weight(_ kernel: Kernel) -> Int { kernel.cost + 100 }

    /// Groups kernel indices in `range` whose writes overlap (the same elements of a signal;
    /// union–find), each group in canonical order, groups ordered by their first kernel.
    /// Kernels writing disjoint parts of one signal (the decoders of an ensemble array filling
    /// their slices of its output) stay apart: their writes commute.
    static func groups(in range: Range<Int>, writes: [[WrittenRegion]]) -> [[Int]] {
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
