import BrainCore
import BrainSPA

/// Spaun-lite's working memory (Spaun's memory blocks MB1–MB3):
///
/// - ``first`` (MB1): the first list of a task (A1's digit, A3's and A5's list, A4's start
///   number; while counting, the running count), a ``ListMemory``;
/// - ``second`` (MB2): the second list (A4's count, A5's probe);
/// - ``counter`` (MB3): how many steps have been counted, `POS1 ⊛ ZER ⊛ ADDⁿ`.
///
/// `A` clears all three; the store actions of ``ControlRules`` add `POSᵢ ⊛ ITEMᵢ`.
///
/// Neurons: 4 × 50·D.
public final class WorkingMemory {
    public let network: Network
    public let first: ListMemory
    public let second: MemoryBuffer
    public let counter: MemoryBuffer

    /// - Throws: ``BrainKitError`` naming the part at fault.
    public init(in parent: Network, label: String = "Working memory", vocabulary: Vocabulary) throws(BrainKitError) {
        network = try parent.network(label: label)
        first = try ListMemory(in: network, label: "MB1", vocabulary: vocabulary)
        second = try MemoryBuffer(in: network, label: "MB2", vocabulary: vocabulary, gain: 1)
        counter = try MemoryBuffer(in: network, label: "MB3", vocabulary: vocabulary)
    }
}
