extension PhasePlanner {
    /// Shares one level's groups (kernels writing overlapping memory, each in canonical order)
    /// among `threads` threads so that every thread ends with about the same weight:
    ///
    /// 1. Groups calling user code go to the calling thread (thread 0).
    /// 2. **Families** — the level's single-kernel groups of one kind (an array's encoders, its
    ///    decoders, the synapses), and the groups of several kernels together — are placed one
    ///    after another. Each family's weight is water-filled over the threads' loads so far:
    ///    thread t may take `cap[t] = max(0, L − load[t])`, with L chosen so the caps add up to
    ///    the family's weight. A group goes to the thread that wrote most of its inputs in the
    ///    phase before while that thread stays within 3 % of its cap (so a thread encodes,
    ///    steps and decodes the same ensembles and the phases can join); otherwise to the
    ///    current run's thread while it has room (contiguous runs: thread 0 the first, ...);
    ///    otherwise to the thread with most room left. No thread exceeds its cap by more than
    ///    one group (plus the 3 %). A family lighter than `minimumPart` goes, group by group,
    ///    where its inputs were made, or to the least loaded thread.
    /// 3. **Fillers** — cuttable groups (``cutLength(of:footprint:)``) of at least `minimumPart`
    ///    (or whose input every thread made) that are the whole of their family or outweigh
    ///    half a thread's share of it — are cut last, on ``Kernel/splitAlignment`` boundaries,
    ///    into parts water-filled over the loads: they even out whatever the whole groups left
    ///    uneven. A cut moves to where the threads' writes met in its input in the phase before
    ///    when that shifts less than 1/8 of its length and less than a barrier's weight.
    static func share(
        _ groups: [[Kernel]], threads: Int, minimumPart: Int, previousWrites: [AddressSet]? = nil,
        footprint: (Kernel) -> MemoryFootprint
    ) -> [[Kernel]] {
        var lists = [[Kernel]](repeating: [], count: threads)
        var loads = [Double](repeating: 0, count: threads)
        let weights = groups.map { Double($0.reduce(0) { $0 + weight($1) }) }
        let pinned = groups.map { $0.contains(where: \.runsOnCallingThread) }
        for (k, group) in groups.enumerated() where pinned[k] {
            lists[0].append(contentsOf: group)
            loads[0] += weights[k]
        }
        func place(_ k: Int, on thread: Int) {
            lists[thread].append(contentsOf: groups[k])
            loads[thread] += weights[k]
        }
        /// The thread that wrote most of what `group` reads in the phase before, if any.
        func maker(of group: [Kernel]) -> Int? {
            guard let previousWrites else { return nil }
            let reads = group.flatMap { footprint($0).reads }
            let made = previousWrites.map { written in reads.reduce(0) { $0 + written.overlapCount($1) } }
            guard let best = made.indices.max(by: { made[$0] < made[$1] }), made[best] > 0 else { return nil }
            return best
        }
        /// Whether every thread wrote part of `group`'s input in the phase before (then even a
        /// small group is cut, so that each thread reads what it wrote).
        func madeByThreads(_ group: [Kernel]) -> Bool {
            guard let previousWrites, let input = cutInput(of: group[0]) else { return false }
            return previousWrites.allSatisfy { $0.overlapCount(input) > 0 }
        }

        // Families, in canonical order of their first group.
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
        var fillers: [Int] = []
        for family in families {
            let familyWeight = family.reduce(0) { $0 + weights[$1] }
            var whole: [Int] = []
            for k in family {
                if cutLength(of: groups[k], footprint: footprint) != nil,
                    weights[k] >= Double(minimumPart) || madeByThreads(groups[k]),
                    family.count == 1 || 2 * Double(threads) * weights[k] > familyWeight
                {
                    fillers.append(k)
                } else {
                    whole.append(k)
                }
            }
            let wholeWeight = whole.reduce(0) { $0 + weights[$1] }
            if wholeWeight < Double(minimumPart) {
                for k in whole { place(k, on: maker(of: groups[k]) ?? leastLoaded(loads)) }
                continue
            }
            let caps = waterFill(loads, adding: wholeWeight)
            var shares = [Double](repeating: 0, count: threads)
            var run = 0
            for k in whole {
                let w = weights[k]
                var thread: Int
                if let made = maker(of: groups[k]), shares[made] + w <= 1.03 * caps[made] {
                    thread = made
                } else {
                    while run < threads - 1 && shares[run] + w / 2 > caps[run] { run += 1 }
                    thread = run
                    if shares[thread] + w / 2 > caps[thread] {
                        thread = caps.indices.max { caps[$0] - shares[$0] < caps[$1] - shares[$1] }!
                    }
                }
                place(k, on: thread)
                shares[thread] += w
            }
        }
        for k in fillers {
            cut(
                groups[k], weight: weights[k], into: &lists, loads: &loads, previousWrites: previousWrites,
                footprint: footprint)
        }
        return lists
    }

