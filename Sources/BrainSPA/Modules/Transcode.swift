import BrainCore
import Foundation

/// A node that maps time (and, with an input vocabulary, a pointer) to a pointer of the output
/// vocabulary (nengo_spa's `Transcode`): stimuli, cues and symbolic functions.
///
/// The function returns text in the expression language (parsed in the output vocabulary; each
/// distinct text is parsed once and remembered), a ``SemanticPointer`` or a vector. A text that
/// does not parse, or a vector of the wrong length, stops the simulation with an error (the
/// node outputs NaN, which the simulator reports naming the node); ``failure`` keeps the
/// details.
public final class Transcode: PointerExpressible {
    /// What the function gives.
    public enum Value: ExpressibleByStringLiteral {
        /// An expression in the output vocabulary, e.g. `"A + B"`.
        case text(String)
        /// A pointer of the output vocabulary.
        case pointer(SemanticPointer)
        /// A vector of the output vocabulary's dimensions.
        case vector([Double])

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// The node computing the function.
    public let node: Node
    /// The vocabulary of the input, or nil without one.
    public let inputVocabulary: Vocabulary?
    /// The vocabulary of the output.
    public let outputVocabulary: Vocabulary
    /// The routed input (with an input vocabulary).
    public let input: PointerInput?
    /// The function's value each step.
    public let output: PointerOutput
    private let state: TranscodeState

    /// The first failure of the function's value, if any.
    public var failure: BrainKitError? { state.failure }

    /// - Parameters:
    ///   - function: `(t, x)` → the output; `x` is the input as a pointer of
    ///     `inputVocabulary` (nil without one).
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - network: the network to build in.
    ///   - inputVocabulary: the vocabulary of the input; nil for no input.
    ///   - outputVocabulary: the vocabulary of the output.
    /// - Throws: `BrainKitError` when the function's value at t = 0 is not valid.
    public init(
        in network: Network, label: String = "Transcode", input inputVocabulary: Vocabulary? = nil,
        output outputVocabulary: Vocabulary, function: @escaping (Double, SemanticPointer?) -> Value
    ) throws(BrainKitError) {
        let name = "Transcode '\(label)'"
        let state = TranscodeState(vocabulary: outputVocabulary, name: name)
        let d = outputVocabulary.dimensions
        let first = function(0, try inputVocabulary.map { (v) throws(BrainKitError) in try .zero(dimensions: v.dimensions, algebra: v.algebra).reinterpreted(as: v) })
        _ = try state.vector(for: first)
        if let inputVocabulary {
            let node = try network.node(label: label, sizeIn: inputVocabulary.dimensions, sizeOut: d) { t, x in
                let pointer = SemanticPointer(unchecked: x, algebra: inputVocabulary.algebra, vocabulary: inputVocabulary.reference, name: nil)
                return state.output(for: function(t, pointer))
            }
            self.node = node
            input = PointerInput(node, vocabulary: inputVocabulary, name: "\(name) input")
        } else {
            node = try network.node(label: label, sizeOut: d) { t in state.output(for: function(t, nil)) }
            input = nil
        }
        self.inputVocabulary = inputVocabulary
        self.outputVocabulary = outputVocabulary
        self.state = state
        output = PointerOutput(node, vocabulary: outputVocabulary, name: "\(name) output")
    }

    /// A constant pointer given as text, a pointer or a vector.
    public convenience init(in network: Network, label: String = "Transcode", output: Vocabulary, constant: Value)
        throws(BrainKitError)
    {
        try self.init(in: network, label: label, output: output) { _, _ in constant }
    }

    /// The output, for expressions.
    public var pointerExpression: PointerExpression { output.pointerExpression }
}

/// The parsed texts and the first failure of one Transcode. The executor never runs a node's
/// function on two threads at once, so the cache needs no lock; the failure, read from the
/// user's thread, has one.
private final class TranscodeState {
    let vocabulary: Vocabulary
    let name: String
    private var parsed: [String: [Double]] = [:]
    /// The text of the last step and its vector: a stimulus holds one text for many steps.
    private var last: (text: String, vector: [Double])?
    private var firstFailure: BrainKitError?
    private let lock = NSLock()

    var failure: BrainKitError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    init(vocabulary: Vocabulary, name: String) {
        self.vocabulary = vocabulary
        self.name = name
    }

    func vector(for value: Transcode.Value) throws(BrainKitError) -> [Double] {
        switch value {
        case .text(let text):
            if let last, last.text == text { return last.vector }
            let vector: [Double]
            if let known = parsed[text] {
                vector = known
            } else {
                vector = try vocabulary.parse(text).vector
                parsed[text] = vector
            }
            last = (text, vector)
            return vector
        case .pointer(let pointer):
            return try check(pointer.vector)
        case .vector(let vector):
            return try check(vector)
        }
    }

    private func check(_ vector: [Double]) throws(BrainKitError) -> [Double] {
        guard vector.count == vocabulary.dimensions else {
            throw BrainKitError(
                .validation, object: name, parameter: "function",
                message: "must give \(vocabulary.dimensions) values (\(vocabulary.reference)), gave \(vector.count)")
        }
        return vector
    }

    /// The vector for the simulation: NaN on failure, which stops the simulator.
    func output(for value: Transcode.Value) -> [Double] {
        do {
            return try vector(for: value)
        } catch {
            lock.lock()
            if firstFailure == nil { firstFailure = error }
            lock.unlock()
            return [Double](repeating: .nan, count: vocabulary.dimensions)
        }
    }
}
