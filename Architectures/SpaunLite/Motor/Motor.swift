import BrainCore
import BrainSPA

/// Spaun-lite's motor system: the motor plan (the pointer of the digit to write, set by the
/// actions of the response phase), a pen ramp that paces writing, and the readout that records
/// what is written.
///
/// - ``plan``: a ``MemoryBuffer`` of the main vocabulary.
/// - ``pen``: a ``RampOscillator``; the writing actions route ``writingRate`` into it, so a
///   digit takes about ``secondsPerDigit`` (Spaun: `1/3 + 0.6` s).
/// - the **readout**, a node reading the plan (through `Lowpass(0.01)`) and the pen: a stroke
///   begins when the pen's ramp rises through 0.15 from rest (below 0.05) while its phase is
///   rising, and is written when the phase flips to falling (crosses +0.5 after having been
///   below −0.5). The symbol is the digit (of the main vocabulary) most similar to the plan if
///   that similarity is at least ``readoutThreshold``, else `-`. The readout
///   only observes: nothing flows from it back into the model.
///
/// Neurons: the plan's and the pen's.
public final class Motor {
    /// Spaun 2.0's time to write a digit, `1/mtr_ramp_scale + 0.6` s.
    public static let secondsPerDigit = 1.0 / 3.0 + 0.6
    /// The least similarity to a digit for the readout to see that digit.
    public static let readoutThreshold = 0.5

    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The pointer of the digit to write.
    public let plan: MemoryBuffer
    /// The ramp that paces writing.
    public let pen: RampOscillator
    /// The rate whose pen cycle (rise, fall and flips) lasts ``secondsPerDigit``.
    public let writingRate: Double
    /// The readout node (a sink).
    public let readout: Node
    /// What the readout recorded.
    public let log: MotorLog

    /// - Throws: `BrainKitError` naming the part at fault.
    public init(in parent: Network, label: String = "Motor", vocabulary: Vocabulary, seed: Int? = nil) throws(BrainKitError) {
        network = try parent.network(label: label, seed: seed)
        plan = try MemoryBuffer(
            in: network, label: "plan", vocabulary: vocabulary, feedbackTau: ProductionSystem.feedbackTau,
            cleanup: SpaunVocabularies.digitKeys)
        pen = try RampOscillator(in: network, label: "pen")
        writingRate = RampOscillator.rate(cycling: Self.secondsPerDigit)
        let d = vocabulary.dimensions
        var digits: [Float] = []
        for key in SpaunVocabularies.digitKeys {
            guard let pointer = vocabulary[key] else {
                throw .validation("Motor '\(label)'", "vocabulary", "has no \(key)")
            }
            digits += pointer.vector.map { Float($0) }
        }
        let log = MotorLog()
        self.log = log
        let threshold = Float(Self.readoutThreshold)
        var rising = false, armed = true, onset = 0.0, lastRamp: Float = 0, lastTime = -Double.infinity
        readout = try network.node(label: "readout", sizeIn: d + 2, sizeOut: 0) { t, input, _ in
            let ramp = input[d], phase = input[d + 1]
            if t <= lastTime { (rising, armed, lastRamp) = (false, true, 0) }  // the simulator was reset
            lastTime = t
            if ramp < 0.05 { rising = false }
            if phase < 0, lastRamp < 0.15, ramp >= 0.15, !rising {
                rising = true
                onset = t
            }
            if phase < -0.5 { armed = true }
            if armed, phase > 0.5 {
                armed = false
                var best = 0, bestSimilarity: Float = -.infinity
                for digit in 0..<10 {
                    var sum: Float = 0
                    for i in 0..<d { sum += digits[digit * d + i] * input[i] }
                    if sum > bestSimilarity { (best, bestSimilarity) = (digit, sum) }
                }
                let symbol: Character = bestSimilarity >= threshold ? Character(String(best)) : "-"
                log.append(.init(symbol: symbol, onset: rising ? onset : t, written: t, similarity: Double(bestSimilarity)))
                rising = false
            }
            lastRamp = ramp
        }
        try network.connect(plan.output.node, to: readout[0..<d], synapse: try Lowpass(0.01))
        try network.connect(pen.ramp.node, to: readout[d..<(d + 1)], synapse: try Lowpass(0.005))
        try network.connect(pen.phase.node, to: readout[(d + 1)..<(d + 2)], synapse: try Lowpass(0.005))
    }
}
