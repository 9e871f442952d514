import BrainCore

// Similarity measures.
extension SemanticPointer {
    /// The dot product.
    /// - Throws: `BrainKitError` when the pointers do not fit (dimensions, algebra, vocabulary).
    public func dot(_ other: SemanticPointer) throws(BrainKitError) -> Double {
        try checkCompatible(other, "dot")
        return zip(vector, other.vector).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The cosine similarity, 0 when either vector is zero.
    public func compare(_ other: SemanticPointer) throws(BrainKitError) -> Double {
        let product = try dot(other)
        let scale = length * other.length
        return scale > 0 ? product / scale : 0
    }

    /// `1 − compare(other)`.
    public func distance(_ other: SemanticPointer) throws(BrainKitError) -> Double {
        1 - (try compare(other))
    }

    /// The mean squared difference of the elements.
    public func meanSquaredError(_ other: SemanticPointer) throws(BrainKitError) -> Double {
        try checkCompatible(other, "meanSquaredError")
        return zip(vector, other.vector).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(dimensions)
    }
}
