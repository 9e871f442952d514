import BrainCore
import BrainSPA

/// Spaun-lite's visual system: an 8×8 image becomes a visual semantic pointer and, through a
/// cleanup memory, one of the 24 visual classes (Spaun's `ZER`…`NIN`, `OPEN`, `CLOSE`, `SPACE`,
/// `QM`, `A`, `C`, `F`, `K`, `L`, `M`, `P`, `R`, `V`, `W`).
///
/// ```
/// input (64 px) ──▶ hidden (LIF, default 1,000) ──decoders──▶ visualPointer ──▶ cleanup ──▶ output
/// ```
///
/// **Training set.** The handwritten images given (by default the training part of
/// ``DigitImages/shipped()``'s ``DigitImages/split(blocks:heldOutEvery:)``, never the held-out
/// part); `distortedCopies` randomly distorted copies of each (``ImageDistortion``: slant, size,
/// shear and sub-pixel position, as another writer might draw it); `glyphsPerSymbol` jittered
/// renderings (``GlyphFont``) of each of the 24 class glyphs (not `X`, which has no class); and
/// `blanks` blank images with pixel noise. A digit's target is its class pointer (`ONE` for a
/// handwritten or typed 1, `OPEN` for `[`, …); a blank's is the zero vector, so an empty screen
/// gives no class.
///
/// **Hidden layer** (NEF practice for images, with every parameter from the training set):
/// - each neuron sees a square window (its receptive field) of `receptiveField` pixels on a side
///   at a random place in the image, and its encoder is a random Gaussian combination of the
///   mean-centred training images within that window (`mask ⊙ Σⱼ wⱼ (xⱼ − μ)`, `wⱼ ~ N(0, 1)`),
///   normalised: a direction drawn from a Gaussian with the covariance of the training images'
///   pixels in the window, so each neuron looks at a way a part of the image varies (a window
///   where no training image varies is replaced by the whole image);
/// - neuron i's input is the centred projection `pᵢ = eᵢ·(x − μ)` divided by `hᵢ`, its 99th
///   percentile over the training images; its intercept is the `qᵢ`-quantile of the same
///   projections (over `hᵢ`, kept within ±0.95), `qᵢ` uniform in `interceptQuantiles` (default
///   0.05…0.95), so every neuron fires for between 5 % and 95 % of the training images and none
///   is silent or always on;
/// - max rates (at `pᵢ = hᵢ`) are uniform in `maxRates`.
/// The centring is folded into the bias: the ensemble is built with these unit encoders, gain
/// `gᵢ / hᵢ` and bias `bᵢ − gᵢ (eᵢ·μ) / hᵢ`, where `gᵢ, bᵢ` are the neuron type's gain and bias
/// for the max rate and intercept, and it represents the raw pixels (radius 1).
///
/// **Decoders** are solved when the network is built, by `LstsqL2` (`regularization`) at the
/// training images as eval points with the targets above (a connection with `functionValues`). The decoded value (``visualPointer``) has no synapse, as a BrainSPA
/// module's output; the cleanup memory filters its input by 5 ms.
///
/// **Cleanup.** A `CleanupMemory` over the 24 classes reads ``visualPointer``; by default
/// (``defaultSelection``) a winner-take-all network whose winner, once its similarity exceeds
/// ``defaultThreshold`` (0.2), gives its class pointer at unit strength, so ``output`` is one
/// clean class or nothing.
///
/// **Hysteresis.** The cleaned pointer returns to the cleanup's input with weight
/// `hysteresis` (h, default ``defaultHysteresis``) through `Lowpass(0.01)`: the class selected
/// gets `sᵢ + h`, and with the winner-take-all's lateral inhibition (scale 1) a rival `j` takes
/// over only when `sⱼ > sᵢ + h`, so a weak image whose two best classes are close flickers
/// less between them (spike noise can still pass h). With `h` below the threshold θ
/// a class is released once its own similarity falls below `θ − h` (a blank, or the next
/// symbol), so nothing is held over from one image to a different one.
///
/// **Modes.** The hidden layer is spiking `LIF` unless a neuron type is given or the network's
/// default is a rate type; a `Direct` default runs it as `LIFRate`, since the classifier is
/// the neurons themselves. The cleanup memory follows the network's defaults.
///
/// Neurons: `neurons` + 24 × `cleanupNeurons` (the cleanup memory's selection network).
public final class Vision: PointerExpressible {
    /// The 24 visual classes, in Spaun's order.
    public static let classKeys = [
        "ZER", "ONE", "TWO", "THR", "FOR", "FIV", "SIX", "SEV", "EIG", "NIN",
        "OPEN", "CLOSE", "SPACE", "QM", "A", "C", "F", "K", "L", "M", "P", "R", "V", "W",
    ]
    /// The classes of the digits 0…9, in order.
    public static let digitKeys = Array(classKeys.prefix(10))
    /// The glyphs of the 24 classes, in ``classKeys`` order.
    public static let classSymbols: [GlyphFont.Symbol] = classKeys.compactMap { key in
        GlyphFont.Symbol.allCases.first { $0.visualKey == key }
    }

