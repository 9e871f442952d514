import ArgumentParser
import BrainKit
import SpaunLite

/// The options that choose a Spaun-lite model and its simulator, shared by `run` and
/// `battery`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Dimensions of the main vocabulary.")
    var dimensions = 64

    @Option(help: "Seed of the model, and of the stimulus' random digits and jitter.")
    var seed = 0

    @Option(help: "Neurons: spiking or rate.")
    var mode = "spiking"

    @Option(help: "The vision cleanup's winner-take-all threshold.")
    var visionThreshold = Vision.defaultThreshold

    @Option(help: "The vision cleanup's hysteresis (its output fed back to its input; 0: none).")
    var visionHysteresis = Vision.defaultHysteresis

    @Option(help: ArgumentHelp(
        "Train the vision on the shipped training images but fold k of 5 (the validation images; A1's battery shows them).",
        valueName: "k"))
    var validationFold: Int?

    @Option(help: "Threads (default: all cores).")
    var threads: Int?

    @Option(
        name: .customLong("lesion"),
        help: "Cut a connection: vision-memory, memory-decoding, bg-thalamus, decoding-motor (repeatable).")
    var lesions: [String] = []

    /// The training images the vision is trained on and those of the validation fold, or nil
    /// without `--validation-fold`.
    func validationSplit() throws -> (training: DigitImages, validation: DigitImages)? {
        guard let fold = validationFold else { return nil }
        guard (0..<5).contains(fold) else { throw ValidationError("--validation-fold must be in 0...4, got \(fold)") }
        return try DigitImages.shipped().split().training.fold(fold, of: 5)
    }

    /// The validation fold's images, or nil without `--validation-fold`.
    func validationImages() throws -> DigitImages? { try validationSplit()?.validation }

    /// The model these options describe.
    func model(handwriting: DigitImages? = nil) throws -> SpaunLite {
        guard let neurons = SpaunLite.Mode(rawValue: mode) else {
            throw ValidationError("--mode must be spiking or rate, got \(mode)")
        }
        var cuts = Set<Lesion>()
        for name in lesions {
            guard let lesion = Lesion(rawValue: name) else {
                throw ValidationError(
                    "--lesion must be one of \(Lesion.allCases.map(\.rawValue).joined(separator: ", ")), got \(name)")
            }
            cuts.insert(lesion)
        }
        return try SpaunLite(
            dimensions: dimensions, mode: neurons, handwriting: handwriting, visionTraining: try validationSplit()?.training,
            visionThreshold: visionThreshold, visionHysteresis: visionHysteresis, lesions: cuts, seed: seed)
    }

    /// A simulator of `model` with these options' seed and threads, a progress bar on a terminal.
    func simulator(of model: SpaunLite) throws -> Simulator {
        try Simulator(model.network, seed: seed, threads: threads, progress: TerminalProgressBar.standardError())
    }
}
