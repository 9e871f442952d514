import BrainCore
import BrainSPA

/// Spaun-lite's working memory (Spaun's memory blocks MB1 and MB2):
///
/// - ``first`` (MB1): the first list of a task (A1's digit, A3's and A5's list, A4's start
///   number), a ``ListMemory``;
/// - ``second`` (MB2): the second list (A4's count, A5's probe), one item: an attractor over
///   `POS1 ⊛ ZER … POS1 ⊛ NIN`;
/// - ``cell`` (MB3): the list shown last in A6 and A7 (a question, an answer or a matrix cell),
///   and ``previousCell``, the one before it: when a list closes it is copied into
///   ``previousCell`` (a difference write), and ``cell`` is cleared when the next one opens.
///   Both hold what they are given (linear feedback).
///
/// The store actions of ``ControlRules`` add `POSᵢ ⊛ ITEMᵢ`; a new task (`A` and its digit)
/// clears them all.
///
/// Neurons: MB1 2 × 100·D, MB2 50·D, the cells 2 × ``cellNeuronsPerDimension``·D.
public final class WorkingMemory {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// MB1, the first list.
    public let first: ListMemory
    /// MB2, one item.
    public let second: MemoryBuffer
    /// MB3, the list shown last (A6, A7).
    public let cell: MemoryBuffer
    /// The list shown before ``cell``.
    public let previousCell: MemoryBuffer
    /// Neurons per dimension of the cells (lists of up to four items).
    public static let cellNeuronsPerDimension = 100
    /// Dimensions per ensemble of the cells: 1, each element an ensemble of its own. A cell
    /// integrates what is stored (feedback 1, τ ``cellTau``), so the decoding error of its
    /// ensembles adds up as drift for as long as it holds a list; with the same neurons, an
    /// ensemble representing fewer dimensions decodes them more accurately, and the four items
    /// stay near the strengths they were stored at.
    public static let cellSubdimensions = 1
    /// The weight of what is stored into ``cell``: an item held for a store action arrives at
    /// about the strength it has in MB1.
    public static let cellGain = 1.0
    /// The feedback τ of the cells: short, so that a clear while `[` is shown leaves little.
    public static let cellTau = 0.05
    /// The gain of ``previousCell``: a copy settles in `cellTau · (1 + copyGain) / copyGain` = 60 ms.
    public static let copyGain = 5.0

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(in parent: Network, label: String = "Working memory", vocabulary: Vocabulary) throws(BrainKitError) {
        network = try parent.network(label: label)
        first = try ListMemory(in: network, label: "MB1", vocabulary: vocabulary)
        second = try MemoryBuffer(
            in: network, label: "MB2", vocabulary: vocabulary, gain: 1, feedbackTau: ProductionSystem.feedbackTau,
            cleanup: SpaunVocabularies.digitKeys.map { "POS1 * \($0)" })
        cell = try MemoryBuffer(
            in: network, label: "MB3", vocabulary: vocabulary, gain: Self.cellGain, feedbackTau: Self.cellTau,
            neuronsPerDimension: Self.cellNeuronsPerDimension, subdimensions: Self.cellSubdimensions)
        previousCell = try MemoryBuffer(
            in: network, label: "MB3 previous", vocabulary: vocabulary, gain: Self.copyGain, feedbackTau: Self.cellTau,
            neuronsPerDimension: Self.cellNeuronsPerDimension, subdimensions: Self.cellSubdimensions)
    }
}
