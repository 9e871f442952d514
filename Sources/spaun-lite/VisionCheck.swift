import ArgumentParser
import BrainKit
import Foundation
import SpaunLite

extension SpaunLiteCommand {
    /// `spaun-lite vision --seed 2 --threshold 0.25 --threshold 0.15`: the vision cleanup's
    /// similarities and selections on the training images, by cross-validation, for choosing its
    /// threshold, and (`--neurons`, `--distorted-copies`, `--regularization`, the `--max-…`
    /// distortions, `--receptive-field-…`, `--intercept-quantile-…`, `--glyphs-per-symbol`) the
    /// size of its hidden layer and its training set.
    ///
    /// Only the training part of the shipped digits' split (``DigitImages/split(blocks:heldOutEvery:)``)
    /// is used; the held-out images the batteries report are not. Each of `folds` visions is
    /// trained on all but one fold (``DigitImages/fold(_:of:blocks:)``, the training images cut
    /// into `--blocks` contiguous blocks; with `--blocks` equal to `--folds` each fold is one
    /// contiguous run of writers, so few writers are both trained on and validated) and shown
    /// that fold. `--rates-only` skips the spiking runs. Printed, pooled over folds:
    /// - rates: each validation image's steady-state similarities to the 24 classes;
    /// - spiking, for each threshold: each validation image in A1's order (`[`, the image, `]`,
    ///   a blank, 0.2 s each); the similarities of the visual pointer through the cleanup's
    ///   5 ms filter (mean over the image's last 100 ms); whether the cleanup selected the
    ///   right class (selection output above 0.5 for at least 50 ms of the image), a wrong one or
    ///   none, and how often the right class alone stayed above 0.75 for 50 ms (storing a digit
    ///   needs its presence above about 0.6); the right class's selection output over the
    ///   image's last 100 ms; and on the blanks (from 30 ms in), the highest class similarity
    ///   at each step and whether any class's selection output stayed above 0.5 for 20 ms.
    struct VisionCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vision",
            abstract: "The vision cleanup's similarities and selections on the training images, by cross-validation.")

        @Option(help: "Seed of the visions (a model's vision is built with the model's seed).")
        var seed = 0

        @Option(help: "Dimensions of the main vocabulary.")
        var dimensions = 64

        @Option(help: "Cross-validation folds of the training images (2...blocks).")
        var folds = 5

        @Option(help: "Contiguous blocks the training images are cut into; block b validates in fold b % folds (equal to --folds: each fold one contiguous run of writers).")
        var blocks = 10

        @Option(help: "The cleanup's winner-take-all threshold (repeatable; one spiking run each).")
        var threshold: [Double] = [Vision.defaultThreshold]

        @Option(help: "The cleanup's hysteresis (its output fed back to its input; 0: none).")
        var hysteresis = Vision.defaultHysteresis

        @Option(help: "Neurons of the visions' hidden layer.")
        var neurons = Vision.defaultNeurons

        @Option(help: "Distorted copies of each training image the visions train on.")
        var distortedCopies = Vision.defaultDistortedCopies

        @Option(help: "The regularization of the visions' decoders.")
        var regularization = Vision.defaultRegularization

        @Option(help: "Largest rotation in degrees of the distorted copies.")
        var maxRotation = ImageDistortion.standard.maxRotation

        @Option(help: "Largest relative change of size of the distorted copies.")
        var maxScale = ImageDistortion.standard.maxScale

        @Option(help: "Largest horizontal shear of the distorted copies.")
        var maxShear = ImageDistortion.standard.maxShear

        @Option(help: "Largest shift in pixels of the distorted copies.")
        var maxShift = ImageDistortion.standard.maxShift

        @Option(help: "Largest local displacement in pixels of the distorted copies' control points.")
        var maxElastic = ImageDistortion.standard.maxElastic

        @Option(help: "Largest blend of the distorted copies with their dilated or eroded image.")
        var maxThickness = ImageDistortion.standard.maxThickness

        @Option(help: "Largest relative change of the distorted copies' ink.")
        var maxInk = ImageDistortion.standard.maxInk

        @Option(help: "Smallest side in pixels of the hidden neurons' receptive fields.")
        var receptiveFieldMin = Vision.defaultReceptiveField.lowerBound

        @Option(help: "Largest side in pixels of the hidden neurons' receptive fields.")
        var receptiveFieldMax = Vision.defaultReceptiveField.upperBound

        @Option(help: "Jittered renderings of each class glyph the visions train on.")
        var glyphsPerSymbol = Vision.defaultGlyphsPerSymbol

        @Option(help: "Smallest quantile of its training projections at which a hidden neuron's intercept lies.")
        var interceptQuantileMin = Vision.defaultInterceptQuantiles.lowerBound

        @Option(help: "Largest quantile of its training projections at which a hidden neuron's intercept lies.")
        var interceptQuantileMax = Vision.defaultInterceptQuantiles.upperBound

        @Flag(help: "Only the rate figures (no spiking runs).")
        var ratesOnly = false

        @Option(help: "Threads.")
        var threads = 1

        /// What one threshold's spiking runs gave, pooled over folds.
        struct Tally {
            var similarities: [[Double]] = [], labels: [String] = [], strengths: [Double] = []
            var right = 0, wrong: [String] = [], none: [String] = [], strongRight = 0
            var blankSimilarities: [Double] = [], blankSelected = 0, blankStrongest = 0.0
        }

        func run() throws {
            guard blocks >= 2 else { throw ValidationError("--blocks must be at least 2, got \(blocks)") }
            guard (2...blocks).contains(folds) else { throw ValidationError("--folds must be in 2...\(blocks), got \(folds)") }
            let training = try DigitImages.shipped().split().training
            let vocabulary = try SpaunVocabularies(dimensions: dimensions).main
            var rateSimilarities: [[Double]] = [], rateLabels: [String] = []
            var tallies = [Tally](repeating: Tally(), count: threshold.count)
            for fold in 0..<folds {
                let (fit, validating) = try training.fold(fold, of: folds, blocks: blocks)
                let validation = validating.images
                let labels = validation.map { Vision.digitKeys[$0.label] }
                print("fold \(fold): trained on \(fit.images.count) images, validated on \(validation.count)")

                let network = try Network(label: "vision check", seed: seed)
                let vision = try makeVision(in: network, vocabulary: vocabulary, fit: fit, selection: Vision.defaultSelection)
                let simulator = try Simulator(network, seed: seed, threads: threads)
                let similarities = vision.classSimilarities(
                    try vision.decodedPointers(of: Matrix(validation.map(\.pixels)), in: simulator))
                rateSimilarities += (0..<similarities.rows).map { similarities.row($0) }
                rateLabels += labels

                for (t, value) in threshold.enumerated() where !ratesOnly {
                    try spikingRun(
                        threshold: value, fit: fit, validation: validation, labels: labels, vocabulary: vocabulary,
                        into: &tallies[t])
                }
            }
            report("rates", similarities: rateSimilarities, labels: rateLabels)
            for (value, tally) in zip(threshold, tallies) where !ratesOnly {
                report("spiking, threshold \(value)", similarities: tally.similarities, labels: tally.labels)
                print("  cleanup: \(tally.right) right, \(tally.wrong.count) wrong, \(tally.none.count) nothing of \(tally.labels.count)")
                print("  right class's selection output, last 100 ms of the image: \(quantiles(tally.strengths))")
                print("  right class alone above 0.75 for 50 ms: \(tally.strongRight) of \(tally.labels.count)")
                print("  blanks: highest similarity per step \(quantiles(tally.blankSimilarities))")
                print(String(format: "  blanks: selection output up to %.3f; a class above 0.5 for 20 ms in %d of %d blanks",
                    tally.blankStrongest, tally.blankSelected, tally.labels.count))
                if !tally.wrong.isEmpty { print("  wrong: \(tally.wrong.joined(separator: ", "))") }
                if !tally.none.isEmpty { print("  nothing: \(tally.none.joined(separator: ", "))") }
            }
        }

        /// A vision trained on `fit` with these options' size, training and hysteresis.
        func makeVision(
            in network: Network, vocabulary: Vocabulary, fit: DigitImages, selection: CleanupMemory.Selection
        ) throws -> Vision {
            guard interceptQuantileMin <= interceptQuantileMax else {
                throw ValidationError("--intercept-quantile-min must not exceed --intercept-quantile-max")
            }
            guard receptiveFieldMin <= receptiveFieldMax else {
                throw ValidationError("--receptive-field-min must not exceed --receptive-field-max")
            }
            let distortion = try ImageDistortion(
                maxRotation: maxRotation, maxScale: maxScale, maxShear: maxShear, maxShift: maxShift, maxElastic: maxElastic,
                maxThickness: maxThickness, maxInk: maxInk)
            return try Vision(
                in: network, vocabulary: vocabulary, handwriting: fit, distortedCopies: distortedCopies,
                distortion: distortion, neurons: neurons, receptiveField: receptiveFieldMin...receptiveFieldMax,
                glyphsPerSymbol: glyphsPerSymbol, interceptQuantiles: interceptQuantileMin...interceptQuantileMax,
                regularization: regularization, selection: selection, hysteresis: hysteresis, seed: seed)
        }

        /// Shows `validation` in A1's order to a spiking vision trained on `fit` and adds what
        /// it selected to `tally`.
        func spikingRun(
            threshold value: Double, fit: DigitImages, validation: [DigitImages.Image], labels: [String],
            vocabulary: Vocabulary, into tally: inout Tally
        ) throws {
            let network = try Network(label: "vision check", seed: seed)
            let vision = try makeVision(
                in: network, vocabulary: vocabulary, fit: fit, selection: Vision.selection(threshold: value))
            var rng = RandomState(seed: seed)
            let blank = [Double](repeating: 0, count: GlyphFont.pixelCount)
            var shown: [[Double]] = []
            for image in validation {
                shown += [
                    GlyphFont.standard.render(.open, rng: &rng), image.pixels, GlyphFont.standard.render(.close, rng: &rng),
                    blank,
                ]
            }
            let screen = try network.node(label: "screen", process: try PresentInput(inputs: shown, presentationTime: 0.2))
            try network.connect(screen, to: vision.input, synapse: nil)
            let pointer = try network.probe(vision.visualPointer.node, synapse: 0.005)
            let selected = try network.probe(vision.cleanup.selectionOutput, synapse: 0.01)
            let simulator = try Simulator(network, seed: seed, threads: threads)
            try simulator.run(seconds: 0.2 * Double(shown.count))
            let pointers = try simulator.data(pointer), selections = try simulator.data(selected)
            let steps = Int((0.2 / simulator.dt).rounded()), classes = Vision.classKeys.count
            for (index, label) in labels.enumerated() {
                let imageSteps = ((4 * index + 1) * steps)..<((4 * index + 2) * steps)
                let blankSteps = ((4 * index + 3) * steps + 30)..<((4 * index + 4) * steps)
                var blankHeld = [Int](repeating: 0, count: classes)
                for step in blankSteps {
                    tally.blankSimilarities.append(vision.classSimilarities(Matrix(row: pointers.row(step))).row(0).max() ?? 0)
                    tally.blankStrongest = max(tally.blankStrongest, selections.row(step).max() ?? 0)
                    for c in 0..<classes where selections[step, c] > 0.5 { blankHeld[c] += 1 }
                }
                if blankHeld.contains(where: { $0 >= 20 }) { tally.blankSelected += 1 }
                var mean = [Double](repeating: 0, count: pointers.columns)
                for step in imageSteps.suffix(100) {
                    for c in 0..<pointers.columns { mean[c] += pointers[step, c] / 100 }
                }
                tally.similarities.append(vision.classSimilarities(Matrix(row: mean)).row(0))
                tally.labels.append(label)
                let column = Vision.classKeys.firstIndex(of: label) ?? 0
                tally.strengths.append(imageSteps.suffix(100).reduce(0) { $0 + selections[$1, column] } / 100)
                var held = [Int](repeating: 0, count: classes), strong = [Int](repeating: 0, count: classes)
                for step in imageSteps {
                    for c in 0..<classes where selections[step, c] > 0.5 { held[c] += 1 }
                    for c in 0..<classes where selections[step, c] > 0.75 { strong[c] += 1 }
                }
                if strong[column] >= 50 && strong.indices.allSatisfy({ $0 == column || strong[$0] < 50 }) { tally.strongRight += 1 }
                let chosen = held.indices.filter { held[$0] >= 50 }.map { Vision.classKeys[$0] }
                let line = "line \(validation[index].line) (\(label))"
                if chosen == [label] {
                    tally.right += 1
                } else if chosen.isEmpty {
                    tally.none.append(line)
                } else {
                    tally.wrong.append("\(line) → \(chosen.joined(separator: "+"))")
                }
            }
        }

        /// The 0, 1, 2, 5, 10, 50, 90, 99 and 100 % quantiles of `values`.
        func quantiles(_ values: [Double]) -> String {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return "none" }
            return [0, 0.01, 0.02, 0.05, 0.1, 0.5, 0.9, 0.99, 1].map { q in
                String(format: "%.3f", sorted[min(Int((q * Double(sorted.count - 1)).rounded()), sorted.count - 1)])
            }.joined(separator: " ")
        }

        /// Prints the distributions of the right class's similarity, the best wrong one and
        /// their margin for the images read right, and the images misread.
        func report(_ title: String, similarities: [[Double]], labels: [String]) {
            var rightValues: [Double] = [], wrongBest: [Double] = [], margins: [Double] = [], misread: [String] = []
            for (values, label) in zip(similarities, labels) {
                let index = Vision.classKeys.firstIndex(of: label) ?? 0
                let others = values.enumerated().filter { $0.offset != index }.map(\.element).max() ?? 0
                if values[index] > others {
                    rightValues.append(values[index])
                    wrongBest.append(others)
                    margins.append(values[index] - others)
                } else {
                    let best = values.indices.max { values[$0] < values[$1] } ?? 0
                    misread.append(String(format: "%.2f/%.2f", values[best], values[index]))
                }
            }
            print("\(title): \(rightValues.count) of \(labels.count) read right (quantiles 0 1 2 5 10 50 90 99 100 %)")
            print("  right class, read right:      \(quantiles(rightValues))")
            print("  best wrong class, read right: \(quantiles(wrongBest))")
            print("  margin, read right:           \(quantiles(margins))")
            print("  lowest right: \(rightValues.sorted().prefix(15).map { String(format: "%.3f", $0) }.joined(separator: " "))")
            print("  misread (best/right): \(misread.joined(separator: " "))")
        }
    }
}
