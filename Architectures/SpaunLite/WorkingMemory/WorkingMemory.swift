import BrainCore
import BrainSPA

/// Spaun-lite's working memory (Spaun's memory blocks MB1 and MB2):
///
/// - ``first`` (MB1): the first list of a task (A1's digit, A3's and A5's list, A4's start
///   number), a ``ListMemory``;
/// - ``second`` (MB2): the second list (A4's count, A5's probe), one item: an attractor over
///   `POS1 ⊛ ZER … POS1 ⊛ NIN`.
///
/// The store actions of ``ControlRules`` add `POSᵢ ⊛ ITEMᵢ`; a new task (`A` and its digit)
/// clears both.
///
/// Neurons: 3 × 50·D.
public final class WorkingMemory {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// MB1, the first list.
    public let first: ListMemory
    /// MB2, one item.
    public let second: MemoryBuffer

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(in parent: Network, label: String = "Working memory", vocabulary: Vocabulary) throws(BrainKitError) {
        network = try parent.network(label: label)
        first = try ListMemory(in: network, label: "MB1", vocabulary: vocabulary)
        second = try MemoryBuffer(
            in: network, label: "MB2", vocabulary: vocabulary, gain: 1, feedbackTau: ProductionSystem.feedbackTau,
            cleanup: SpaunVocabularies.digitKeys.map { "POS1 * \($0)" })
    }
}
