/// How far a build or a run has come, as a ``ProgressObserver`` is told.
///
/// A build reports once per stage it completes (ensembles drawn, objects built, decoders
/// solved, engine planned), from 0 to 1. A run of n steps reports at its start (0 of n), every
/// ⌈n / 1000⌉ steps, and at its end (n of n, fraction 1), so the
/// fractions an observer sees in one stage never decrease and the last one is exactly 1.
/// Single ``Simulator/step()`` calls do not report.
public struct SimulationProgress: Sendable, Equatable {
    /// What is progressing.
    public enum Stage: String, Sendable {
        /// Building the model (Nengo's "Build").
        case build
        /// Running steps (Nengo's "Simulation").
        case run
    }

    /// Whether a build or a run is progressing.
    public let stage: Stage
    /// The units done: build stages completed, or steps run in this call.
    public let completed: Int
    /// The units in all: build stages, or the steps asked of this run (>= 1 when reported).
    public let total: Int
    /// For a build, the stage just completed (`"ensembles drawn"`, ...); empty for a run.
    public let detail: String

    /// `completed / total`, in 0...1 (1 for an empty run).
    public var fraction: Double { total > 0 ? Double(completed) / Double(total) : 1 }

    /// Whether this is the last report of its stage.
    public var isFinished: Bool { completed >= total }

    /// A report of `completed` units of `total` in `stage`.
    public init(stage: Stage, completed: Int, total: Int, detail: String = "") {
        self.stage = stage
        self.completed = completed
        self.total = total
        self.detail = detail
    }
}

/// Receives the progress of a ``Simulator``'s build and runs: a terminal bar
/// (``TerminalProgressBar``), a GUI, a log.
///
/// Calls come on the thread that builds or runs the simulator, between steps (never from the
/// step's worker threads), at most about 1,000 times per run; an observer that is slow slows
/// the run by that much.
public protocol ProgressObserver: AnyObject {
    /// Called with each report, in order.
    func observe(_ progress: SimulationProgress)
}

/// A ``ProgressObserver`` that passes each report to a closure.
public final class ProgressHandler: ProgressObserver {
    private let body: (SimulationProgress) -> Void

    /// A handler calling `body` with each report.
    public init(_ body: @escaping (SimulationProgress) -> Void) {
        self.body = body
    }

    /// Passes `progress` to the closure.
    public func observe(_ progress: SimulationProgress) {
        body(progress)
    }
}
