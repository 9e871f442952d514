import BrainCore

// The special elements of an algebra as pointers: what the names `Identity`, `Zero`,
// `AbsorbingElement` mean in an expression.
extension SemanticPointer {
    /// The algebra's identity: binding with it changes nothing.
    public static func identity(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try algebra.checkDimensions(dimensions, "Identity")
        return SemanticPointer(
            unchecked: try algebra.identity(dimensions: dimensions, sidedness: sidedness), algebra: algebra,
            vocabulary: nil, name: "Identity")
    }

    /// The negated identity.
    public static func negativeIdentity(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try algebra.checkDimensions(dimensions, "NegativeIdentity")
        return SemanticPointer(
            unchecked: try algebra.negativeIdentity(dimensions: dimensions, sidedness: sidedness), algebra: algebra,
            vocabulary: nil, name: "NegativeIdentity")
    }

    /// The zero vector.
    public static func zero(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try algebra.checkDimensions(dimensions, "Zero")
        return SemanticPointer(
            unchecked: try algebra.zero(dimensions: dimensions, sidedness: sidedness), algebra: algebra,
            vocabulary: nil, name: "Zero")
    }

    /// The absorbing element of norm 1 (HRR: `(1, …, 1)/√D`).
    /// - Throws: ``BrainKitError`` in algebras without one (VTB, TVTB).
    public static func absorbingElement(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try algebra.checkDimensions(dimensions, "AbsorbingElement")
        return SemanticPointer(
            unchecked: try algebra.absorbingElement(dimensions: dimensions, sidedness: sidedness), algebra: algebra,
            vocabulary: nil, name: "AbsorbingElement")
    }

    /// This pointer as one of `vocabulary`'s, with the same vector (nengo_spa's `reinterpret`).
    /// - Throws: ``BrainKitError`` when the dimensions or algebras differ.
    public func reinterpreted(as vocabulary: Vocabulary) throws(BrainKitError) -> SemanticPointer {
        guard vocabulary.dimensions == dimensions, vocabulary.algebra.isSame(as: algebra) else {
            throw BrainKitError(
                .validation, object: "SemanticPointer \(label)", parameter: "reinterpret",
                message: "needs \(vocabulary.reference) to have \(dimensions) dimensions and the \(algebra.name) algebra, "
                    + "it has \(vocabulary.dimensions) and \(vocabulary.algebra.name)")
        }
        return SemanticPointer(unchecked: vector, algebra: algebra, vocabulary: vocabulary.reference, name: name)
    }

    /// This pointer mapped from `source` into `target` through `source.transform(to: target)`.
    /// - Throws: ``BrainKitError`` when the pointer is not `source`'s or the mapping fails.
    public func translated(
        from source: Vocabulary, to target: Vocabulary, keys: [String]? = nil, populate: Bool? = nil
    ) throws(BrainKitError) -> SemanticPointer {
        if let vocabulary, vocabulary != source.reference {
            throw BrainKitError(
                .validation, object: "SemanticPointer \(label)", parameter: "translate",
                message: "belongs to \(vocabulary), not to \(source.reference)")
        }
        let matrix = try source.transform(to: target, keys: keys, populate: populate)
        return SemanticPointer(
            unchecked: LinearAlgebra.multiply(matrix, vector), algebra: target.algebra,
            vocabulary: target.reference, name: name)
    }
}
