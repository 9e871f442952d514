import BrainCore
import BrainNetworks
import BrainSPA

/// The memories that hold where a task is (Spaun's production-system memory blocks): which
/// task (`task`: `X` after `A`, then `W R L M C A V F`), which part of it (`state`: `TRANS0`…
/// `TRANS2`, `QAP`, `QAK`, `REV`), what the response phase does (`dec`: `NONE`, `FWD`, `REV`,
/// `CNT`, `ONCE`, `DONE`), and whether a list is open (`listOpen`, 1 between `[` and `]`).
/// Only the actions of ``ControlRules`` write them, by difference writes; each memory holds one
/// key clean (a ``MemoryBuffer`` with its vocabulary's keys as cleanup, feedback τ =
/// ``feedbackTau``) and the flag is a ``ScalarFlag``.
///
/// ``inducingTask`` is 1 while the task is A6 or A7 (`task · (V + F)` above 0.5), the tasks
/// that induce a rule from examples and leave MB1 unused; ``otherTask`` is 1 while it is not
/// (`1 − task · (V + F)` above 0.5).
///
/// Neurons: 3 × 50 × ``SpaunVocabularies/controlDimensions``, 50 per key, 100 and 2 × 50.
public final class ProductionSystem {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// Which task (the task vocabulary).
    public let task: MemoryBuffer
    /// Which part of the task (the state vocabulary).
    public let state: MemoryBuffer
    /// What the response phase does (the dec vocabulary).
    public let dec: MemoryBuffer
    /// 1 between `[` and `]`.
    public let listOpen: ScalarFlag
    /// 1 while the task is A6 or A7, else 0.
    public let inducingTask: ScalarOutput
    /// 1 while the task is neither A6 nor A7, else 0.
    public let otherTask: ScalarOutput
    /// The feedback synapse of the memories (a difference write settles in about 35 ms).
    public static let feedbackTau = 0.03

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(in parent: Network, label: String = "Production system", vocabularies: SpaunVocabularies) throws(BrainKitError) {
        network = try parent.network(label: label)
        let network = self.network
        func memory(_ label: String, _ vocabulary: Vocabulary) throws(BrainKitError) -> MemoryBuffer {
            try MemoryBuffer(
                in: network, label: label, vocabulary: vocabulary, feedbackTau: ProductionSystem.feedbackTau,
                cleanup: vocabulary.keys)
        }
        task = try memory("task", vocabularies.task)
        state = try memory("state", vocabularies.state)
        dec = try memory("dec", vocabularies.dec)
        listOpen = try ScalarFlag(in: network, label: "list open")
        let inducing = try vocabularies.task.parse("V + F").vector, taskOutput = task.output.node, name = label
        // 1 where `bias + sign · task · (V + F)` exceeds 0.5, else 0.
        func indicator(_ part: String, sign: Double, bias: Double?) throws(BrainKitError) -> ScalarOutput {
            let threshold = try Thresholding(
                in: network, label: part, neurons: 50, count: 1, threshold: 0.5, function: { _ in 1 })
            try network.connect(
                taskOutput, to: threshold.input, synapse: try Lowpass(0.005),
                transform: .dense(Matrix(row: inducing.map { sign * $0 })))
            if let bias {
                try network.connect(try network.node(label: "one", output: bias), to: threshold.input, synapse: try Lowpass(0.005))
            }
            return ScalarOutput(threshold.output, name: "ProductionSystem '\(name)' \(part)")
        }
        inducingTask = try indicator("inducing task", sign: 1, bias: nil)
        otherTask = try indicator("other task", sign: -1, bias: 1)
    }
}
