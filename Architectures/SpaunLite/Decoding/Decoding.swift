import BrainCore
import BrainSPA

/// Spaun-lite's information decoding: reads the item at a position of the first list.
///
/// - ``position`` is the position being recalled, ``nextPosition`` the one after it (the same
///   two-step counter as ``Encoding``'s, stepped by the motor's pen instead of by the eyes;
///   attractors over `POS0…POS8`, `POS0` being where reverse recall ends, and over the digits,
///   which A5's `K` questions unbind the list with).
/// - ``unbound`` = `(MB1 + inducedGain · induced) ⊛ ~position`, computed all the time (the
///   transformation's induced list is empty outside A6 and A7, and MB1 is empty in them);
/// - ``item``: a cleanup memory (winner-take-all, threshold ``itemThreshold``) from the unbound
///   pointer to the digit it is; below the threshold it gives nothing, which the motor writes
///   as `-` ("don't know").
/// - ``positionNumber``: the same from a position `POSk` to the digit `k`, the answer to A5's
///   `K` questions, where the list is unbound by a digit. (One memory for both would confuse a
///   digit with a position whose pointer the list's cross-talk happens to resemble.)
/// - ``atEnd`` = `position · encoding position`: reaching the position after the last item
///   stored ends forward recall. An induced list has no stored end, and its empty positions
///   unbind to noise that the item cleanup may read as a digit: ``answerEnd`` keeps the
///   position after the last item of the list that sets the answer's length (A6: the examples'
///   last answer; A7: the last cell), and ``atAnswerEnd`` = `position · answer end` ends recall.
///
/// Neurons: 3 memories of 50·D, a binding, two compares and the cleanups (50 per item).
public final class Decoding {
    /// Spaun's `dec_am_min_thresh`.
    public static let itemThreshold = 0.3
    /// The weight of the unbound pointer into the item cleanup: a list stores each item at
    /// about half a unit (so that a list of seven stays within the memory's range), and this
    /// brings a stored item back to about unit similarity.
    public static let itemGain = 2.0
    /// The weight of the transformation's induced list: the average change and the last list
    /// each have items at about half a unit, so an induced item arrives at about a quarter.
    public static let inducedGain = 2.0

    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The position being recalled.
    public let position: MemoryBuffer
    /// The position after it.
    public let nextPosition: MemoryBuffer
    /// `MB1 ⊛ ~position`.
    public let unbound: Bind
    /// From the unbound pointer to the digit it is.
    public let item: CleanupMemory
    /// From a position `POSk` to the digit `k` (A5's `K` questions).
    public let positionNumber: CleanupMemory
    /// `position · encoding position`: high when recall reaches the end of the list.
    public let atEnd: Compare
    /// The position after the last item of A6's last answer, or of A7's last cell.
    public let answerEnd: MemoryBuffer
    /// `position · answer end`.
    public let atAnswerEnd: Compare

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(
        in parent: Network, label: String = "Decoding", memory: WorkingMemory, encoding: Encoding,
        transformation: Transformation,
        bindNeuronsPerDimension: Int = 100, compareNeuronsPerDimension: Int = 50
    ) throws(BrainKitError) {
        let vocabulary = memory.first.rehearsal.vocabulary
        network = try parent.network(label: label)
        let positions = ["POS0"] + SpaunVocabularies.positionKeys + SpaunVocabularies.digitKeys
        let tau = ProductionSystem.feedbackTau
        position = try MemoryBuffer(
            in: network, label: "position", vocabulary: vocabulary, feedbackTau: tau, cleanup: positions)
        nextPosition = try MemoryBuffer(
            in: network, label: "next position", vocabulary: vocabulary, feedbackTau: tau, cleanup: positions)
        unbound = try Bind(
            in: network, label: "list * ~position", vocabulary: vocabulary, neuronsPerDimension: bindNeuronsPerDimension,
            unbindRight: true)
        let digits = SpaunVocabularies.digitKeys
        item = try CleanupMemory(
            in: network, label: "item", input: vocabulary, mapping: .keys(digits),
            selection: .winnerTakeAll(Self.itemThreshold, function: { _ in 1 }))
        positionNumber = try CleanupMemory(
            in: network, label: "position number", input: vocabulary,
            mapping: .pairs((1...8).map { (input: "POS\($0)", output: digits[$0]) }),
            selection: .winnerTakeAll(Self.itemThreshold, function: { _ in 1 }))
        atEnd = try Compare(in: network, label: "at end", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        answerEnd = try MemoryBuffer(
            in: network, label: "answer end", vocabulary: vocabulary, feedbackTau: tau, cleanup: SpaunVocabularies.positionKeys)
        atAnswerEnd = try Compare(
            in: network, label: "at answer end", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        try network.add(memory.first --> unbound.inputLeft)
        try network.add(Self.inducedGain * transformation.induced --> unbound.inputLeft)
        try network.add(position --> unbound.inputRight)
        try network.add(Self.itemGain * unbound --> item.input)
        try network.add(Self.itemGain * unbound --> positionNumber.input)
        try network.add(position --> atEnd.inputA)
        try network.add(encoding.position --> atEnd.inputB)
        try network.add(position --> atAnswerEnd.inputA)
        try network.add(answerEnd --> atAnswerEnd.inputB)
    }
}
