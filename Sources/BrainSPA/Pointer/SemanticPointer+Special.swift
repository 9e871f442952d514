import BrainCore

// The special elements of an algebra as pointers: what the names `Identity`, `Zero`,
// `AbsorbingElement` mean in an expression.
extension SemanticPointer {
    /// The algebra's identity: binding with it changes nothing.
    public static func identity(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try special("Identity", dimensions, algebra) { (a) throws(BrainKitError) in
            try a.identity(dimensions: dimensions, sidedness: sidedness)
        }
    }

    /// The negated identity.
    public static func negativeIdentity(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try special("NegativeIdentity", dimensions, algebra) { (a) throws(BrainKitError) in
            try a.negativeIdentity(dimensions: dimensions, sidedness: sidedness)
        }
    }

    /// The zero vector.
    public static func zero(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try special("Zero", dimensions, algebra) { (a) throws(BrainKitError) in
            try a.zero(dimensions: dimensions, sidedness: sidedness)
        }
    }

    /// The absorbing element of norm 1 (HRR: `(1, …, 1)/√D`).
    /// - Throws: `BrainKitError` in algebras without one (VTB, TVTB).
    public static func absorbingElement(
        dimensions: Int, algebra: any Algebra = HRR(), sidedness: Sidedness = .twoSided
    ) throws(BrainKitError) -> SemanticPointer {
        try special("AbsorbingElement", dimensions, algebra) { (a) throws(BrainKitError) in
            try a.absorbingElement(dimensions: dimensions, sidedness: sidedness)
        }
    }

    /// The special element `element` gives, named `name`, after checking the dimensions.
    private static func special(
        _ name: String, _ dimensions: Int, _ algebra: any Algebra,
        _ element: (any Algebra) throws(BrainKitError) -> [Double]
    ) throws(BrainKitError) -> SemanticPointer {
        try algebra.checkDimensions(dimensions, name)
        return SemanticPointer(unchecked: try element(algebra), algebra: algebra, vocabulary: nil, name: name)
    }

    /// This pointer as one of `vocabulary`'s, with the same vector (nengo_spa's `reinterpret`).
    /// - Throws: `BrainKitError` when the dimensions or algebras differ.
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
    /// - Throws: `BrainKitError` when the pointer is not `source`'s or the mapping fails.
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
