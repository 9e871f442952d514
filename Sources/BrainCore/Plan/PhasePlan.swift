/// How one step runs on `threadCount` threads: for each phase, each thread's kernels in the
/// order it runs them; all threads meet at a barrier after each phase. Made by
/// ``PhasePlanner``, run by ``Executor``; a plain value, so a plan can be checked without
/// running a thread.
///
/// A plan keeps two promises: within a phase no thread's kernels touch memory another
/// thread's kernels write, and every signal's writers run in the canonical order.
struct PhasePlan {
    /// `phases[p][t]`: thread t's kernels of phase p (parts of cut kernels one by one).
    let phases: [[[Kernel]]]

    /// The threads the plan runs on (1: the caller alone, in one phase).
    var threadCount: Int { phases.first?.count ?? 1 }

    /// The estimated work (``PhasePlanner/weight(_:)``) of each thread in each phase:
    /// `loads[p][t]`.
    var loads: [[Int]] {
        phases.map { phase in phase.map { list in list.reduce(0) { $0 + PhasePlanner.weight($1) } } }
    }
}