    /// The cleanup's default winner-take-all threshold on a class's similarity, 0.2, set by
    /// cross-validation on the training images only (`spaun-lite vision`): at 0.25 more weak
    /// images select no class, below 0.2 more select a wrong one (or two classes), and at 0.2
    /// a blank screen selects none.
    public static let defaultThreshold = 0.2

    /// The default number of neurons in the hidden layer.
    public static let defaultNeurons = 1000

    /// The default number of distorted copies of each handwritten training image.
    public static let defaultDistortedCopies = 3

    /// The default side in pixels of the hidden neurons' square receptive fields, drawn
    /// uniformly from this range for each neuron.
    public static let defaultReceptiveField = 4...6

    /// The default number of jittered renderings of each class glyph in the training set.
    public static let defaultGlyphsPerSymbol = 120

    /// The default range of the quantile of its training projections at which a hidden
    /// neuron's intercept lies (`qᵢ`; a neuron fires for a fraction `1 − qᵢ` of them).
    public static let defaultInterceptQuantiles = 0.05...0.95

    /// The default regularization (`LstsqL2`'s `reg`) of the decoders.
    public static let defaultRegularization = 0.02

    /// The default hysteresis of the cleanup (the weight of its output fed back to its input),
    /// 0.1: half the threshold, so a class is released once its similarity falls below 0.1.
    public static let defaultHysteresis = 0.1

    /// The synapse of the cleanup's hysteresis feedback.
    public static let hysteresisSynapse: any Synapse = Lowpass(validatedTau: 0.01)

    /// The default cleanup selection: ``selection(threshold:)`` at ``defaultThreshold``.
    public static var defaultSelection: CleanupMemory.Selection { selection(threshold: defaultThreshold) }

