import BrainCore

// Superposition, binding, scaling and inversion.
extension SemanticPointer {
    /// Throws unless `other` can be combined with this pointer by `operation`.
    func checkCompatible(_ other: SemanticPointer, _ operation: String) throws(BrainKitError) {
        let object = "SemanticPointer \(operation)"
        guard algebra.isSame(as: other.algebra) else {
            throw BrainKitError(
                .validation, object: object, parameter: nil,
                message: "\(label) is in the \(algebra.name) algebra but \(other.label) in \(other.algebra.name)")
        }
        guard dimensions == other.dimensions else {
            throw BrainKitError(
                .validation, object: object, parameter: nil,
                message: "\(label) has \(dimensions) dimensions but \(other.label) has \(other.dimensions)")
        }
        if let mine = vocabulary, let theirs = other.vocabulary, mine != theirs {
            throw BrainKitError(
                .validation, object: object, parameter: nil,
                message: "\(label) belongs to \(mine) but \(other.label) to \(theirs) (use reinterpret or translate)")
        }
    }

    /// The vocabulary of a result: either operand's (they agree when both have one).
    private func merged(with other: SemanticPointer) -> VocabularyReference? { vocabulary ?? other.vocabulary }

    private static func name(_ a: SemanticPointer, _ op: String, _ b: SemanticPointer) -> String? {
        guard let x = a.name, let y = b.name else { return nil }
        return "(\(x)\(op)\(y))"
    }

    /// Superposition: `a + b`.
    public static func + (a: SemanticPointer, b: SemanticPointer) throws(BrainKitError) -> SemanticPointer {
        try a.checkCompatible(b, "+")
        return SemanticPointer(
            unchecked: zip(a.vector, b.vector).map(+), algebra: a.algebra, vocabulary: a.merged(with: b),
            name: name(a, "+", b))
    }

    /// `a + (−b)`.
    public static func - (a: SemanticPointer, b: SemanticPointer) throws(BrainKitError) -> SemanticPointer {
        try a.checkCompatible(b, "-")
        return SemanticPointer(
            unchecked: zip(a.vector, b.vector).map(-), algebra: a.algebra, vocabulary: a.merged(with: b),
            name: name(a, "-", b))
    }

    /// Binding in the pointers' algebra: `a ⊛ b`.
    public static func * (a: SemanticPointer, b: SemanticPointer) throws(BrainKitError) -> SemanticPointer {
        try a.checkCompatible(b, "*")
        return SemanticPointer(
            unchecked: a.algebra.bind(a.vector, b.vector), algebra: a.algebra, vocabulary: a.merged(with: b),
            name: name(a, "*", b))
    }

    /// Scaling.
    public static func * (a: SemanticPointer, scale: Double) -> SemanticPointer {
        a.derived(a.vector.map { $0 * scale }, a.name.map { "(\($0)*\(Self.format(scale)))" })
    }

    /// Scaling.
    public static func * (scale: Double, a: SemanticPointer) -> SemanticPointer {
        a.derived(a.vector.map { scale * $0 }, a.name.map { "(\(Self.format(scale))*\($0))" })
    }

    /// Division by a number.
    /// - Throws: `BrainKitError` when `divisor` is 0 or not finite.
    public static func / (a: SemanticPointer, divisor: Double) throws(BrainKitError) -> SemanticPointer {
        guard divisor != 0, divisor.isFinite else {
            throw BrainKitError(
                .validation, object: "SemanticPointer /", parameter: "divisor",
                message: "must be finite and non-zero, got \(divisor) (dividing \(a.label))")
        }
        return a.derived(a.vector.map { $0 / divisor }, a.name.map { "(\($0)/\(Self.format(divisor)))" })
    }

    /// Negation.
    public static prefix func - (a: SemanticPointer) -> SemanticPointer {
        a.derived(a.vector.map { -$0 }, a.name.map { "-\($0)" })
    }

    /// The two-sided inverse (for ``VTB``, which has none, the right inverse, as nengo_spa
    /// gives).
    public static prefix func ~ (a: SemanticPointer) throws(BrainKitError) -> SemanticPointer {
        a.derived(try a.algebra.inverse(of: a.vector, sidedness: .twoSided), a.name.map { "~\($0)" })
    }

    /// The left inverse.
    /// - Throws: `BrainKitError` when the algebra has none (VTB).
    public func leftInverse() throws(BrainKitError) -> SemanticPointer {
        derived(try algebra.inverse(of: vector, sidedness: .left), name.map { "\($0).linv()" })
    }

    /// The right inverse.
    public func rightInverse() throws(BrainKitError) -> SemanticPointer {
        derived(try algebra.inverse(of: vector, sidedness: .right), name.map { "\($0).rinv()" })
    }

    /// The binding power `v^p`: `v` bound with itself `p − 1` times; 0 is the identity and −1
    /// the inverse.
    /// - Throws: `BrainKitError` for a fractional power of a pointer that is not positive,
    ///   or a power that is not finite.
    public func power(_ exponent: Double) throws(BrainKitError) -> SemanticPointer {
        derived(try algebra.bindingPower(vector, exponent), name.map { "(\($0)**\(Self.format(exponent)))" })
    }

    /// The vector divided by its length (a zero vector stays zero).
    public func normalized() -> SemanticPointer {
        let norm = length
        return derived(norm > 0 ? vector.map { $0 / norm } : vector, name.map { "\($0).normalized()" })
    }

    /// The nearest unitary pointer in the algebra (binding with it keeps lengths).
    public func unitary() -> SemanticPointer {
        derived(algebra.makeUnitary(vector), name.map { "\($0).unitary()" })
    }

    /// The pointer bound with its sign's vector: positive.
    /// - Throws: `BrainKitError` when its sign is indefinite.
    public func absoluteValue() throws(BrainKitError) -> SemanticPointer {
        derived(try algebra.absoluteValue(of: vector), name.map { "\($0).abs()" })
    }

    /// The algebra's sign of the vector.
    public var sign: AlgebraSign { algebra.sign(of: vector) }

    /// The Euclidean norm.
    public var length: Double { vector.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func format(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

precedencegroup BindingPowerPrecedence {
    higherThan: MultiplicationPrecedence
    associativity: right
}

/// The binding power, as in nengo_spa's `a**p`.
infix operator ** : BindingPowerPrecedence

extension SemanticPointer {
    /// `a.power(p)`.
    public static func ** (a: SemanticPointer, exponent: Double) throws(BrainKitError) -> SemanticPointer {
        try a.power(exponent)
    }
}
