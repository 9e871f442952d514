/// Where the steps of a simulation spent their time, by kind of kernel and thread
/// (``Simulator/startProfiling()``).
///
/// Kinds are the engine's kernel classes: `NeuronKernel` (a population's neurons, with the
/// bias and gain stages fused into it), `MatrixVectorKernel` (encoders and decoders),
/// `SparseProductPart` (a cut sparse product, including its wait for the other parts),
/// `FilterKernel` (synapses), and so on.
public struct StepProfile: Sendable, Equatable, CustomStringConvertible {
    /// One kind of kernel and the seconds per step each thread spent in it.
    public struct Entry: Sendable, Equatable {
        /// The kernel class, e.g. `MatrixVectorKernel`.
        public let kind: String
        /// Seconds per step spent in it, one value per thread.
        public let secondsPerStep: [Double]
    }

    /// The number of steps timed.
    public let steps: Int
    /// By kind, the costliest first (by its slowest thread).
    public let entries: [Entry]
    /// Seconds per step each thread waited at the barriers between phases (0 on one thread).
    public let waitingPerStep: [Double]

    /// A table: each kind's µs per step on each thread, then the waits.
    public var description: String {
        let threads = waitingPerStep.count
        let header = "kernel".padding(toLength: 24, withPad: " ", startingAt: 0)
            + (0..<threads).map { "  thread \($0) µs/step" }.joined()
        func row(_ name: String, _ seconds: [Double]) -> String {
            name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + seconds.map { value in
                    let text = String(format: "%.2f", value * 1e6)
                    return String(repeating: " ", count: max(0, 19 - text.count)) + text
                }.joined()
        }
        let lines = [header] + entries.map { row($0.kind, $0.secondsPerStep) } + [row("(waiting)", waitingPerStep)]
        return "\(steps) steps\n" + lines.joined(separator: "\n")
    }
}
