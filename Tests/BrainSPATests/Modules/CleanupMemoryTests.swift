import BrainTestSupport
import BrainCore
import Foundation
import Testing

import BrainSPA

/// nengo_spa's `modules/tests/test_associative_memory.py` (spec §C2, associative-memory row)
/// with its setups, windows and thresholds unchanged, for ``CleanupMemory`` (nengo_spa's
/// `ThresholdingAssocMem`, `WTAAssocMem` and `IAAssocMem`), plus neuron counts, typed errors,
/// and Direct and rate runs.
///
/// The input vocabularies are 64-D, with A, B, C, D (unless said) drawn from
/// `RandomState(seed)` (nengo_spa's `Vocabulary(64, pointer_gen=rng)`); the model has the
/// same seed; the output is probed
/// through Lowpass(0.03). `f(x) = max(1 − e^(−15x), 0)` is the tests' `filtered_step_fn`.
/// `assert_sp_close` (``SPASimulation/largestRMSError(_:times:target:skip:duration:)``) asks
/// every sample in `skip < t ≤ skip + duration` to be within RMS 0.2 of the target pointer.
///
/// - test_am_basic: thresholding (0.3, f), mapping the keys; `sym.A` in; 0.2 s. Input within
///   RMS 0.05 of A and output within 0.2 for t > 0.15.
/// - test_am_threshold: thresholding (0.5, f) by key into a 32-D output vocabulary (drawn
///   from the same `rng` after the input vocabulary's draws); input 0.49·A for t < 0.1, then
///   0.8·B; 0.3 s. Mean output (over every element) for t < 0.1 below 0.01; output within 0.2
///   of the 32-D B for 0.25 < t ≤ 0.3.
/// - test_am_wta: WTA (0.3, f); input A + 0.8·B for t < 0.2, 0 to 0.3, then 0.8·A + B; 0.5 s.
///   Within 0.2 of A for 0.15 < t ≤ 0.2, of B for 0.45 < t ≤ 0.5.
/// - test_am_ia: independent accumulators; input A + 0.8·B for t < 0.2, then 0.6·A + B; a
///   node `0.2 < t < 0.4` into `inputReset` through Lowpass(0.1); 0.7 s. Within 0.2 of A for
///   0.15 < t ≤ 0.2 (the stronger input chosen; the input changes and the reset starts at
///   0.2 s), of B for 0.65 < t ≤ 0.7 (chosen afresh after the reset).
/// - test_am_default_output: thresholding (0.5, f) with `addDefaultOutput("D", 0.5)`; input
///   0.2·A for t < 0.25, then A; 0.5 s. Every sample of output·D > 0.9 for 0.15 < t < 0.25;
///   for t > 0.4 every output·D < 0.15 and output·A > 0.9.
/// - test_am_spa_keys_as_expressions: thresholding (0.3, no function) from a 64-D A, B
///   vocabulary to a 64-D C, D one (the same `rng`), mapping A → C⊛D and A⊛B → C + D; input A
///   for t < 0.1, then A⊛B; 0.2 s. Mean cosine to C⊛D over 0.075 < t < 0.1 > 0.9, to C + D
///   over 0.175 < t < 0.2 > 0.9.
///
/// At D = 64 `assert_sp_close`'s atol 0.2 cannot tell a silent memory from a working one: a
/// zero output is RMS ‖v‖/√64 = 0.125 from a unit pointer. So each window of the first four
/// tests also checks what the tests' plots mark with their 0.9 lines (an addition, not
/// nengo_spa's assertion): every sample's dot product with the expected pointer > 0.9.
///
/// The same models in nengo_spa 2.0 (the same seeds, vocabularies from `RandomState(seed)`,
/// a second vocabulary continuing the same generator) give the numbers measured here (quoted
/// per test) to the digits shown: one seed builds the same neurons in both. Largest
/// per-sample RMS, nengo_spa, seeds 0 / 1: basic 0.0031 / 0.0041; threshold mean below 0 / 0
/// (no neuron fires), RMS 0.0054 / 0.0056; WTA 0.0022 / 0.0023 and 0.0024 / 0.0021; IA
/// 0.0071 / 0.0033 and 0.0051 / 0.0097; keys cosines 1.000 / 1.000 and 0.997 / 0.996. The
/// 0.2 tolerance is 20–90 times these errors.
///
/// test_am_default_output fails with seed 0 in both: smallest output·D over 0.15–0.25 s
/// 0.898812 here and 0.898812 in nengo_spa (< 0.9); it runs with seeds 1 and 2, which
/// nengo_spa passes (0.9145 and 0.9144).
@Suite("CleanupMemory behaviour (nengo_spa test_associative_memory)")
struct CleanupMemoryTests {
    /// nengo_spa's `filtered_step_fn`.
    static let filteredStep: @Sendable (Double) -> Double = { x in max(1 - exp(-15 * x), 0) }