    /// A winner-take-all selection above a similarity of `threshold`, giving the winner's
    /// pointer at unit strength.
    public static func selection(threshold: Double) -> CleanupMemory.Selection {
        .winnerTakeAll(threshold, function: { _ in 1 })
    }

    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The main vocabulary the visual pointers belong to.
    public let vocabulary: Vocabulary
    /// The image: 64 pixels in [0, 1], row-major (a passthrough node the caller drives).
    public let input: Node
    /// The hidden layer.
    public let hidden: Ensemble
    /// hidden → ``visualPointer``: the trained decoders.
    public let decoding: Connection
    /// The raw visual pointer decoded from the hidden layer (no synapse).
    public let visualPointer: PointerOutput
    /// The cleanup memory over the 24 classes; its input is ``visualPointer``.
    public let cleanup: CleanupMemory
    /// The cleaned pointer (the cleanup memory's output).
    public var output: PointerOutput { cleanup.output }
    /// The training images (one row each) the decoders were fit at, and their class keys (nil:
    /// a blank, target zero).
    public let trainingImages: Matrix
    /// The class key of each training image (nil: a blank).
    public let trainingKeys: [String?]
    /// The class pointers, one row per key of ``classKeys``.
    public let classPointers: Matrix

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - vocabulary: the visual vocabulary; it must hold (or, if not strict, gets) the 24 keys
    ///     of ``classKeys``.
    ///   - handwriting: the handwritten training images; nil: the training part of the shipped
    ///     set.
    ///   - distortedCopies: distorted copies of each handwritten image to train on as well
    ///     (default ``defaultDistortedCopies``).
    ///   - distortion: how those copies are distorted (default ``ImageDistortion/standard``).
    ///   - neurons: hidden neurons (default ``defaultNeurons``).
    ///   - receptiveField: the side in pixels of the hidden neurons' square windows (default
    ///     ``defaultReceptiveField``).
    ///   - glyphsPerSymbol: jittered renderings of each class glyph to train on (default
    ///     ``defaultGlyphsPerSymbol``).
    ///   - font: how the training glyphs are jittered (default ``GlyphFont/standard``).
    ///   - blanks: blank training images, target zero (default 200).
    ///   - maxRates: the hidden neurons' max rates in Hz (default 200…400).
    ///   - interceptQuantiles: the range of the hidden neurons' intercept quantiles `qᵢ`, within
    ///     0…1 (default ``defaultInterceptQuantiles``).
    ///   - regularization: `LstsqL2`'s `reg` for the decoders (default ``defaultRegularization``).
    ///   - selection: the cleanup memory's selection (default ``defaultSelection``).
    ///   - cleanupNeurons: neurons per class in the cleanup memory (default 50).
    ///   - hysteresis: the weight of the cleaned pointer fed back to the cleanup's input, in
    ///     [0, threshold) (default ``defaultHysteresis``; 0: no feedback).
    ///   - neuronType: the hidden layer's neuron type (nil: see Modes above).
    ///   - seed: seeds the glyphs, blanks, distortions, receptive fields, encoders, intercepts,
    ///     max rates and the subnetwork.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` naming the vision module and the parameter at fault.
    public init(
        in parent: Network, label: String = "Vision", vocabulary: Vocabulary, handwriting: DigitImages? = nil,
        distortedCopies: Int = Vision.defaultDistortedCopies, distortion: ImageDistortion = .standard,
        neurons: Int = Vision.defaultNeurons, receptiveField: ClosedRange<Int> = Vision.defaultReceptiveField,
        glyphsPerSymbol: Int = Vision.defaultGlyphsPerSymbol, font: GlyphFont = .standard, blanks: Int = 200,
        maxRates: ClosedRange<Double> = 200...400, interceptQuantiles: ClosedRange<Double> = Vision.defaultInterceptQuantiles,
        regularization: Double = Vision.defaultRegularization,
        selection: CleanupMemory.Selection = Vision.defaultSelection, cleanupNeurons: Int = 50,
        hysteresis: Double = Vision.defaultHysteresis, neuronType: (any NeuronType)? = nil, seed: Int
    ) throws(BrainKitError) {
        let name = "Vision '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(distortedCopies, 0, name, "distortedCopies")
        try Check.atLeast(glyphsPerSymbol, 0, name, "glyphsPerSymbol")
        try Check.atLeast(blanks, 0, name, "blanks")
        try Check.atLeast(cleanupNeurons, 1, name, "cleanupNeurons")
        try Check.positiveFinite(regularization, name, "regularization")
        try Check.finite([hysteresis], name, "hysteresis")
        try Check.atLeast(hysteresis, 0, name, "hysteresis")
        if case .winnerTakeAll(let threshold, _) = selection, hysteresis >= threshold {
            throw .validation(name, "hysteresis", "must be below the threshold \(threshold) or a class is never released, got \(hysteresis)")
        }
        guard receptiveField.lowerBound >= 1, receptiveField.upperBound <= GlyphFont.side else {
            throw .validation(name, "receptiveField", "must lie in 1...\(GlyphFont.side) pixels, got \(receptiveField)")
        }
        guard maxRates.lowerBound > 0, maxRates.upperBound.isFinite else {
            throw .validation(name, "maxRates", "must be a finite range of positive rates, got \(maxRates)")
        }
        guard interceptQuantiles.lowerBound >= 0, interceptQuantiles.upperBound <= 1 else {
            throw .validation(name, "interceptQuantiles", "must lie in 0...1, got \(interceptQuantiles)")
        }
        guard (0...Int(UInt32.max)).contains(seed) else {
            throw .validation(name, "seed", "must be in [0, 2^32 - 1], got \(seed)")
        }
        let type = Vision.hiddenType(neuronType, parent: parent)
        guard !type.isDirect else {
            throw .validation(name, "neuronType", "must have neurons (the classifier is its neurons); use LIFRate for rates")
        }

        // Class pointers.
        var pointerRows: [[Double]] = []
        for key in Vision.classKeys {
            do {
                pointerRows.append(try vocabulary.pointer(key).vector)
            } catch {
                throw .validation(name, "vocabulary", "needs the visual class \(key): \(error.message)")
            }
        }
        let d = vocabulary.dimensions

        // Training set.
        let handwritten: DigitImages
        if let handwriting { handwritten = handwriting } else { handwritten = try DigitImages.shipped().split().training }
        var rng = RandomState(seed: seed)
        var glyphRNG = RandomState(seed: rng.nextSeed())
        var blankRNG = RandomState(seed: rng.nextSeed())
        var neuronRNG = RandomState(seed: rng.nextSeed())
        let networkSeed = rng.nextSeed()
        var distortionRNG = RandomState(seed: rng.nextSeed())
        var images: [[Double]] = [], keys: [String?] = []
        for (index, image) in handwritten.images.enumerated() {
            guard image.pixels.count == GlyphFont.pixelCount, image.pixels.allSatisfy(\.isFinite) else {
                throw .validation(name, "handwriting", "image \(index) must have 64 finite pixels, got \(image.pixels.count)")
            }
            guard (0...9).contains(image.label) else {
                throw .validation(name, "handwriting", "image \(index) has label \(image.label), not a digit 0...9")
            }
            images.append(image.pixels)
            keys.append(Vision.digitKeys[image.label])
        }
        for _ in 0..<distortedCopies {
            for image in handwritten.images {
                images.append(distortion.apply(to: image.pixels, rng: &distortionRNG))
                keys.append(Vision.digitKeys[image.label])
            }
        }
        for (symbol, pixels) in font.renderings(of: Vision.classSymbols, count: glyphsPerSymbol, rng: &glyphRNG) {
            images.append(pixels)
            keys.append(symbol.visualKey)
        }
        for _ in 0..<blanks {
            images.append((0..<GlyphFont.pixelCount).map { _ in min(max(blankRNG.normal(mean: 0, std: font.noise), 0), 1) })
            keys.append(nil)
        }
        guard images.count >= 2 else {
            throw .validation(name, "handwriting", "the training set has \(images.count) images; it needs at least 2")
        }
        let m = images.count, pixels = GlyphFont.pixelCount
        let trainingImages = Matrix(images)
        var targets = Matrix(rows: m, columns: d)
        for (row, key) in keys.enumerated() {
            guard let key, let index = Vision.classKeys.firstIndex(of: key) else { continue }
            for c in 0..<d { targets[row, c] = pointerRows[index][c] }
        }

        // Hidden layer parameters (see the type's description).
        var mean = [Double](repeating: 0, count: pixels)
        for image in images {
            for p in 0..<pixels { mean[p] += image[p] / Double(m) }
        }
        var centred = trainingImages
        for row in 0..<m {
            for p in 0..<pixels { centred[row, p] -= mean[p] }
        }
        guard centred.values.contains(where: { abs($0) > 1e-12 }) else {
            throw .validation(name, "handwriting", "the training images are all the same; the layer needs images that vary")
        }
        let side = GlyphFont.side
        var windows = Matrix(rows: neurons, columns: pixels)
        for i in 0..<neurons {
            let size = neuronRNG.randint(receptiveField.lowerBound, receptiveField.upperBound + 1)
            let top = neuronRNG.randint(0, side - size + 1), left = neuronRNG.randint(0, side - size + 1)
            for row in top..<(top + size) {
                for column in left..<(left + size) { windows[i, row * side + column] = 1 }
            }
        }
        var weights = Matrix(rows: neurons, columns: m)
        for index in weights.values.indices { weights.values[index] = neuronRNG.standardNormal() }
        let combinations = LinearAlgebra.multiply(weights, centred)
        var encoders = combinations
        for index in encoders.values.indices { encoders.values[index] *= windows.values[index] }
        for i in 0..<neurons {
            var norm = encoders.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
            if !(norm > 1e-12) {
                // No training image varies inside this window: the neuron sees the whole image.
                for p in 0..<pixels { encoders[i, p] = combinations[i, p] }
                norm = encoders.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            guard norm > 0, norm.isFinite else {
                throw .validation(name, "handwriting", "encoder \(i) has no length; the training images must vary")
            }
            for p in 0..<pixels { encoders[i, p] /= norm }
        }
        let projections = LinearAlgebra.multiply(encoders, centred, transposeB: true)  // neurons × m
        let encodedMean = LinearAlgebra.multiply(encoders, mean)
        var intercepts = [Double](repeating: 0, count: neurons)
        var scales = [Double](repeating: 1, count: neurons)
        var rates = [Double](repeating: 0, count: neurons)
        for i in 0..<neurons {
            let sorted = projections.row(i).sorted()
            let top = Vision.quantile(sorted, 0.99)
            let scale = top > 0 ? top : max(abs(sorted.first ?? 0), abs(sorted.last ?? 0), 1e-9)
            let q = neuronRNG.uniform(interceptQuantiles.lowerBound, interceptQuantiles.upperBound)
            intercepts[i] = min(max(Vision.quantile(sorted, q) / scale, -0.95), 0.95)
            scales[i] = scale
            rates[i] = neuronRNG.uniform(maxRates.lowerBound, maxRates.upperBound)
        }
        let typeGain: [Double], typeBias: [Double]
        do {
            (typeGain, typeBias) = try type.gainBias(maxRates: rates, intercepts: intercepts)
        } catch {
            throw .validation(name, "maxRates", "\(maxRates) Hz do not suit \(type): \(error.message)")
        }
        var gain = [Double](repeating: 0, count: neurons), bias = gain
        for i in 0..<neurons {
            gain[i] = typeGain[i] / scales[i]
            bias[i] = typeBias[i] - typeGain[i] * encodedMean[i] / scales[i]
        }

        // The network.
        network = try parent.network(label: label, seed: networkSeed)
        self.vocabulary = vocabulary
        input = try network.node(label: "input", sizeIn: pixels)
        hidden = try network.ensemble(
            label: "hidden", neurons: neurons, dimensions: pixels, radius: 1, encoders: Samples(encoders),
            evalPoints: Samples(trainingImages), evalPointCount: m, neuronType: type, gain: Samples(gain),
            bias: Samples(bias), normalizeEncoders: false)
        try network.connect(input, to: hidden, synapse: nil)
        let raw = try network.node(label: "visual pointer", sizeIn: d)
        decoding = try network.connect(
            hidden, to: raw, synapse: nil, functionValues: targets, solver: LstsqL2(reg: regularization),
            evalPoints: Samples(trainingImages), scaleEvalPoints: false, label: "\(label) decoders")
        visualPointer = PointerOutput(raw, vocabulary: vocabulary, name: "\(name) visual pointer")
        cleanup = try CleanupMemory(
            in: network, label: "cleanup", input: vocabulary, mapping: .keys(Vision.classKeys), selection: selection,
            neurons: cleanupNeurons)
        try network.connect(raw, to: cleanup.input.node, synapse: nil)
        if hysteresis > 0 {
            try network.connect(
                cleanup.output.node, to: cleanup.input.node, synapse: Self.hysteresisSynapse, transform: .scalar(hysteresis))
        }
        self.trainingImages = trainingImages
        self.trainingKeys = keys
        self.classPointers = Matrix(pointerRows)
    }

    public var pointerExpression: PointerExpression { output.pointerExpression }

    /// The number of neurons (hidden layer and cleanup memory; none for Direct ensembles).
    public var neuronCount: Int { network.neuronCount }

    /// How strongly any of `keys` is seen: the sum of the cleanup's selection outputs for those
    /// classes (about 1 while one of them is shown, 0 otherwise), unfiltered. Free of the
    /// cross-talk a dot product with a sum of pointers has.
    /// - Throws: `BrainKitError` for a key that is not a class.
    public func presence(of keys: [String]) throws(BrainKitError) -> ScalarOutput {
        var row = [Double](repeating: 0, count: Self.classKeys.count)
        for key in keys {
            guard let index = Self.classKeys.firstIndex(of: key) else {
                throw .validation(network.name, "presence", "'\(key)' is not a visual class")
            }
            row[index] = 1
        }
        let node = try network.node(label: "presence of \(keys.joined(separator: " "))", sizeIn: 1)
        try network.connect(cleanup.selectionOutput, to: node, synapse: nil, transform: .dense(Matrix(row: row)))
        return ScalarOutput(node, name: "\(network.name) presence of \(keys.joined(separator: ", "))")
    }

    // MARK: - Rate evaluation

    /// The visual pointers the hidden layer's steady-state rates decode from `images` (one
    /// image of 64 pixels per row), from the built parameters of `simulator`: the pointer the
    /// raw output settles to when an image is held (exact for rate neurons; the mean for
    /// spiking ones).
    /// - Throws: `BrainKitError` when the simulator does not hold this module or an image
    ///   does not have 64 pixels.
    public func decodedPointers(of images: Matrix, in simulator: Simulator) throws(BrainKitError) -> Matrix {
        guard images.columns == GlyphFont.pixelCount else {
            throw .validation(network.name, "images", "must have 64 columns (pixels), got \(images.columns)")
        }
        let built = try simulator.built(hidden)
        guard let decoders = try simulator.built(decoding).decoders else {
            throw .build(network.name, "decoding", "has no decoders in this simulator")
        }
        var currents = LinearAlgebra.multiply(images, built.scaledEncoders, transposeB: true)
        let n = hidden.neuronCount
        for row in 0..<currents.rows {
            for j in 0..<n { currents[row, j] += built.bias[j] }
        }
        let activities = Matrix(
            rows: currents.rows, columns: n, values: hidden.neuronType.rates(currents: currents.values))
        return LinearAlgebra.multiply(activities, decoders)
    }

    /// The similarity of each pointer (a row of `pointers`) to each class (columns in
    /// ``classKeys`` order).
    public func classSimilarities(_ pointers: Matrix) -> Matrix {
        LinearAlgebra.multiply(pointers, classPointers, transposeB: true)
    }

    /// The class key most similar to each row of `pointers`.
    public func bestClasses(_ pointers: Matrix) -> [String] {
        let similarities = classSimilarities(pointers)
        return (0..<similarities.rows).map { row in
            let values = similarities.row(row)
            let best = values.indices.max { values[$0] < values[$1] } ?? 0
            return Vision.classKeys[best]
        }
    }

    // MARK: - Helpers

    /// numpy's default (linear) quantile of ascending values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        guard low + 1 < sorted.count else { return sorted.last ?? first }
        return sorted[low] + (position - Double(low)) * (sorted[low + 1] - sorted[low])
    }

    /// The hidden layer's neuron type: the given one; else the network's default, with a
    /// Direct default replaced by `LIFRate`; else `LIF`.
    static func hiddenType(_ given: (any NeuronType)?, parent: Network) -> any NeuronType {
        if let given { return given }
        var network: Network? = parent
        while let current = network {
            if let type = current.defaults.neuronType { return type.isDirect ? LIFRate() : type }
            network = current.parent
        }
        return LIF()
    }
}
