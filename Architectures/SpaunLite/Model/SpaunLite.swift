import BrainCore
import BrainSPA

/// Spaun-lite: a perception-to-action model in the style of Spaun (Eliasmith et al. 2012),
/// driven only by an image stream and read only at its motor output.
///
/// ```
/// image ─▶ Vision ─vis─▶ Encoding (position ⊛ item) ─▶ WorkingMemory (MB1, MB2, MB3)
///                 │                                        │            │
///                 ▼                                        ▼            ▼
///        ActionSelection (ControlRules) ◀── ProductionSystem    Transformation (count, P→POS)
///                 │                                        │
///                 ▼                                        ▼
///               Motor (plan, pen, readout) ◀──────── Decoding (MB1 ⊛ ~position → digit)
/// ```
///
/// Every subsystem is an `init(in:)` class in a folder of its own; ``ControlRules`` lists the
/// actions. The only nodes are the image input (``image``), constants, and the motor readout.
public final class SpaunLite {
    /// How the model's ensembles compute.
    public enum Mode: String, CaseIterable, Sendable {
        /// LIF neurons (the default).
        case spiking
        /// LIF rate neurons.
        case rate
    }

    /// The network holding the whole model.
    public let network: Network
    /// The main, task, state and dec vocabularies.
    public let vocabularies: SpaunVocabularies
    /// Image → visual pointer.
    public let vision: Vision
    /// The image input: 64 pixels from ``stream``.
    public let image: Node
    /// The images shown, loaded per trial.
    public let stream: ImageStream
    /// The memories of where a task is.
    public let production: ProductionSystem
    /// Position ⊛ item binding.
    public let encoding: Encoding
    /// MB1 and MB2.
    public let memory: WorkingMemory
    /// Counting and position lookup.
    public let transformation: Transformation
    /// Recall: unbinding by position.
    public let decoding: Decoding
    /// The plan, the pen and the readout.
    public let motor: Motor
    /// The basal ganglia and thalamus running ``ControlRules``.
    public let actionSelection: ActionSelection
    /// Spiking or rate neurons.
    public let mode: Mode
    /// The network's seed.
    public let seed: Int
    /// The connections cut.
    public let lesions: Set<Lesion>
    /// The visual pointer every 10 ms (through `Lowpass(0.01)`), for what the model saw.
    public let visualProbe: Probe

    /// - Parameters:
    ///   - dimensions: the main vocabulary's dimensions (default 64).
    ///   - mode: spiking (default) or rate neurons.
    ///   - handwriting: the images `#d` shows (default: the held-out part of the shipped
    ///     digits, never trained on).
    ///   - visionTraining: the handwritten images the vision trains on (default: the training
    ///     part of the shipped digits).
    ///   - visionThreshold: the vision cleanup's winner-take-all threshold (default
    ///     ``Vision/defaultThreshold``).
    ///   - visionHysteresis: the vision cleanup's hysteresis (default ``Vision/defaultHysteresis``).
    ///   - lesions: cuts to make (``Lesion``).
    ///   - seed: seeds the network and the vision's training.
    /// - Throws: `BrainKitError` naming the part at fault.
    public init(
        dimensions: Int = 64, mode: Mode = .spiking, handwriting: DigitImages? = nil, visionTraining: DigitImages? = nil,
        visionThreshold: Double = Vision.defaultThreshold, visionHysteresis: Double = Vision.defaultHysteresis,
        lesions: Set<Lesion> = [], seed: Int = 0
    ) throws(BrainKitError) {
        self.mode = mode
        self.seed = seed
        self.lesions = lesions
        vocabularies = try SpaunVocabularies(dimensions: dimensions)
        network = try Network(label: "Spaun-lite", seed: seed)
        if mode == .rate { network.defaults.neuronType = LIFRate() }
        let shipped = try DigitImages.shipped().split()
        stream = ImageStream(handwriting: handwriting ?? shipped.heldOut)
        vision = try Vision(in: network, vocabulary: vocabularies.main, handwriting: visionTraining ?? shipped.training,
            selection: Vision.selection(threshold: visionThreshold), hysteresis: visionHysteresis, seed: seed)
        let stream = self.stream
        image = try network.node(label: "image", sizeIn: 0, sizeOut: GlyphFont.pixelCount) { t, _, output in
            stream.write(at: t, into: output)
        }
        try network.connect(image, to: vision.input, synapse: nil)
        production = try ProductionSystem(in: network, vocabularies: vocabularies)
        encoding = try Encoding(in: network, visual: vision.output)
        memory = try WorkingMemory(in: network, vocabulary: vocabularies.main)
        transformation = try Transformation(in: network, memory: memory)
        decoding = try Decoding(in: network, memory: memory, encoding: encoding, transformation: transformation)
        motor = try Motor(in: network, vocabulary: vocabularies.main)
        actionSelection = try ControlRules.build(
            in: network, vision: vision, production: production, encoding: encoding, memory: memory,
            transformation: transformation, decoding: decoding, motor: motor)
        visualProbe = try network.probe(vision.output.node, synapse: try Lowpass(0.01), sampleEvery: 0.01)
        for lesion in Lesion.allCases where lesions.contains(lesion) { try apply(lesion) }
    }

    /// The number of neurons.
    public var neuronCount: Int { network.neuronCount }
}
