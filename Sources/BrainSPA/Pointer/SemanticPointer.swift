import BrainCore

/// A semantic pointer: a vector in an ``Algebra``, usually one of a ``Vocabulary``'s.
///
/// A value: operations make new pointers. `+` and `-` superpose, `*` binds (or scales by a
/// number), `~` inverts, ``power(_:)`` (and `**`) binds a pointer with itself; ``dot(_:)`` and
/// ``compare(_:)`` measure similarity. Operations between two pointers check that they fit
/// (same dimensions and algebra, and the same vocabulary when both have one) and throw a
/// `BrainKitError` naming both when they do not. Pointers carry a ``name``: an expression
/// such as `(A*B).normalized()` built as they are combined (nil for unnamed vectors).
public struct SemanticPointer: Sendable, CustomStringConvertible {
    /// The vector.
    public let vector: [Double]
    /// The algebra that binds it.
    public let algebra: any Algebra
    /// The vocabulary it belongs to, if any.
    public let vocabulary: VocabularyReference?
    /// The expression it was made by, if known (`"A"`, `"(A*B)"`, `"~C"`).
    public let name: String?

    /// A pointer for `vector` in `algebra` (HRR by default).
    /// - Throws: `BrainKitError` when the vector is empty, has a value that is not finite or
    ///   a length the algebra does not allow.
    public init(_ vector: [Double], algebra: any Algebra = HRR(), name: String? = nil) throws(BrainKitError) {
        try Self.check(vector, algebra: algebra, object: "SemanticPointer\(name.map { " '\($0)'" } ?? "")")
        self.init(unchecked: vector, algebra: algebra, vocabulary: nil, name: name)
    }

    /// A pointer of `vocabulary` (its algebra and dimensions).
    /// - Throws: `BrainKitError` when the vector's length is not the vocabulary's
    ///   dimensions or a value is not finite.
    public init(_ vector: [Double], vocabulary: Vocabulary, name: String? = nil) throws(BrainKitError) {
        let object = "SemanticPointer\(name.map { " '\($0)'" } ?? "") of \(vocabulary.reference)"
        try Self.check(vector, algebra: vocabulary.algebra, object: object)
        guard vector.count == vocabulary.dimensions else {
            throw BrainKitError(
                .validation, object: object, parameter: "vector",
                message: "must have \(vocabulary.dimensions) values (the vocabulary's dimensions), got \(vector.count)")
        }
        self.init(unchecked: vector, algebra: vocabulary.algebra, vocabulary: vocabulary.reference, name: name)
    }

    init(unchecked vector: [Double], algebra: any Algebra, vocabulary: VocabularyReference?, name: String?) {
        self.vector = vector
        self.algebra = algebra
        self.vocabulary = vocabulary
        self.name = name
    }

    private static func check(_ vector: [Double], algebra: any Algebra, object: String) throws(BrainKitError) {
        guard !vector.isEmpty else {
            throw BrainKitError(.validation, object: object, parameter: "vector", message: "must not be empty")
        }
        try Check.finite(vector, object, "vector")
        try algebra.checkDimensions(vector.count, object)
    }

    /// The number of elements.
    public var dimensions: Int { vector.count }

    /// The same vector under another name.
    public func named(_ name: String?) -> SemanticPointer {
        SemanticPointer(unchecked: vector, algebra: algebra, vocabulary: vocabulary, name: name)
    }

    /// A pointer like this one (algebra, vocabulary) with another vector and name.
    func derived(_ vector: [Double], _ name: String?) -> SemanticPointer {
        SemanticPointer(unchecked: vector, algebra: algebra, vocabulary: vocabulary, name: name)
    }

    public var description: String {
        name ?? "SemanticPointer(\(vector.prefix(4).map { String(format4: $0) }.joined(separator: ", "))\(dimensions > 4 ? ", …" : ""))"
    }

    /// What a message calls this pointer.
    var label: String { name.map { "'\($0)'" } ?? "a \(dimensions)-D pointer" }
}

/// Identifies a ``Vocabulary`` without keeping it alive: pointers carry it so that mixing
/// pointers of two vocabularies is an error.
public struct VocabularyReference: Sendable, Hashable, CustomStringConvertible {
    let id: Int
    /// The vocabulary's name.
    public let name: String
    /// Its dimensions.
    public let dimensions: Int

    public var description: String { "Vocabulary '\(name)'" }
}

extension String {
    /// Four significant digits.
    init(format4 value: Double) {
        let rounded = (value * 10_000).rounded() / 10_000
        self = "\(rounded)"
    }
}
