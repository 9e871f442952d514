import BrainCore
import BrainSPA

/// Spaun-lite's transformation system: counting and the translation A5's position questions
/// need.
///
/// - Counting steps the running count (MB1) and the counter (MB3) by `⊛ ADD` once per cycle of
///   ``pacer`` (sub-vocal counting): while the pacer rises the next values are prepared in
///   ``nextCount`` and ``nextCounter``; while it falls they are copied back.
///   ``countReached`` = `MB3 · MB2` tells when the counter has reached the count to add.
/// - ``positionOfDigit``: a cleanup memory from a digit `k` (the probe of `P[k]`, read as
///   `MB2 ⊛ ~POS1`) to the position pointer `POSk`.
///
/// Neurons: 2 memories of 50·D, a compare of `compareNeuronsPerDimension`·D, the pacer
/// (200) and the cleanup (50 per digit 1…8).
public final class Transformation {
    public let network: Network
    public let nextCount: MemoryBuffer
    public let nextCounter: MemoryBuffer
    public let countReached: Compare
    public let pacer: RampOscillator
    public let positionOfDigit: CleanupMemory
    /// The pacer's rate while counting: a rise of 0.25 s.
    public let countingRate = RampOscillator.rate(risingIn: 0.25)

    /// - Throws: ``BrainKitError`` naming the part at fault.
    public init(
        in parent: Network, label: String = "Transformation", memory: WorkingMemory, compareNeuronsPerDimension: Int = 50
    ) throws(BrainKitError) {
        let vocabulary = memory.first.rehearsal.vocabulary
        network = try parent.network(label: label)
        nextCount = try MemoryBuffer(in: network, label: "next count", vocabulary: vocabulary)
        nextCounter = try MemoryBuffer(in: network, label: "next counter", vocabulary: vocabulary)
        countReached = try Compare(
            in: network, label: "count reached", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        pacer = try RampOscillator(in: network, label: "pacer")
        let pairs = (1...8).map { (input: SpaunVocabularies.digitKeys[$0], output: "POS\($0)") }
        positionOfDigit = try CleanupMemory(
            in: network, label: "position of digit", input: vocabulary, mapping: .pairs(pairs),
            selection: .winnerTakeAll(0.3, function: { _ in 1 }))
        try network.add(memory.counter --> countReached.inputA)
        try network.add(memory.second --> countReached.inputB)
        try network.add(memory.second * ~sym.POS1 --> positionOfDigit.input)
    }
}
