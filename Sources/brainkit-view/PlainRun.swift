import BrainCore
import Foundation

/// A model run without the view, as a user runs it (`Simulator.run(steps:)`): the baseline
/// against which the view's overhead is measured.
struct PlainRun {
    /// Steps per wall-clock second.
    let stepsPerSecond: Double
    /// Steps per CPU second of the process (every thread of the simulator).
    let stepsPerCPUSecond: Double
    /// The threads the simulator stepped on.
    let threads: Int

    /// Builds `network`, runs it for about `seconds` of wall-clock time (after 1,000 steps
    /// of warm-up) and measures it.
    init(of network: Network, threads: Int?, seconds: Double) throws {
        let simulator = try Simulator(network, threads: threads)
        try simulator.run(steps: 1_000)
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = PlainRun.processCPUTime()
        var steps = 0
        var elapsed = 0.0
        while elapsed < seconds {
            try simulator.run(steps: 1_000)
            steps += 1_000
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        stepsPerSecond = Double(steps) / elapsed
        stepsPerCPUSecond = Double(steps) / (PlainRun.processCPUTime() - startCPU)
        self.threads = simulator.threads
    }

    /// The CPU seconds this process has used.
    private static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
