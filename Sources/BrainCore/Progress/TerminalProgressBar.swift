import Foundation

/// A one-line progress bar with an estimate of the time left, redrawn in place on a terminal,
/// as Nengo's `TerminalProgressBar`:
///
/// ```
/// Simulating [###########                   ]  37% ETA 0:00:12
/// Simulation finished in 0:00:19.
/// ```
///
/// Give it to a simulator (`Simulator(net, progress: TerminalProgressBar.standardError())`):
/// ``standardError(environment:)`` returns nil, so nothing is written, when standard error is
/// not a terminal (a pipe, a file, a test runner) or when the environment sets `CI` or
/// `TERM=dumb`. The bar restarts its clock at the first report of each build or run, redraws
/// at most every ``redrawInterval`` seconds, and ends each stage's line with a newline.
public final class TerminalProgressBar: ProgressObserver {
    /// The least time between two redraws, in seconds (the first and last report of a stage
    /// are always drawn).
    public static let redrawInterval = 0.1
    /// The characters between the brackets.
    public static let barWidth = 30

    private let fileDescriptor: Int32
    private let clock: () -> Double
    private var stageStart = 0.0
    private var lastDraw = -Double.infinity

    /// A bar writing to standard error, or nil when standard error is not a terminal or
    /// `environment` (the process's by default) sets `CI` (any value) or `TERM=dumb`.
    public static func standardError(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TerminalProgressBar? {
        forTerminal(fileDescriptor: STDERR_FILENO, environment: environment)
    }

    /// A bar writing to `fileDescriptor`, or nil when it is not a terminal or `environment`
    /// sets `CI` (any value) or `TERM=dumb`.
    public static func forTerminal(fileDescriptor: Int32, environment: [String: String]) -> TerminalProgressBar? {
        guard isatty(fileDescriptor) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
        return TerminalProgressBar(fileDescriptor: fileDescriptor, clock: TerminalProgressBar.monotonicSeconds)
    }

    /// A bar on `fileDescriptor` (terminal or not) reading time from `clock` (seconds).
    init(fileDescriptor: Int32, clock: @escaping () -> Double) {
        self.fileDescriptor = fileDescriptor
        self.clock = clock
    }

    /// Draws `progress`: restarts the clock at a stage's first report (0 completed), redraws
    /// if ``redrawInterval`` has passed, and ends the line when the stage is finished.
    public func observe(_ progress: SimulationProgress) {
        let now = clock()
        if progress.completed == 0 {
            stageStart = now
            lastDraw = -Double.infinity
        }
        let elapsed = now - stageStart
        if progress.isFinished {
            write("\r" + TerminalProgressBar.finishedLine(progress.stage, elapsed: elapsed) + "\u{1B}[K\n")
            lastDraw = -Double.infinity
        } else if now - lastDraw >= TerminalProgressBar.redrawInterval {
            let line = TerminalProgressBar.line(progress.stage, fraction: progress.fraction, elapsed: elapsed)
            write("\r" + line + "\u{1B}[K")
            lastDraw = now
        }
    }

    // MARK: - Text

    /// The line drawn while a stage runs: its name, the bar, the percentage and the estimated
    /// time left, `elapsed · (1 − fraction) / fraction` (`ETA --:--:--` before any progress).
    /// `fraction` is clamped to 0...1.
    public static func line(_ stage: SimulationProgress.Stage, fraction: Double, elapsed: Double) -> String {
        let f = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let filled = Int((f * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled)
        let percent = String(Int((f * 100).rounded(.down)))
        let padded = String(repeating: " ", count: 3 - percent.count) + percent
        let eta = f > 0 && elapsed.isFinite ? duration(elapsed * (1 - f) / f) : "--:--:--"
        let name = stage == .build ? "Building  " : "Simulating"
        return "\(name) [\(bar)] \(padded)% ETA \(eta)"
    }

    /// The line a finished stage leaves: `Build finished in 0:00:01.`
    public static func finishedLine(_ stage: SimulationProgress.Stage, elapsed: Double) -> String {
        "\(stage == .build ? "Build" : "Simulation") finished in \(duration(elapsed))."
    }

    /// Seconds as `h:mm:ss` (rounded up to a whole second; negative or non-finite as 0).
    static func duration(_ seconds: Double) -> String {
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds, 1e9).rounded(.up)) : 0
        let minutes = whole / 60 % 60
        let secs = whole % 60
        return "\(whole / 3600):\(minutes < 10 ? "0" : "")\(minutes):\(secs < 10 ? "0" : "")\(secs)"
    }

    private static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }  // a closed or failing terminal: drop the update, never trap
            offset += written
        }
    }
}
