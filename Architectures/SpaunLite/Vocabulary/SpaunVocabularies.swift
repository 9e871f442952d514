import BrainCore
import BrainSPA
import SpaunLiteVocab

/// Spaun-lite's vocabularies (Spaun 2.0's `vocabulator.py`, smaller):
///
/// - **main** (D dimensions): the numbers `ZER` and `ADD` (unitary), `ONE = ZER⊛ADD`, …,
///   `NIN = EIG⊛ADD`; the positions `POS1` and `INC` (unitary), `POS2 = POS1⊛INC`, …,
///   `POS8 = POS7⊛INC`, and `POS0 = POS1⊛~INC` (where reverse recall ends); the other visual classes `OPEN CLOSE SPACE QM A C F K L M P R V W`.
///   The visual classes are the digits and these symbols (``Vision/classKeys``); the motor
///   system writes the digits.
/// - **task** (``controlDimensions``): `X` (no task yet) and the task pointers
///   `W R L M C A V F` of A0…A7.
/// - **state**: `TRANS0 TRANS1 TRANS2` (which list of a task is being read), `QAP QAK` (the
///   question of A5), `REV` (reverse recall).
/// - **dec** (what the response phase does): `NONE` (still reading), `FWD` and `REV` (recall a
///   list), `CNT` (count), `ONCE` (write one item), `DONE`, `KIND` (write a position's number).
///
/// Each is made by ``recipe(_:dimensions:)`` from `RandomState(seed)` with a largest similarity
/// of 0.1 between random pointers, and shipped as `Vocab/Files/<name>-<D>.vocab`; a model
/// loads the file when there is one and otherwise makes the vocabulary by the recipe.
public struct SpaunVocabularies {
    /// The vocabularies' names.
    public enum Name: String, CaseIterable, Sendable {
        /// Numbers, positions and visual symbols.
        case main
        /// The task pointers.
        case task
        /// The parts of a task.
        case state
        /// What the response phase does.
        case dec
    }

    /// The dimensions of the task, state and dec vocabularies (fixed; the main one is chosen).
    public static let controlDimensions = 32
    /// The seed of every recipe.
    public static let seed = 2012

    /// The number keys `ZER` … `NIN`.
    public static let digitKeys = ["ZER", "ONE", "TWO", "THR", "FOR", "FIV", "SIX", "SEV", "EIG", "NIN"]
    /// The position keys `POS1` … `POS8`.
    public static let positionKeys = (1...8).map { "POS\($0)" }
    /// The other visual classes.
    public static let symbolKeys = ["OPEN", "CLOSE", "SPACE", "QM", "A", "C", "F", "K", "L", "M", "P", "R", "V", "W"]
    /// The task pointers of A0…A7, in order.
    public static let taskKeys = ["W", "R", "L", "M", "C", "A", "V", "F"]
    /// The transformations induction can find (expressions of the main vocabulary): a list's
    /// shift by k positions, `INCᵏ` for k = −3…3 (positions are `POS1 ⊛ INCⁿ`, so `POSn ⊛ INCᵏ
    /// = POSn+k`; `INC⁰` is `Identity`, no change), and a step of every number by ±1 or ±2,
    /// `ADD^±1`, `ADD^±2` (numbers are `ZER ⊛ ADDⁿ`). The rule cleanup
    /// (`Transformation.rule`) gives the one most like the examples' average change.
    public static let transformationKeys = [
        "~INC * ~INC * ~INC", "~INC * ~INC", "~INC", "Identity", "INC", "INC * INC", "INC * INC * INC",
        "~ADD * ~ADD", "~ADD", "ADD", "ADD * ADD",
    ]

    /// The main vocabulary: numbers, positions, visual symbols.
    public let main: Vocabulary
    /// The task pointers.
    public let task: Vocabulary
    /// The parts of a task.
    public let state: Vocabulary
    /// What the response phase does.
    public let dec: Vocabulary

    /// The vocabularies for a main vocabulary of `dimensions`: the shipped files, or the
    /// recipe for a size without one.
    /// - Throws: `BrainKitError` for invalid dimensions (HRR: ≥ 1) or a malformed file.
    public init(dimensions: Int) throws(BrainKitError) {
        main = try Self.vocabulary(.main, dimensions: dimensions)
        task = try Self.vocabulary(.task, dimensions: Self.controlDimensions)
        state = try Self.vocabulary(.state, dimensions: Self.controlDimensions)
        dec = try Self.vocabulary(.dec, dimensions: Self.controlDimensions)
    }

