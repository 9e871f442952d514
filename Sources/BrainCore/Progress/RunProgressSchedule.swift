/// When a run reports its progress: every `interval` steps, so that a run makes at most
/// ``reportsPerRun`` reports (plus the first and the last) however long it is. The check in the
/// step loop is one integer comparison; nothing is allocated.
enum RunProgressSchedule {
    /// The most reports a run makes between its first and last.
    static let reportsPerRun = 1_000

    /// The steps between two reports of a run of `steps` steps (>= 1).
    static func interval(steps: Int) -> Int {
        max(1, (steps + reportsPerRun - 1) / reportsPerRun)
    }
}
