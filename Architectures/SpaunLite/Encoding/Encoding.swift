import BrainCore
import BrainSPA

/// Spaun-lite's information encoding: binds each digit seen in a list to its position,
/// `POSᵢ ⊛ ITEMᵢ`, for the working memory.
///
/// - ``position`` holds the current position (`POS1` after `[`); ``nextPosition`` holds the
///   one after it. Storing an item writes `position ⊛ INC` into ``nextPosition``; once the item
///   is taken, ``position`` is set from ``nextPosition`` (a two-step counter, so the position
///   moves once per item however long the item is shown).
/// - ``lastItem`` holds the item last stored; ``seen`` = `vis · lastItem` tells a new item
///   (low) from the one already taken (high). `seen` reads the last item through
///   ``seenSynapse`` (50 ms), so it rises over some 35 ms after the item is taken and the
///   store action lasts long enough, and about as long each time, to lay the item down. It is cleared in a blank inside a list and by
///   `[`, so a repeated digit is stored again.
/// - ``boundItem`` = `position ⊛ vis`, computed all the time; the store actions route it into
///   a list memory.
/// - ``pending`` = `(position ⊛ INC) · nextPosition`: about 1 once a store has written the next
///   position and the position has not yet moved to it, about 0 otherwise (`POSk ⊛ INC =
///   POSk+1`, and the positions are nearly orthogonal). A list that closes with a store pending
///   advances its position then (the `advance at close` action), so an item whose image the
///   cleanup read too unsteadily for `seen` to rise is still counted.
///
/// The three memories are attractors (cleanups over `POS1…POS8` and over the digits).
///
/// Neurons: 3 memories of 50·D and their cleanups, a binding of `bindNeuronsPerDimension`·4(⌊D/2⌋+1) and two
/// compares of `compareNeuronsPerDimension`·D.
public final class Encoding {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The current position.
    public let position: MemoryBuffer
    /// The position after it.
    public let nextPosition: MemoryBuffer
    /// The item last stored.
    public let lastItem: MemoryBuffer
    /// `position ⊛ vis`.
    public let boundItem: Bind
    /// `vis · lastItem`: high while the item seen is the one already stored.
    public let seen: Compare
    /// `(position ⊛ INC) · nextPosition`: high while a stored item's position has not been left.
    public let pending: Compare
    /// The synapse from the last item to ``seen``.
    public static let seenSynapse: any Synapse = Lowpass(validatedTau: 0.05)

    /// - Parameters:
    ///   - visual: the visual pointer (the vision's cleaned output).
    ///   - bindNeuronsPerDimension: neurons per dimension of the position ⊛ item binding.
    ///   - parent: the network to build in.
    ///   - compareNeuronsPerDimension: neurons per dimension of the comparison with the last item stored.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` naming the part at fault.
    public init(
        in parent: Network, label: String = "Encoding", visual: PointerOutput, bindNeuronsPerDimension: Int = 100,
        compareNeuronsPerDimension: Int = 50
    ) throws(BrainKitError) {
        let vocabulary = visual.vocabulary
        network = try parent.network(label: label)
        let positions = SpaunVocabularies.positionKeys, tau = ProductionSystem.feedbackTau
        position = try MemoryBuffer(
            in: network, label: "position", vocabulary: vocabulary, feedbackTau: tau, cleanup: positions)
        nextPosition = try MemoryBuffer(
            in: network, label: "next position", vocabulary: vocabulary, feedbackTau: tau, cleanup: positions)
        lastItem = try MemoryBuffer(
            in: network, label: "last item", vocabulary: vocabulary, feedbackTau: tau, cleanup: SpaunVocabularies.digitKeys)
        boundItem = try Bind(
            in: network, label: "position * item", vocabulary: vocabulary, neuronsPerDimension: bindNeuronsPerDimension)
        seen = try Compare(in: network, label: "seen", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        try network.add(position --> boundItem.inputLeft)
        try network.add(visual --> boundItem.inputRight)
        try network.add(visual --> seen.inputA)
        var slow = ExpressionSettings()
        slow.synapse = Self.seenSynapse
        try network.add(lastItem --> seen.inputB, settings: slow)
        pending = try Compare(
            in: network, label: "pending", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        try network.add(position * sym.INC --> pending.inputA)
        try network.add(nextPosition --> pending.inputB)
    }
}
