import BrainCore
import BrainSPA
import BrainView

extension LiveViewOptions.Vocabulary {
    /// The keys and vectors of a BrainSPA vocabulary, for similarity plots.
    /// - Throws: `BrainKitError` when the vocabulary has no keys.
    public init(_ vocabulary: Vocabulary) throws(BrainKitError) {
        let vectors = vocabulary.vectors
        try self.init(
            name: vocabulary.name, keys: vocabulary.keys,
            vectors: (0..<vectors.rows).map { row in (0..<vectors.columns).map { vectors[row, $0] } })
    }
}
