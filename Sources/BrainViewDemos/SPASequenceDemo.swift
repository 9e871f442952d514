import BrainCore
import BrainSPA
import BrainView

/// nengo_spa's sequence example for the live view: a State `cortex` cycling A→B→C→D→E→A
/// through five IfMax rules, started by a 50 ms kick of A.
public struct SPASequenceDemo {
    /// The whole model.
    public let network: Network
    /// The letters' vocabulary, for similarity plots.
    public let vocabulary: LiveViewOptions.Vocabulary

    /// Builds the model with `dimensions`-D pointers and seed `seed`.
    /// - Throws: `BrainKitError` when the model cannot be made (dimensions too small for
    ///   five keys, a seed out of range).
    public init(dimensions: Int = 16, seed: Int = 0) throws(BrainKitError) {
        let model = try Network(label: "spa-sequence", seed: seed)
        let letters = try Vocabulary(dimensions: dimensions, name: "letters", seed: seed)
        try letters.populate("A; B; C; D; E")
        let cortex = try State(in: model, label: "cortex", vocabulary: letters)
        let start = try Transcode(in: model, label: "start", output: letters) { t, _ in t < 0.05 ? "A" : "0" }
        try model.add(start --> cortex)
        let keys = letters.keys
        _ = try ActionSelection(in: model, label: "sequence") {
            for (current, next) in zip(keys, keys.dropFirst() + [keys[0]]) {
                IfMax("\(current) to \(next)", dot(cortex, sym(current))) { sym(next) --> cortex }
            }
        }
        network = model
        vocabulary = try LiveViewOptions.Vocabulary(letters)
    }
}
