/// What an operation does to the signals it touches, declared once per operation kind
/// (``Operation/roles``); the schedule, the optimizer and the plan stage read only this.
struct SignalRoles {
    /// How a signal is written.
    enum Write {
        /// Written from scratch each step.
        case sets
        /// Added to.
        case increments
        /// Written for the next step, after everything that reads it this step.
        case updates
    }

    /// Signals read.
    var reads: [SignalID] = []
    /// What is written and how, in declaration order: a slice's elements where the operation
    /// writes a slice, else the whole signal.
    var writes: [(region: WrittenRegion, kind: Write)] = []

    init(reads: [SignalID] = [], sets: [WrittenRegion] = [], increments: [WrittenRegion] = [],
         updates: [WrittenRegion] = []) {
        self.reads = reads
        writes = sets.map { ($0, .sets) } + increments.map { ($0, .increments) } + updates.map { ($0, .updates) }
    }

    /// A target written from scratch, or added to when `accumulate`.
    init(reads: [SignalID], target: SignalSlice, accumulate: Bool) {
        self.init(
            reads: reads, sets: accumulate ? [] : [WrittenRegion(target)],
            increments: accumulate ? [WrittenRegion(target)] : [])
    }

    /// The signals written in `way`, in declaration order.
    func signals(_ way: Write) -> [SignalID] { writes.filter { $0.kind == way }.map(\.region.signal) }
}
