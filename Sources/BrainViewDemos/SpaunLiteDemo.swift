import BrainCore
import BrainView
import SpaunLite

/// Spaun-lite for the live view: the model with a stimulus loaded, shown from t = 0 (again
/// after every reset), then blank.
public struct SpaunLiteDemo {
    /// The model.
    public let model: SpaunLite
    /// The main vocabulary (numbers, positions, symbols), for similarity plots.
    public let vocabulary: LiveViewOptions.Vocabulary
    /// The stimulus' length in seconds.
    public let duration: Double

    /// Builds Spaun-lite with `dimensions`-D pointers and loads `stimulus` (Spaun 2.0's
    /// language, e.g. `A3[472]?XXX`).
    /// - Throws: `BrainKitError` for a stimulus that does not parse or a model that cannot be made.
    public init(stimulus: String, dimensions: Int = 64, seed: Int = 0) throws(BrainKitError) {
        model = try SpaunLite(dimensions: dimensions, seed: seed)
        let schedule = try StimulusProgram(stimulus).schedule(seed: seed)
        try model.stream.load(schedule, seed: seed)
        duration = schedule.duration
        vocabulary = try LiveViewOptions.Vocabulary(model.vocabularies.main)
    }
}