    /// Cuts `group` (``cutLength(of:footprint:)``) into one part per thread, sized so the loads
    /// come out as even as the group allows, each thread's parts in the group's order.
    private static func cut(
        _ group: [Kernel], weight: Double, into lists: inout [[Kernel]], loads: inout [Double],
        previousWrites: [AddressSet]?, footprint: (Kernel) -> MemoryFootprint
    ) {
        guard let length = cutLength(of: group, footprint: footprint) else { return }
        let alignment = group[0].splitAlignment
        let threads = lists.count
        let caps = waterFill(loads, adding: weight)
        let input = cutInput(of: group[0])
        // Shifting a cut by this many elements costs at most a barrier's weight.
        let leeway = min(length / 8, Int(Double(length) * Double(barrierWeight) / max(weight, 1)))
        var cut = 0, taken = 0.0
        for thread in 0..<threads {
            var next = length
            if thread < threads - 1 {
                taken += caps[thread]
                let ideal = taken / max(weight, 1) * Double(length)
                next = min(length, max(cut, Int((ideal / Double(alignment)).rounded()) * alignment))
                if let previousWrites, let input {
                    // The elements of the input the threads up to this one wrote.
                    let written = (0...thread).reduce(0) { $0 + previousWrites[$1].overlapCount(input) }
                    let handover = written / MemoryLayout<Float>.stride
                    if handover > cut, handover < length, abs(handover - next) <= leeway { next = handover }
                }
            }
            if next > cut {
                for kernel in group {
                    let part = kernel.part(cut..<next)
                    part.index = kernel.index
                    lists[thread].append(part)
                }
                loads[thread] += weight * Double(next - cut) / Double(length)
            }
            cut = next
        }
    }

    /// The length a group can be cut along, element range by element range, or nil: a single
    /// kernel's ``Kernel/splittableLength`` (at least two alignments); for several kernels
    /// (writers of one signal), each element-wise (``Kernel/runsElementwise``) over the same
    /// length and writing exactly the same memory, so that the parts of one range, run in
    /// the group's order, form each element as the whole group would.
    static func cutLength(of group: [Kernel], footprint: (Kernel) -> MemoryFootprint) -> Int? {
        guard let first = group.first else { return nil }
        let length = first.splittableLength, alignment = first.splitAlignment
        guard length >= 2 * alignment else { return nil }
        if group.count == 1 { return length }
        let written = footprint(first).writes
        guard written.count == 1, written[0].count == length * MemoryLayout<Float>.stride else { return nil }
        for kernel in group {
            guard kernel.runsElementwise, !kernel.runsOnCallingThread, !kernel.runsWithSiblings,
                kernel.splittableLength == length, kernel.splitAlignment == alignment,
                footprint(kernel).writes == written
            else { return nil }
        }
        return length
    }

    /// Per thread, how much of `amount` it may take so that the loads come out as even as
    /// possible: `max(0, L − loads[t])`, the level L chosen so these add up to `amount`.
    static func waterFill(_ loads: [Double], adding amount: Double) -> [Double] {
        let sorted = loads.sorted()
        var sum = 0.0
        for k in 1...sorted.count {
            sum += sorted[k - 1]
            // The level when the k least loaded threads share the amount.
            let level = (sum + amount) / Double(k)
            if k == sorted.count || level <= sorted[k] { return loads.map { max(0, level - $0) } }
        }
        return loads.map { _ in 0 }
    }

    private static func leastLoaded(_ loads: [Double]) -> Int { loads.indices.min { loads[$0] < loads[$1] }! }

    /// The input of a cuttable kernel whose element i belongs to the part holding element i
    /// (its first read, when that is as long as the kernel): a neuron population's currents,
    /// a filter's input, a square sparse product's spikes.
    private static func cutInput(of kernel: Kernel) -> Range<UInt>? {
        guard let input = kernel.footprint?.reads.first,
            input.count == kernel.splittableLength * MemoryLayout<Float>.stride
        else { return nil }
        return input
    }
}
