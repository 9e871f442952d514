import BrainCore
import Foundation

/// A set of named semantic pointers of one dimensionality and algebra (nengo_spa's
/// `Vocabulary`).
///
/// Keys are ordered by insertion and follow `[A-Z][_a-zA-Z0-9]*`; `None`, `True`, `False`,
/// `Identity`, `Zero`, `AbsorbingElement` and `NegativeIdentity` are reserved (the last four
/// always mean the algebra's special elements). New pointers come from the vocabulary's
/// ``PointerGenerator`` and are kept nearly orthogonal to the existing ones: of up to 100
/// candidates, the first whose largest dot product with the existing pointers is below
/// ``maxSimilarity`` is taken, or, if none is, the one whose largest dot product is smallest
/// (and a note is added to ``warnings``).
///
/// A strict vocabulary (the default) throws for an unknown key; a non-strict one adds it, so
/// that its vectors depend on the order keys are first used. Expressions (``parse(_:)-(String)``,
/// ``populate(_:)``) are parsed by a grammar with Python's precedence, never evaluated as code.
public final class Vocabulary: CustomStringConvertible {
    /// The name used in messages.
    public let name: String
    /// The pointers' dimensions.
    public let dimensions: Int
    /// The algebra that binds its pointers (default ``HRR``).
    public let algebra: any Algebra
    /// Whether unknown keys are errors (true) or added on first use (false).
    public let strict: Bool
    /// The largest dot product a new random pointer may have with the existing ones.
    public let maxSimilarity: Double
    /// The identity that this vocabulary's pointers carry.
    public let reference: VocabularyReference
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// What nengo_spa would have warned about (a pointer that could not be made as
    /// dissimilar as ``maxSimilarity`` asks).
    public internal(set) var warnings: [String] = []

    private var rows: [[Double]] = []
    private var index: [String: Int] = [:]
    var generator: PointerGenerator

    /// - Parameters:
    ///   - dimensions: the pointers' length; valid for `algebra`.
    ///   - name: the name used in messages.
    ///   - strict: whether unknown keys are errors.
    ///   - maxSimilarity: the largest dot product of a new pointer with the existing ones
    ///     (finite).
    ///   - algebra: HRR by default.
    ///   - generator: where new pointers come from (seed it for reproducible vectors).
    /// - Throws: `BrainKitError` naming the vocabulary and the parameter.
    public init(
        dimensions: Int, name: String = "vocabulary", strict: Bool = true, maxSimilarity: Double = 0.1,
        algebra: any Algebra = HRR(), generator: PointerGenerator
    ) throws(BrainKitError) {
        let object = "Vocabulary '\(name)'"
        try Check.atLeast(dimensions, 1, object, "dimensions")
        try algebra.checkDimensions(dimensions, object)
        try Check.finite([maxSimilarity], object, "maxSimilarity")
        self.name = name
        self.dimensions = dimensions
        self.algebra = algebra
        self.strict = strict
        self.maxSimilarity = maxSimilarity
        self.generator = generator
        self.reference = VocabularyReference(id: Self.nextIdentifier(), name: name, dimensions: dimensions)
    }

    /// A vocabulary whose pointers are unit-length Gaussian vectors drawn from
    /// `RandomState(seed)`: the same vectors as nengo_spa's
    /// `Vocabulary(dimensions, pointer_gen=np.random.RandomState(seed))` (nil: unseeded).
    public convenience init(
        dimensions: Int, name: String = "vocabulary", strict: Bool = true, maxSimilarity: Double = 0.1,
        algebra: any Algebra = HRR(), seed: Int?
    ) throws(BrainKitError) {
        let generator = try seed.map { (seed) throws(BrainKitError) in try PointerGenerator.unitLength(seed: seed) }
            ?? PointerGenerator.unseeded()
        try self.init(
            dimensions: dimensions, name: name, strict: strict, maxSimilarity: maxSimilarity, algebra: algebra,
            generator: generator)
    }

    private static let identifiers = NSLock()
    nonisolated(unsafe) private static var lastIdentifier = 0

    private static func nextIdentifier() -> Int {
        identifiers.lock()
        defer { identifiers.unlock() }
        lastIdentifier += 1
        return lastIdentifier
    }

    var object: String { "Vocabulary '\(name)'" }

    public var description: String { "Vocabulary '\(name)' (\(dimensions)-D \(algebra.name), \(keys.count) keys)" }

    /// The number of pointers.
    public var count: Int { keys.count }

    /// The pointers as rows of a count × dimensions matrix, in key order.
    public var vectors: Matrix {
        Matrix(rows: rows.count, columns: dimensions, values: rows.flatMap { $0 })
    }

    /// Whether `key` names a pointer of this vocabulary.
    public func contains(_ key: String) -> Bool { index[key] != nil }

    /// The pointer of `key`, or nil if there is none (never adds a key).
    public subscript(key: String) -> SemanticPointer? {
        index[key].map { SemanticPointer(unchecked: rows[$0], algebra: algebra, vocabulary: reference, name: key) }
    }