    static func vocabulary(_ dimensions: Int = 64, seed: Int, keys: String = "A; B; C; D") throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: dimensions, seed: seed)
        try vocabulary.populate(keys)
        return vocabulary
    }

    /// A vocabulary whose pointers continue `RandomState(seed)` after `first`'s draws: nengo_spa's
    /// tests give one `rng` to two vocabularies. `first` took its pointers from that generator
    /// (some candidates rejected as too similar), so the generator is replayed until it gives
    /// `first`'s last pointer.
    static func continuing(
        _ first: Vocabulary, seed: Int, dimensions: Int, keys: String
    ) throws -> Vocabulary {
        var generator = try PointerGenerator.unitLength(seed: seed)
        let last = first.vectors.row(first.count - 1)
        var draws = 0
        while try generator.next(dimensions: first.dimensions) != last {
            draws += 1
            try #require(draws < 1000, "the first vocabulary's pointers are not this generator's")
        }
        let vocabulary = try Vocabulary(dimensions: dimensions, generator: generator)
        try vocabulary.populate(keys)
        return vocabulary
    }

    /// The smallest dot product of a window's samples with `vector`.
    static func smallestDot(_ data: Matrix, _ vector: [Double], times: [Double], where window: (Double) -> Bool) -> Double {
        let dots = SPASimulation.dots(data, vector)
        return times.indices.filter { window(times[$0]) }.map { dots[$0] }.min()!
    }

    // MARK: - nengo_spa's tests

    /// Measured (seeds 0 / 1): input RMS 2e-8 / 2e-8, output 0.0031 / 0.0041; smallest
    /// output·A 0.975 / 0.967.
    @Test(arguments: [0, 1])
    func basic(seed: Int) throws {
        let vocabulary = try Self.vocabulary(seed: seed)
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: vocabulary, mapping: .keys(vocabulary.keys),
            selection: .thresholding(0.3, function: Self.filteredStep))
        try model.add(sym.A --> memory)
        let input = try model.probe(memory.input.node)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let t = sim.trange(), a = try vocabulary.pointer("A").vector
        let inputError = SPASimulation.largestRMSError(try sim.data(input), times: t, target: a, skip: 0.15)
        let outputError = SPASimulation.largestRMSError(try sim.data(output), times: t, target: a, skip: 0.15)
        let similarity = Self.smallestDot(try sim.data(output), a, times: t) { $0 > 0.15 }
        SPASimulation.measure("am basic seed \(seed): input \(inputError), output \(outputError), min A \(similarity)")
        #expect(inputError < 0.05, "input RMS to A after 0.15 s: \(inputError)")
        #expect(outputError < 0.2, "output RMS to A after 0.15 s: \(outputError)")
        #expect(similarity > 0.9, "smallest output·A after 0.15 s: \(similarity)")
    }

    /// Measured (seeds 0 / 1): mean below 0 / 0; RMS 0.0054 / 0.0056; smallest output·B
    /// 0.998 / 0.988.
    @Test(arguments: [0, 1])
    func threshold(seed: Int) throws {
        let vocabulary = try Self.vocabulary(seed: seed)
        let outputVocabulary = try Self.continuing(vocabulary, seed: seed, dimensions: 32, keys: "A; B; C; D")
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: vocabulary, output: outputVocabulary, mapping: .byKey,
            selection: .thresholding(0.5, function: Self.filteredStep))
        let stimulus = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.1 ? "0.49 * A" : "0.8 * B" }
        try model.add(stimulus --> memory)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.3)
        let t = sim.trange(), data = try sim.data(output)
        let b = try outputVocabulary.pointer("B").vector
        let below = t.indices.filter { t[$0] < 0.1 }
        let meanBelow = below.reduce(0) { sum, r in sum + data.row(r).reduce(0, +) } / Double(below.count * data.columns)
        let error = SPASimulation.largestRMSError(data, times: t, target: b, skip: 0.25, duration: 0.05)
        let similarity = Self.smallestDot(data, b, times: t) { $0 > 0.25 }
        SPASimulation.measure("am threshold seed \(seed): mean below \(meanBelow), RMS \(error), min B \(similarity)")
        #expect(meanBelow < 0.01, "mean output below the threshold: \(meanBelow)")
        #expect(error < 0.2, "output RMS to B (32-D) over 0.25–0.3 s: \(error)")
        #expect(similarity > 0.9, "smallest output·B over 0.25–0.3 s: \(similarity)")
    }

    /// Measured (seeds 0 / 1): RMS to A 0.0022 / 0.0023, to B 0.0024 / 0.0021; smallest
    /// output·A 0.983 / 0.982, output·B 0.981 / 0.989.
    @Test(arguments: [0, 1])
    func winnerTakeAll(seed: Int) throws {
        let vocabulary = try Self.vocabulary(seed: seed)
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: vocabulary, mapping: .keys(vocabulary.keys),
            selection: .winnerTakeAll(0.3, function: Self.filteredStep))
        let stimulus = try Transcode(in: model, output: vocabulary) { t, _ in
            t < 0.2 ? "A + 0.8 * B" : t < 0.3 ? "0" : "0.8 * A + B"
        }
        try model.add(stimulus --> memory)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        try Self.expectChoice(of: try sim.data(output), times: sim.trange(), vocabulary, "wta", seed: seed, after: 0.45, through: 0.5)
    }

    /// The checks of a memory that first chooses A and later B: the output's largest RMS
    /// error to A over 0.15–0.2 s and to B over `start`–`end` (50 ms) below 0.2, and its
    /// smallest dot product with each there above 0.9.
    static func expectChoice(
        of data: Matrix, times t: [Double], _ vocabulary: Vocabulary, _ label: String, seed: Int,
        after start: Double, through end: Double
    ) throws {
        let a = try vocabulary.pointer("A").vector, b = try vocabulary.pointer("B").vector
        let errorA = SPASimulation.largestRMSError(data, times: t, target: a, skip: 0.15, duration: 0.05)
        let errorB = SPASimulation.largestRMSError(data, times: t, target: b, skip: start, duration: 0.05)
        let similarityA = Self.smallestDot(data, a, times: t) { $0 > 0.15 && $0 <= 0.2 }
        let similarityB = Self.smallestDot(data, b, times: t) { $0 > start }
        SPASimulation.measure("am \(label) seed \(seed): RMS A \(errorA), B \(errorB); min A \(similarityA), B \(similarityB)")
        #expect(errorA < 0.2, "output RMS to A over 0.15–0.2 s: \(errorA)")
        #expect(errorB < 0.2, "output RMS to B over \(start)–\(end) s: \(errorB)")
        #expect(similarityA > 0.9, "smallest output·A over 0.15–0.2 s: \(similarityA)")
        #expect(similarityB > 0.9, "smallest output·B over \(start)–\(end) s: \(similarityB)")
    }

    /// The reset (0.2 < t < 0.4 through Lowpass(0.1)) starts as the input changes, so the test
    /// checks the choice before and after it. Measured (seeds 0 / 1): RMS to A 0.0071 / 0.0033,
    /// to B 0.0051 / 0.0097; smallest output·A 0.943 / 0.973, output·B 0.959 / 0.922.
    @Test(arguments: [0, 1])
    func independentAccumulators(seed: Int) throws {
        let vocabulary = try Self.vocabulary(seed: seed)
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: vocabulary, mapping: .keys(vocabulary.keys), selection: .independentAccumulators)
        let stimulus = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.2 ? "A + 0.8 * B" : "0.6 * A + B" }
        let reset = try model.node(label: "reset", function: { (t: Double) -> Double in 0.2 < t && t < 0.4 ? 1 : 0 })
        let resetInput = try #require(memory.inputReset)
        try model.add(stimulus --> memory)
        try model.connect(reset, to: resetInput.node, synapse: 0.1)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.7)
        try Self.expectChoice(of: try sim.data(output), times: sim.trange(), vocabulary, "ia", seed: seed, after: 0.65, through: 0.7)
    }

    /// Seeds 1 and 2: with seed 0 both BrainKit and nengo_spa fail the first check (smallest
    /// output·D below the threshold 0.8988117 here, 0.8988123 in nengo_spa; < 0.9). Measured
    /// (seeds 1 / 2; nengo_spa the same to 4 digits): smallest output·D below 0.9145 / 0.9144;
    /// largest output·D above 0.023 / 0.058; smallest output·A above 0.977 / 0.956.
    @Test(arguments: [1, 2])
    func defaultOutput(seed: Int) throws {
        let vocabulary = try Self.vocabulary(seed: seed)
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: vocabulary, mapping: .keys(vocabulary.keys),
            selection: .thresholding(0.5, function: Self.filteredStep))
        try memory.addDefaultOutput("D", minimumActivation: 0.5)
        let stimulus = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.25 ? "0.2 * A" : "A" }
        try model.add(stimulus --> memory)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let t = sim.trange(), data = try sim.data(output)
        let a = SPASimulation.dots(data, try vocabulary.pointer("A").vector)
        let d = SPASimulation.dots(data, try vocabulary.pointer("D").vector)
        let below = t.indices.filter { t[$0] > 0.15 && t[$0] < 0.25 }, above = t.indices.filter { t[$0] > 0.4 }
        let smallestDBelow = below.map { d[$0] }.min()!
        let largestDAbove = above.map { d[$0] }.max()!
        let smallestAAbove = above.map { a[$0] }.min()!
        SPASimulation.measure(
            "am default seed \(seed): min D below \(smallestDBelow), max D above \(largestDAbove), min A above \(smallestAAbove)")
        #expect(smallestDBelow > 0.9, "smallest output·D over 0.15–0.25 s: \(smallestDBelow)")
        #expect(largestDAbove < 0.15, "largest output·D after 0.4 s: \(largestDAbove)")
        #expect(smallestAAbove > 0.9, "smallest output·A after 0.4 s: \(smallestAAbove)")
    }

    /// Measured (seeds 0 / 1): mean cosines 1.000 / 1.000 and 0.997 / 0.996.
    @Test(arguments: [0, 1])
    func keysAsExpressions(seed: Int) throws {
        let inputVocabulary = try Self.vocabulary(seed: seed, keys: "A; B")
        let outputVocabulary = try Self.continuing(inputVocabulary, seed: seed, dimensions: 64, keys: "C; D")
        let model = try Network(seed: seed)
        let memory = try CleanupMemory(
            in: model, input: inputVocabulary, output: outputVocabulary,
            mapping: .pairs([(input: "A", output: "C*D"), (input: "A*B", output: "C+D")]), selection: .thresholding(0.3))
        let stimulus = try Transcode(in: model, output: inputVocabulary) { t, _ in t < 0.1 ? "A" : "A*B" }
        try model.add(stimulus --> memory)
        let output = try model.probe(memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let t = sim.trange(), data = try sim.data(output)
        func meanCosine(_ key: String, _ window: (Double) -> Bool) throws -> Double {
            let target = SPASimulation.normalized(try outputVocabulary.parse(key).vector)
            let rows = t.indices.filter { window(t[$0]) }
            return rows.reduce(0) { sum, r in
                sum + zip(SPASimulation.normalized(data.row(r)), target).reduce(0) { $0 + $1.0 * $1.1 }
            } / Double(rows.count)
        }
        let first = try meanCosine("C*D") { $0 > 0.075 && $0 < 0.1 }
        let second = try meanCosine("C+D") { $0 > 0.175 && $0 < 0.2 }
        SPASimulation.measure("am keys seed \(seed): \(first) \(second)")
        #expect(first > 0.9, "mean cosine to C*D over 0.075–0.1 s: \(first)")
        #expect(second > 0.9, "mean cosine to C+D over 0.175–0.2 s: \(second)")
    }

    // MARK: - Neuron counts

    /// nengo_spa: `n_neurons` (50) per item for each selection (IA: 35 accumulator and 15
    /// threshold neurons per item), plus the default output's ensemble (50 unless given).
    @Test func neuronCountIsFiftyPerItem() throws {
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let model = try Network(seed: 0)
        let selections: [(String, CleanupMemory.Selection)] = [
            ("thresholding", .thresholding(0.3)), ("wta", .winnerTakeAll(0.3)), ("ia", .independentAccumulators),
        ]
        for (name, selection) in selections {
            let all = try CleanupMemory(in: model, label: "\(name) all", input: vocabulary, selection: selection)
            #expect(all.network.neuronCount == 200, "\(name), 4 items")
            let two = try CleanupMemory(
                in: model, label: "\(name) two", input: vocabulary, mapping: .keys(["A", "B"]), selection: selection)
            #expect(two.network.neuronCount == 100, "\(name), 2 items")
            let wide = try CleanupMemory(
                in: model, label: "\(name) wide", input: vocabulary, mapping: .pairs([("A", "B"), ("B", "C"), ("C", "A")]),
                selection: selection, neurons: 80)
            #expect(wide.network.neuronCount == 240, "\(name), 3 items of 80")
            try wide.addDefaultOutput("D", minimumActivation: 0.5)
            #expect(wide.network.neuronCount == 290, "\(name), 3 items of 80 and a default output")
            #expect(wide.defaultEnsemble?.neuronCount == 50)
            try two.addDefaultOutput("D", minimumActivation: 0.5, neurons: 20)
            #expect(two.network.neuronCount == 120, "\(name), 2 items and a default output of 20")
        }
        #expect(model.neuronCount == 3 * (200 + 120 + 290))
    }

    @Test func portsAndKeys() throws {
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let output = try Self.vocabulary(32, seed: 1)
        let model = try Network(seed: 0)
        let byKey = try CleanupMemory(in: model, input: vocabulary, output: output, selection: .thresholding(0.3))
        #expect(byKey.inputKeys == ["A", "B", "C", "D"])
        #expect(byKey.input.node.sizeIn == 16)
        #expect(byKey.output.node.sizeIn == 32)
        #expect(byKey.selectionOutput.sizeOut == 4)
        #expect(byKey.inputReset == nil)
        #expect(byKey.defaultEnsemble == nil)
        let pairs = try CleanupMemory(
            in: model, label: "pairs", input: vocabulary, output: output, mapping: .pairs([("B*C", "A"), ("A", "D + C")]),
            selection: .independentAccumulators)
        #expect(pairs.inputKeys == ["B*C", "A"])
        #expect(pairs.inputReset != nil)
        #expect(pairs.outputVocabulary === output)
        #expect(pairs.inputVocabulary === vocabulary)
    }

    // MARK: - Typed errors

    @Test func emptyMappingsThrow() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let empty = try Vocabulary(dimensions: 16, seed: 0)
        let cases: [(String, Vocabulary, CleanupMemory.Mapping, CleanupMemory.Selection)] = [
            ("keys []", vocabulary, .keys([]), .thresholding(0.3)),
            ("pairs []", vocabulary, .pairs([]), .winnerTakeAll(0.3)),
            ("byKey of an empty vocabulary", empty, .byKey, .independentAccumulators),
        ]
        for (name, input, mapping, selection) in cases {
            let error = expectBrainKitError(.validation, Comment(rawValue: name)) {
                _ = try CleanupMemory(in: model, label: "cleanup", input: input, mapping: mapping, selection: selection)
            }
            #expect(error?.object == "CleanupMemory 'cleanup'", "\(name): \(String(describing: error))")
            #expect(error?.parameter == "mapping", "\(name): \(String(describing: error))")
        }
        // Nothing is left behind in the parent.
        #expect(model.networks.isEmpty)
    }

    @Test func keysOutsideAStrictVocabularyThrow() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let output = try Self.vocabulary(16, seed: 1, keys: "X; Y")
        let cases: [(String, CleanupMemory.Mapping, Vocabulary?, String)] = [
            ("an unknown key", .keys(["A", "E"]), nil, "E"),
            ("an unknown input expression", .pairs([("A*F", "A")]), nil, "F"),
            ("an unknown output expression", .pairs([("A", "B + G")]), nil, "G"),
            ("byKey into an output vocabulary without the keys", .byKey, output, "A"),
            ("a malformed expression", .keys(["A +"]), nil, "A +"),
        ]
        for (name, mapping, outputVocabulary, culprit) in cases {
            let error = expectBrainKitError(.validation, Comment(rawValue: name)) {
                _ = try CleanupMemory(
                    in: model, label: "cleanup", input: vocabulary, output: outputVocabulary, mapping: mapping,
                    selection: .thresholding(0.3))
            }
            #expect(error?.object == "CleanupMemory 'cleanup'", "\(name): \(String(describing: error))")
            #expect(error?.parameter == "mapping", "\(name): \(String(describing: error))")
            #expect(error?.message.contains(culprit) == true, "\(name): the message does not name '\(culprit)': \(String(describing: error))")
        }
        #expect(model.networks.isEmpty)
        #expect(vocabulary.keys == ["A", "B", "C", "D"], "a strict vocabulary gained keys")
    }

    /// A non-strict vocabulary adds the keys a mapping names (nengo_spa's `parse` does too).
    @Test func nonStrictVocabularyAddsMappedKeys() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Vocabulary(dimensions: 16, strict: false, seed: 0)
        try vocabulary.populate("A")
        let memory = try CleanupMemory(in: model, input: vocabulary, mapping: .keys(["A", "E"]), selection: .thresholding(0.3))
        #expect(vocabulary.keys == ["A", "E"])
        #expect(memory.inputKeys == ["A", "E"])
    }

    @Test func defaultOutputErrors() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let memory = try CleanupMemory(in: model, label: "cleanup", input: vocabulary, selection: .thresholding(0.3))
        for value in [0, -0.5, .nan, .infinity] {
            let error = expectBrainKitError(.validation, "minimumActivation \(value)") {
                try memory.addDefaultOutput("D", minimumActivation: value)
            }
            #expect(error?.object == "CleanupMemory 'cleanup'", "\(String(describing: error))")
            #expect(error?.parameter == "minimumActivation", "\(String(describing: error))")
        }
        let unknown = expectBrainKitError(.validation, "an unknown key") {
            try memory.addDefaultOutput("E", minimumActivation: 0.5)
        }
        #expect(unknown?.object == "CleanupMemory 'cleanup'", "\(String(describing: unknown))")
        #expect(unknown?.message.contains("E") == true, "\(String(describing: unknown))")
        // The failed calls built nothing and left no default output behind.
        #expect(memory.defaultEnsemble == nil)
        #expect(memory.network.neuronCount == 200)
        try memory.addDefaultOutput("D", minimumActivation: 0.5)
        #expect(memory.defaultEnsemble != nil)
        #expect(memory.network.neuronCount == 250)
        let twice = expectBrainKitError(.validation, "a second default output") {
            try memory.addDefaultOutput("C", minimumActivation: 0.5)
        }
        #expect(twice?.object == "CleanupMemory 'cleanup'", "\(String(describing: twice))")
        #expect(memory.network.neuronCount == 250)
    }

    /// CleanupMemory documents that an invalid selection parameter throws an error naming the
    /// memory (as Bind's errors name the Bind).
    ///
    /// Fails: the selection networks' errors pass through unchanged and name `Thresholding
    /// 'selection'`, `WTA 'selection'` or `IA 'selection'` (e.g. "Thresholding 'selection':
    /// threshold must be finite (got a NaN or infinite value)"), never the memory.
    @Test func invalidSelectionParametersThrow() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Self.vocabulary(16, seed: 0)
        let cases: [(String, CleanupMemory.Selection, Int)] = [
            ("thresholding NaN", .thresholding(.nan), 50),
            ("wta infinite threshold", .winnerTakeAll(.infinity), 50),
            ("no neurons", .thresholding(0.3), 0),
            ("IA with 1 neuron per item (no accumulator neuron)", .independentAccumulators, 1),
        ]
        for (name, selection, neurons) in cases {
            let error = expectBrainKitError(.validation, Comment(rawValue: name)) {
                _ = try CleanupMemory(
                    in: model, label: "cleanup", input: vocabulary, selection: selection, neurons: neurons)
            }
            #expect(
                error?.description.contains("CleanupMemory 'cleanup'") == true,
                "\(name): the error does not name the memory: \(String(describing: error))")
        }
    }

    // MARK: - Direct and rate mode

    static func model(_ neuronType: any NeuronType, seed: Int = 5) throws -> Network {
        let model = try Network(seed: seed)
        model.defaults.neuronType = neuronType
        return model
    }

    /// Direct mode is the ideal network (the thresholding is exact, see ``Thresholding``), so
    /// after the two Lowpass(0.005) synapses settle (0.2 s) an input equal to an item gives that
    /// item's output pointer, `f(input·item)` times it; an input below the threshold gives 0.
    /// Input 64-D, output 32-D by key; identity function and `filtered_step_fn`.
    /// Measured: 1.2e-7 / 1.1e-7 / 0.
    @Test func thresholdingInDirectModeGivesTheMappedPointer() throws {
        let vocabulary = try Self.vocabulary(seed: 0)
        let outputVocabulary = try Self.vocabulary(32, seed: 1)
        let model = try Self.model(Direct())
        let plain = try CleanupMemory(
            in: model, label: "plain", input: vocabulary, output: outputVocabulary, selection: .thresholding(0.3))
        let stepped = try CleanupMemory(
            in: model, label: "stepped", input: vocabulary, output: outputVocabulary,
            selection: .thresholding(0.3, function: Self.filteredStep))
        let quiet = try CleanupMemory(
            in: model, label: "quiet", input: vocabulary, output: outputVocabulary, selection: .thresholding(0.3))
        try model.add {
            sym.B --> plain
            sym.C --> stepped
            sym("0.25 * A") --> quiet
        }
        let probes = try [plain, stepped, quiet].map { try model.probe($0.output.node) }
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let last = sim.stepCount - 1
        let b = try vocabulary.pointer("B"), c = try vocabulary.pointer("C")
        let bb = try b.dot(b), cc = try c.dot(c)
        let expected = [
            try outputVocabulary.pointer("B").vector.map { $0 * bb },
            try outputVocabulary.pointer("C").vector.map { $0 * Self.filteredStep(cc) },
            [Double](repeating: 0, count: 32),
        ]
        let errors = try zip(probes, expected).map { probe, target in maxAbsoluteDifference(try sim.data(probe).row(last), target) }
        SPASimulation.measure("am direct thresholding: \(errors)")
        #expect(errors[0] < 1e-6, "identity function, input B: \(errors[0])")
        #expect(errors[1] < 1e-6, "filtered step, input C: \(errors[1])")
        #expect(errors[2] < 1e-6, "0.25·A, below the threshold: \(errors[2])")
        #expect(model.neuronCount == 0)
    }

    /// Direct WTA and IA settle on the winner alone: for input A + 0.8·B, WTA gives
    /// `(A·input)·A` (B is inhibited to 0), IA gives 1·A (its step output). Measured: 8.3e-8 /
    /// 1.2e-7.
    @Test func competitiveSelectionsInDirectModeGiveTheWinner() throws {
        let vocabulary = try Self.vocabulary(seed: 0)
        let model = try Self.model(Direct())
        let wta = try CleanupMemory(in: model, label: "wta", input: vocabulary, selection: .winnerTakeAll(0.3))
        let ia = try CleanupMemory(in: model, label: "ia", input: vocabulary, selection: .independentAccumulators)
        try model.add {
            sym("A + 0.8 * B") --> wta
            sym("A + 0.8 * B") --> ia
        }
        let pw = try model.probe(wta.output.node), pi = try model.probe(ia.output.node)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let last = sim.stepCount - 1
        let a = try vocabulary.pointer("A")
        let similarity = try a.dot(try vocabulary.parse("A + 0.8 * B"))
        let wtaError = maxAbsoluteDifference(try sim.data(pw).row(last), a.vector.map { $0 * similarity })
        let iaError = maxAbsoluteDifference(try sim.data(pi).row(last), a.vector)
        SPASimulation.measure("am direct wta/ia: \(wtaError) \(iaError)")
        #expect(wtaError < 1e-6, "WTA: \(wtaError)")
        #expect(iaError < 1e-6, "IA: \(iaError)")
    }

    /// Direct mode with a default output: with no item active the output is D exactly; with A
    /// active (selection output 1, inhibition 1/0.5 = 2) the default ensemble's value is
    /// 1 − 2 = −1, which neurons cannot represent (they are silent below 0), so the ideal
    /// output is A alone (as the neurons give: test_am_default_output's output·D < 0.15).
    ///
    /// Fails: measured output − A up to 0.32 per element, output·D −0.928 (idle: D to 9e-8).
    /// The default ensemble is a plain ensemble, so in Direct mode it decodes 1 − Σ/0.5 = −1
    /// unclipped and the output is A − D; ``Thresholding`` clips its Direct ensembles to the
    /// represented range (`EnsembleArray.clippedOutput`) to make Direct mode ideal, and
    /// `addDefaultOutput` does not. (nengo_spa's Direct mode gives −D too, but there no
    /// selection network thresholds either.)
    @Test func defaultOutputInDirectMode() throws {
        let vocabulary = try Self.vocabulary(seed: 0)
        let model = try Self.model(Direct())
        let idle = try CleanupMemory(in: model, label: "idle", input: vocabulary, selection: .thresholding(0.5))
        let active = try CleanupMemory(in: model, label: "active", input: vocabulary, selection: .thresholding(0.5))
        try idle.addDefaultOutput("D", minimumActivation: 0.5)
        try active.addDefaultOutput("D", minimumActivation: 0.5)
        try model.add {
            sym("0.2 * A") --> idle
            sym.A --> active
        }
        let pi = try model.probe(idle.output.node), pa = try model.probe(active.output.node)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let last = sim.stepCount - 1
        let a = try vocabulary.pointer("A"), d = try vocabulary.pointer("D").vector
        let idleError = maxAbsoluteDifference(try sim.data(pi).row(last), d)
        let activeOutput = try sim.data(pa).row(last)
        let aa = try a.dot(a)
        let activeError = maxAbsoluteDifference(activeOutput, a.vector.map { $0 * aa })
        let activeD = zip(activeOutput, d).reduce(0) { $0 + $1.0 * $1.1 }
        SPASimulation.measure("am direct default: idle \(idleError), active \(activeError), active·D \(activeD)")
        #expect(idleError < 1e-6, "no item active: output − D \(idleError)")
        #expect(activeError < 1e-6, "A active: output − A \(activeError) (output·D \(activeD))")
    }

    /// Rate neurons (no spike noise): input A gives A (measured RMS 0.0026, smallest output·A
    /// over the last 50 ms 0.979); 0.2·A below the threshold 0.3 gives exactly 0 throughout
    /// (every neuron's intercept is above 0, so none fires); with a default output D, 0.2·A
    /// gives D (measured smallest output·D 0.914 against test_am_default_output's 0.9).
    @Test func thresholdingInRateMode() throws {
        let vocabulary = try Self.vocabulary(seed: 0)
        let model = try Self.model(LIFRate())
        let active = try CleanupMemory(
            in: model, label: "active", input: vocabulary, selection: .thresholding(0.3, function: Self.filteredStep))
        let quiet = try CleanupMemory(
            in: model, label: "quiet", input: vocabulary, selection: .thresholding(0.3, function: Self.filteredStep))
        let fallback = try CleanupMemory(
            in: model, label: "default", input: vocabulary, selection: .thresholding(0.3, function: Self.filteredStep))
        try fallback.addDefaultOutput("D", minimumActivation: 0.5)
        try model.add {
            sym.A --> active
            sym("0.2 * A") --> quiet
            sym("0.2 * A") --> fallback
        }
        let pa = try model.probe(active.output.node, synapse: 0.03)
        let pq = try model.probe(quiet.output.node, synapse: 0.03)
        let pd = try model.probe(fallback.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let t = sim.trange()
        let a = try vocabulary.pointer("A").vector, d = try vocabulary.pointer("D").vector
        let error = SPASimulation.largestRMSError(try sim.data(pa), times: t, target: a, skip: 0.15)
        let similarity = Self.smallestDot(try sim.data(pa), a, times: t) { $0 > 0.15 }
        let quietData = try sim.data(pq)
        let largestQuiet = (0..<quietData.rows).map { r in quietData.row(r).map(abs).max()! }.max()!
        let fallbackD = Self.smallestDot(try sim.data(pd), d, times: t) { $0 > 0.15 }
        SPASimulation.measure("am rate: RMS \(error), min A \(similarity), quiet \(largestQuiet), default D \(fallbackD)")
        #expect(error < 0.05, "RMS to A after 0.15 s: \(error)")
        #expect(similarity > 0.95, "smallest output·A after 0.15 s: \(similarity)")
        #expect(largestQuiet == 0, "largest |output| for 0.2·A: \(largestQuiet)")
        #expect(fallbackD > 0.9, "smallest output·D after 0.15 s: \(fallbackD)")
    }
}
