/// The operators of a built model grouped into clusters that must run in one process, and the
/// values that may cross between processes.
///
/// Two operators belong to one cluster when they touch a signal that is written within the
/// step and both write it, or one writes it and the other reads it — except a signal whose
/// only writer is a delayed synapse (a connection's filter in update mode): its readers at
/// step n + 1 read what the synapse wrote at the end of step n, so they may run in another
/// process that receives the value between the steps. Constant signals (written by no
/// operator: encoders, decoders, constant node outputs) join nothing; every process holds
/// its own copy. So a connection without a synapse joins its ends, a learning rule joins the
/// connection it changes with its pre and its error, and a probe's reading of its target joins
/// the target (a probe's synapse is a delayed filter too, so its record may be kept elsewhere).
struct OperatorClusters {
    /// A value that crosses between clusters: a synapse's output, written by one cluster and
    /// read by others.
    struct Crossing {
        let signal: SignalID
        /// The number of values sent each step.
        let count: Int
        let writer: Int
        /// The other clusters that read it, ascending.
        let readers: [Int]
    }

    /// The cluster of each operator.
    let clusterOf: [Int]
    /// The number of clusters.
    let count: Int
    /// Each cluster's estimated step cost: the signal elements its operators touch.
    let costs: [Int]
    /// The values that would cross if their writer and a reader ran in different processes.
    let crossings: [Crossing]
    /// The cluster that writes each written signal (for a probe's placement); constants are
    /// absent.
    let writerCluster: [SignalID: Int]

    init(operators: [Operator], signals: [Signal]) {
        var parent = Array(operators.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var writers: [SignalID: [Int]] = [:], readers: [SignalID: [Int]] = [:]
        for (i, op) in operators.enumerated() {
            for signal in Set(op.writtenSignals) { writers[signal, default: []].append(i) }
            for signal in Set(op.reads) { readers[signal, default: []].append(i) }
        }
        var crossable: [SignalID] = []
        for signal in writers.keys.sorted() {
            let written = writers[signal]!
            if written.count == 1, OperatorClusters.isDelayedSynapseOutput(operators[written[0]].operation, signal) {
                crossable.append(signal)
                continue
            }
            let touching = written + (readers[signal] ?? [])
            for other in touching.dropFirst() { union(touching[0], other) }
        }
        // Number the clusters in order of their first operator.
        var number: [Int: Int] = [:]
        var clusterOf = [Int](repeating: 0, count: operators.count)
        for i in operators.indices {
            let root = find(i)
            if number[root] == nil { number[root] = number.count }
            clusterOf[i] = number[root]!
        }
        var costs = [Int](repeating: 0, count: number.count)
        for (i, op) in operators.enumerated() {
            costs[clusterOf[i]] += OperatorClusters.cost(of: op, signals: signals)
        }
        var crossings: [Crossing] = []
        for signal in crossable {
            let writer = clusterOf[writers[signal]![0]]
            let others = Set((readers[signal] ?? []).map { clusterOf[$0] }).subtracting([writer]).sorted()
            guard !others.isEmpty else { continue }
            crossings.append(
                Crossing(signal: signal, count: signals[signal.index].count, writer: writer, readers: others))
        }
        var writerCluster: [SignalID: Int] = [:]
        for (signal, written) in writers { writerCluster[signal] = clusterOf[written[0]] }
        self.clusterOf = clusterOf
        self.count = number.count
        self.costs = costs
        self.crossings = crossings
        self.writerCluster = writerCluster
    }

    /// Whether `signal` is the output of `operation`, a filter in update mode (one step of
    /// delay) that writes the whole signal.
    static func isDelayedSynapseOutput(_ operation: Operation, _ signal: SignalID) -> Bool {
        guard case .filter(_, _, let output, _, true) = operation else { return false }
        return output.signal == signal
    }

    /// An operator's step cost estimate: the elements it reads and writes (a matrix counts all
    /// its entries), plus a fixed 16 for the call.
    static func cost(of op: Operator, signals: [Signal]) -> Int {
        let read = op.reads.reduce(0) { $0 + signals[$1.index].count }
        let written = op.writtenRegions.reduce(0) { $0 + ($1.elements?.count ?? signals[$1.signal.index].count) }
        return 16 + read + written
    }
}