    /// The pointer of `key`; a non-strict vocabulary adds an unknown key.
    /// - Throws: `BrainKitError` for an invalid key, or an unknown key in a strict vocabulary.
    public func pointer(_ key: String) throws(BrainKitError) -> SemanticPointer {
        if let pointer = self[key] { return pointer }
        try Self.checkKey(key, object)
        guard !strict else {
            throw BrainKitError(
                .validation, object: object, parameter: "key",
                message: "'\(key)' is not in this strict vocabulary (keys: \(keyList))")
        }
        let pointer = try createPointer()
        try add(key, pointer)
        return self[key] ?? pointer
    }

    var keyList: String { keys.isEmpty ? "none" : keys.prefix(12).joined(separator: ", ") + (keys.count > 12 ? ", …" : "") }

    /// Adds `pointer` under `key`.
    /// - Throws: `BrainKitError` for an invalid or existing key, or a pointer of another
    ///   vocabulary, algebra or dimensionality.
    public func add(_ key: String, _ pointer: SemanticPointer) throws(BrainKitError) {
        try Self.checkKey(key, object)
        guard index[key] == nil else {
            throw BrainKitError(.validation, object: object, parameter: "key", message: "'\(key)' is already in the vocabulary")
        }
        if let other = pointer.vocabulary, other != reference {
            throw BrainKitError(
                .validation, object: object, parameter: key,
                message: "is a pointer of \(other); reinterpret or translate it first")
        }
        guard pointer.algebra.isSame(as: algebra) else {
            throw BrainKitError(
                .validation, object: object, parameter: key,
                message: "is in the \(pointer.algebra.name) algebra, the vocabulary in \(algebra.name)")
        }
        guard pointer.dimensions == dimensions else {
            throw BrainKitError(
                .validation, object: object, parameter: key,
                message: "has \(pointer.dimensions) dimensions, the vocabulary \(dimensions)")
        }
        index[key] = rows.count
        keys.append(key)
        rows.append(pointer.vector)
    }

    /// Adds `vector` under `key`.
    public func add(_ key: String, vector: [Double]) throws(BrainKitError) {
        try add(key, try SemanticPointer(vector, vocabulary: self, name: key))
    }

    /// A new random pointer, as dissimilar from the existing ones as ``maxSimilarity`` asks
    /// (not added to the vocabulary).
    /// - Parameters:
    ///   - attempts: candidates to draw at most (≥ 1).
    ///   - methods: applied to each candidate before it is compared (e.g. `[.unitary]`).
    public func createPointer(attempts: Int = 100, methods: [PointerMethod] = []) throws(BrainKitError) -> SemanticPointer {
        try Check.atLeast(attempts, 1, object, "attempts")
        var best: (pointer: SemanticPointer, similarity: Double)?
        for _ in 0..<attempts {
            var candidate = SemanticPointer(
                unchecked: try generator.next(dimensions: dimensions), algebra: algebra, vocabulary: reference, name: nil)
            for method in methods { candidate = try candidate.applying(method) }
            if rows.isEmpty { return candidate }
            let similarity = dot(candidate.vector).max() ?? 0
            if similarity < maxSimilarity { return candidate }
            if best == nil || similarity < best!.similarity { best = (candidate, similarity) }
        }
        guard let best else {
            throw BrainKitError(.validation, object: object, parameter: "createPointer", message: "drew no candidate")
        }
        warnings.append(
            "could not create a pointer with maxSimilarity \(maxSimilarity) in \(attempts) attempts; "
                + "the best has similarity \(best.similarity) (key \(count + 1))")
        return best.pointer
    }

    /// `vectors · v`: the dot product of `v` with every pointer, in key order.
    public func dot(_ v: [Double]) -> [Double] {
        rows.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// A new vocabulary with the same settings and generator state holding copies of `keys`.
    /// - Throws: `BrainKitError` for a key not in this vocabulary.
    public func subset(_ keys: [String]) throws(BrainKitError) -> Vocabulary {
        let subset = try Vocabulary(
            dimensions: dimensions, name: name, strict: strict, maxSimilarity: maxSimilarity, algebra: algebra,
            generator: generator)
        for key in keys {
            guard let row = index[key].map({ rows[$0] }) else {
                throw BrainKitError(
                    .validation, object: object, parameter: "subset",
                    message: "'\(key)' is not in the vocabulary (keys: \(keyList))")
            }
            try subset.add(key, vector: row)
        }
        return subset
    }

    // MARK: - Keys

    /// Names that are never keys: Python's constants and the special elements.
    public static let reservedNames: Set<String> = [
        "None", "True", "False", "Identity", "Zero", "AbsorbingElement", "NegativeIdentity",
    ]

    /// Whether `key` is a valid key: `[A-Z][_a-zA-Z0-9]*` and not reserved.
    public static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        let allowed = key.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        return allowed && !reservedNames.contains(key)
    }

    static func checkKey(_ key: String, _ object: String) throws(BrainKitError) {
        guard isValidKey(key) else {
            let why = reservedNames.contains(key)
                ? "is reserved" : "must start with a capital letter A-Z followed by letters, digits or '_'"
            throw BrainKitError(.validation, object: object, parameter: "key", message: "'\(key)' \(why)")
        }
    }
}