    /// The file name (without `.vocab`) of a vocabulary.
    public static func fileName(_ name: Name, dimensions: Int) -> String { "\(name.rawValue)-\(dimensions)" }

    /// The shipped file of `name` at `dimensions`, loaded, or the recipe's vocabulary.
    public static func vocabulary(_ name: Name, dimensions: Int) throws(BrainKitError) -> Vocabulary {
        let file = fileName(name, dimensions: dimensions)
        if let text = SpaunLiteVocabularyFiles.text(named: file) {
            return try Vocabulary.load(fileText: text, source: "\(file).vocab")
        }
        return try recipe(name, dimensions: dimensions)
    }

    /// The vocabulary `name` made from its recipe (see the type's documentation).
    public static func recipe(_ name: Name, dimensions: Int) throws(BrainKitError) -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: dimensions, name: name.rawValue, seed: seed)
        switch name {
        case .main:
            try vocabulary.populate("ZER.unitary()")
            try addChain(to: vocabulary, step: "ADD", keys: digitKeys)
            try vocabulary.populate("POS1.unitary()")
            try addChain(to: vocabulary, step: "INC", keys: positionKeys, before: "POS0")
            try vocabulary.populate(symbolKeys.joined(separator: "; "))
        case .task: try vocabulary.populate((["X"] + taskKeys).joined(separator: "; "))
        case .state: try vocabulary.populate("TRANS0; TRANS1; TRANS2; QAP; QAK; REV")
        case .dec: try vocabulary.populate("NONE; FWD; REV; CNT; ONCE; DONE; KIND")
        }
        return vocabulary
    }

    /// The candidates the recipe draws at most for the step of a chain (`ADD`, `INC`).
    public static let chainAttempts = 1000

    /// Adds a unitary `step` and the keys it derives from `keys[0]` (already in `vocabulary`):
    /// `keys[k] = keys[0] ⊛ stepᵏ`, and `before = keys[0] ⊛ ~step` when given.
    ///
    /// For a unitary step, `keys[i] · keys[j] = (stepʲ⁻ⁱ)₀`: how alike two keys of the chain are
    /// depends on the step alone, and for a random step they are alike by about `1/√D` (0.15
    /// at D = 64), so unbinding one position of a list lets its neighbours' items through.
    /// Of up to ``chainAttempts`` unitary candidates (each drawn as an independent key is), the
    /// step is the first whose chain keys all have `|dot|` below the vocabulary's
    /// `maxSimilarity` with one another, or else the one whose largest `|dot|` is smallest (at
    /// small D no step meets the bound).
    static func addChain(
        to vocabulary: Vocabulary, step: String, keys: [String], before: String? = nil
    ) throws(BrainKitError) {
        let start = try vocabulary.pointer(keys[0])
        var best: (step: SemanticPointer, chain: [SemanticPointer], similarity: Double)?
        for _ in 0..<chainAttempts {
            let candidate = try vocabulary.createPointer(methods: [.unitary])
            var chain = [start]
            for _ in keys.dropFirst() { chain.append(try chain[chain.count - 1] * candidate) }
            if before != nil { chain.append(try start * (try ~candidate)) }
            let similarity = try largestSimilarity(in: chain)
            if best == nil || similarity < best!.similarity { best = (candidate, chain, similarity) }
            if similarity < vocabulary.maxSimilarity { break }
        }
        guard let best else { return }
        try vocabulary.add(step, best.step)
        for (key, pointer) in zip(keys.dropFirst() + (before.map { [$0] } ?? []), best.chain.dropFirst()) {
            try vocabulary.add(key, pointer)
        }
    }

    /// The largest `|dot|` of two different pointers of `chain`.
    private static func largestSimilarity(in chain: [SemanticPointer]) throws(BrainKitError) -> Double {
        var largest = 0.0
        for i in chain.indices {
            for j in chain.indices where j > i { largest = max(largest, abs(try chain[i].dot(chain[j]))) }
        }
        return largest
    }
}
