/// Orders a built model's operators for one time step.
///
/// For every signal, its setters run before its incrementers, all writers before its readers,
/// and every setter, incrementer and reader before its updater (Nengo's rule). This alone
/// yields the documented timing: a synapse (an updater) is read with last step's value. A
/// cycle — a loop with no synapse — is a build error naming the objects on the loop.
struct Schedule {
    /// Operator indices in execution order.
    let order: [Int]
    /// The dependency depth of each operator: operators of one level never depend on each
    /// other, so a level's operators may run in parallel.
    let levels: [Int]

    init(_ operators: [Operator], network: String) throws(BrainKitError) {
        let count = operators.count
        var successors = [[Int]](repeating: [], count: count)
        var predecessorCount = [Int](repeating: 0, count: count)

        var setters: [SignalID: [Int]] = [:], incrementers: [SignalID: [Int]] = [:]
        var readers: [SignalID: [Int]] = [:], updaters: [SignalID: [Int]] = [:]
        for (i, op) in operators.enumerated() {
            for s in op.sets { setters[s, default: []].append(i) }
            for s in op.increments { incrementers[s, default: []].append(i) }
            for s in op.reads { readers[s, default: []].append(i) }
            for s in op.updates { updaters[s, default: []].append(i) }
        }
        var seen = Set<Int64>()
        func edge(_ from: Int, _ to: Int) {
            guard from != to, seen.insert(Int64(from) << 32 | Int64(to)).inserted else { return }
            successors[from].append(to)
            predecessorCount[to] += 1
        }
        // An operator that writes a signal it also reads (a passthrough node or a Direct
        // ensemble connected to itself with no synapse) is a loop of one.
        for op in operators {
            let reads = Set(op.reads)
            guard op.sets.contains(where: reads.contains) || op.increments.contains(where: reads.contains) else {
                continue
            }
            throw Schedule.loopError([op.owner], network: network)
        }
        let signals = Set(setters.keys).union(incrementers.keys).union(readers.keys).union(updaters.keys)
        for signal in signals.sorted() {
            let set = setters[signal] ?? [], inc = incrementers[signal] ?? []
            let read = readers[signal] ?? [], update = updaters[signal] ?? []
            for a in set { for b in inc + read + update { edge(a, b) } }
            for a in inc { for b in read + update { edge(a, b) } }
            for a in read { for b in update { edge(a, b) } }
        }

        // Kahn's algorithm, always taking the earliest-built ready operator.
        var ready = MinHeap()
        for i in 0..<count where predecessorCount[i] == 0 { ready.push(i) }
        var order = [Int]()
        order.reserveCapacity(count)
        var levels = [Int](repeating: 0, count: count)
        var remaining = predecessorCount
        while let i = ready.pop() {
            order.append(i)
            for j in successors[i] {
                levels[j] = max(levels[j], levels[i] + 1)
                remaining[j] -= 1
                if remaining[j] == 0 { ready.push(j) }
            }
        }
        guard order.count == count else {
            let cycle = Schedule.findCycle(successors: successors, remaining: remaining)
            var owners = [String]()
            for op in cycle where !owners.contains(operators[op].owner) { owners.append(operators[op].owner) }
            throw Schedule.loopError(owners, network: network)
        }
        self.order = order
        self.levels = levels
    }

    /// The canonical order: by dependency level, then by execution order. Every thread count
    /// runs each signal's writers in this order.
    var canonicalOrder: [Int] {
        var position = [Int](repeating: 0, count: order.count)
        for (k, op) in order.enumerated() { position[op] = k }
        return order.sorted {
            levels[$0] != levels[$1] ? levels[$0] < levels[$1] : position[$0] < position[$1]
        }
    }

    /// The error for a loop with no synapse through the objects `owners`.
    private static func loopError(_ owners: [String], network: String) -> BrainKitError {
        .build(
            network, nil,
            "has a loop with no delay: \(owners.joined(separator: " -> ")). Give a connection on the loop a "
                + "synapse (Lowpass(0) is a pure one-step delay) instead of nil")
    }

    /// A cycle among the operators that could not be scheduled. Every blocked operator has a
    /// blocked predecessor, so walking backwards from one must close a loop.
    private static func findCycle(successors: [[Int]], remaining: [Int]) -> [Int] {
        let blocked = Set(remaining.indices.filter { remaining[$0] > 0 })
        var predecessors = [Int: [Int]]()
        for from in blocked.sorted() {
            for to in successors[from] where blocked.contains(to) { predecessors[to, default: []].append(from) }
        }
        guard let start = blocked.min() else { return [] }
        var path = [start]
        var position = [start: 0]
        var current = start
        while let previous = predecessors[current]?.first {
            if let index = position[previous] { return Array(path[index...].reversed()) }
            position[previous] = path.count
            path.append(previous)
            current = previous
        }
        return path
    }
}

/// A binary min-heap of operator indices.
private struct MinHeap {
    private var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
