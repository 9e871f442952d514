import BrainCore
import Foundation

/// A model run without the view, as a user runs it (`Simulator.run(steps:)`): the baseline
/// against which the view's overhead is measured.
enum PlainRun {
    /// Builds `network`, runs it for about `seconds` of wall-clock time (after 1,000 steps
    /// of warm-up) and returns its steps per wall-clock second.
    static func stepsPerSecond(of network: Network, threads: Int?, seconds: Double) throws -> Double {
        let simulator = try Simulator(network, threads: threads)
        try simulator.run(steps: 1_000)
        let start = DispatchTime.now().uptimeNanoseconds
        var steps = 0
        var elapsed = 0.0
        while elapsed < seconds {
            try simulator.run(steps: 1_000)
            steps += 1_000
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return Double(steps) / elapsed
    }
}
