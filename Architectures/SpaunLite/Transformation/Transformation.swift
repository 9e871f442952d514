import BrainCore
import BrainSPA

/// Spaun-lite's transformation system: counting, the translation A5's position questions
/// need, and the induction of a change from examples (A6, A7).
///
/// - Counting: the query copies the start number (MB1, `POS1 ⊛ N`) into ``count`` and sets
///   ``counter`` to `POS1 ⊛ ZER`; both step by `⊛ ADD` once per cycle of ``pacer`` (sub-vocal
///   counting): while the pacer rises the next values are prepared in ``nextCount`` and
///   ``nextCounter``; while it falls they are copied back. ``countReached`` = `counter · MB2`
///   tells when the counter has reached the count to add (MB2 holds `POS1 ⊛ K`). The four are
///   attractors over `POS1 ⊛ ZER … POS1 ⊛ NIN` (Spaun counts in MB1 and MB3; here the counts
///   have memories of their own, held clean).
/// - ``positionOfDigit``: a cleanup memory from a digit `k` (the probe of `P[k]`, read as
///   `MB2 ⊛ ~POS1`) to the position pointer `POSk`.
/// - Induction (Spaun's MBAve): ``change`` = `cell ⊛ ~previous cell` is the change from one
///   list to the next (for an A6 example, question → answer; for A7, one cell of a row to the
///   next). When a list closes whose change counts, the learning action writes it into
///   ``averageChange`` by a difference write, `T ← T + α (change − T)`, a running average
///   whose weight α follows from how long the action lasts.
/// - The rule: ``rule`` is a cleanup memory over the known transformations `Rᵢ`
///   (``SpaunVocabularies/transformationKeys``: shifts `INCᵏ`, number steps `ADD^±1`, `ADD^±2`),
///   a winner-take-all over the similarities `T · Rᵢ` with threshold ``ruleThreshold`` and a
///   fixed output: `rule = c R_w`, `w = argmax_i T · Rᵢ` (when `T · R_w > θ`; else nothing).
///   ``induced`` = `cell ⊛ rule` applies it to the list shown last: the answer, which decoding
///   reads with MB1. (Applying `T` itself carries each example's items into the answer.) A
///   rule is therefore one known transformation: not a sum of two, as A7's append
///   (`Identity + INC`) would need; a thresholding selection would allow sums, but passes
///   the cross terms of `T` too (docs/spaun-lite.md).
///
/// Neurons: 4 memories of 50·D (and their cleanups), a compare of
/// `compareNeuronsPerDimension`·D, the pacer (200), the cleanup (50 per digit 1…8), the
/// average change (``averageChangeNeuronsPerDimension``·D), the rule (50 per transformation)
/// and two bindings of `bindNeuronsPerDimension`·4(⌊D/2⌋+1).
public final class Transformation {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The number counted up, `POS1 ⊛ N`.
    public let count: MemoryBuffer
    /// The steps counted so far, from `POS1 ⊛ ZER`.
    public let counter: MemoryBuffer
    /// The next count, prepared while the pacer rises.
    public let nextCount: MemoryBuffer
    /// The next counter value, prepared while the pacer rises.
    public let nextCounter: MemoryBuffer
    /// `counter · MB2`: high when the counter has reached the count to add.
    public let countReached: Compare
    /// The sub-vocal counting pacer.
    public let pacer: RampOscillator
    /// From a digit `k` to the position `POSk`.
    public let positionOfDigit: CleanupMemory
    /// `cell ⊛ ~previous cell`.
    public let change: Bind
    /// The running average of the changes learnt.
    public let averageChange: MemoryBuffer
    /// The known transformation the average change is most like, clean: `c R_w`.
    public let rule: CleanupMemory
    /// `cell ⊛ rule`: the list the examples' rule makes of the last list.
    public let induced: Bind
    /// θ: the similarity `T · Rᵢ` a transformation needs to be the rule (a change learnt from
    /// cells whose items are at half a unit is at about `0.25 n`, n the items it moves).
    public static let ruleThreshold = 0.1
    /// c: the weight of the transformation in the rule. A cell holds its items at about half a
    /// unit, so `c = 0.5` puts an induced item at about a quarter, what ``Decoding/inducedGain``
    /// expects.
    public static let ruleAmplitude = 0.5
    /// The weight of the learning write into ``averageChange``.
    public static let averageChangeGain = 10.0
    /// The feedback τ of ``averageChange``. A close lasts about 50 ms, so the running average's
    /// weight is `α = 1 − exp(−0.05 / (τ (1 + gain) / gain))` ≈ 0.6; with nengo_spa's 0.1 s it
    /// was 0.34, below the junk the memory collects between examples.
    public static let averageChangeTau = 0.05
    /// Neurons per dimension of ``averageChange``: a held pointer drifts by its decoding error
    /// over τ each second, so the memory that holds a change for seconds gets more neurons than
    /// the others.
    public static let averageChangeNeuronsPerDimension = 200
    /// The pacer's falling drive: the fall (when the count is copied back) lasts about 0.13 s.
    public static let pacerFall = 1.0
    /// The pacer's rate while counting: a cycle of 0.4 s (Spaun counts at 419 ms a step).
    public let countingRate = RampOscillator.rate(cycling: 0.4, fall: Transformation.pacerFall)

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(
        in parent: Network, label: String = "Transformation", memory: WorkingMemory, compareNeuronsPerDimension: Int = 50,
        bindNeuronsPerDimension: Int = 100
    ) throws(BrainKitError) {
        let vocabulary = memory.first.rehearsal.vocabulary
        network = try parent.network(label: label)
        let network = self.network
        let numbers = SpaunVocabularies.digitKeys.map { "POS1 * \($0)" }
        func numberMemory(_ label: String) throws(BrainKitError) -> MemoryBuffer {
            try MemoryBuffer(
                in: network, label: label, vocabulary: vocabulary, feedbackTau: ProductionSystem.feedbackTau,
                cleanup: numbers)
        }
        count = try numberMemory("count")
        counter = try numberMemory("counter")
        nextCount = try numberMemory("next count")
        nextCounter = try numberMemory("next counter")
        countReached = try Compare(
            in: network, label: "count reached", vocabulary: vocabulary, neuronsPerDimension: compareNeuronsPerDimension)
        pacer = try RampOscillator(in: network, label: "pacer", fall: Self.pacerFall)
        let pairs = (1...8).map { (input: SpaunVocabularies.digitKeys[$0], output: "POS\($0)") }
        positionOfDigit = try CleanupMemory(
            in: network, label: "position of digit", input: vocabulary, mapping: .pairs(pairs),
            selection: .winnerTakeAll(0.3, function: { _ in 1 }))
        change = try Bind(
            in: network, label: "change", vocabulary: vocabulary, neuronsPerDimension: bindNeuronsPerDimension,
            unbindRight: true)
        averageChange = try MemoryBuffer(
            in: network, label: "average change", vocabulary: vocabulary, gain: Self.averageChangeGain,
            feedbackTau: Self.averageChangeTau, neuronsPerDimension: Self.averageChangeNeuronsPerDimension)
        rule = try CleanupMemory(
            in: network, label: "rule", input: vocabulary, mapping: .keys(SpaunVocabularies.transformationKeys),
            selection: .winnerTakeAll(Self.ruleThreshold, function: { _ in Self.ruleAmplitude }))
        induced = try Bind(
            in: network, label: "induced", vocabulary: vocabulary, neuronsPerDimension: bindNeuronsPerDimension)
        try network.add(memory.cell --> change.inputLeft)
        try network.add(memory.previousCell --> change.inputRight)
        try network.add(memory.cell --> induced.inputLeft)
        try network.add(averageChange --> rule.input)
        try network.add(rule --> induced.inputRight)
        try network.add(counter --> countReached.inputA)
        try network.add(memory.second --> countReached.inputB)
        try network.add(memory.second * ~sym.POS1 --> positionOfDigit.input)
    }
}
