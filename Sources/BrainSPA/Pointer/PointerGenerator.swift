import BrainCore

/// Where a vocabulary's new pointers come from: a kind of random vector and the generator
/// drawing it (numpy's `RandomState`, draw for draw).
///
/// The default, ``unitLength(seed:)``, draws `x ~ N(0, I)` by numpy's polar method and
/// returns `x/‖x‖`: with the same seed it draws exactly what nengo_spa's `UnitLengthVectors`
/// (and a vocabulary given `np.random.RandomState(seed)`) draws.
public struct PointerGenerator: Sendable {
    /// The kinds of vectors (nengo_spa's `vector_generation`).
    public enum Kind: Sendable {
        /// `x/‖x‖` for Gaussian x.
        case unitLength
        /// `x/√D` for Gaussian x: length 1 on average.
        case expectedUnitLength
        /// A unit-length vector made unitary in the algebra.
        case unitary(any Algebra)
        /// Orthonormal vectors (Gram–Schmidt of Gaussian draws against the earlier ones): at
        /// most D of them.
        case orthonormal
        /// The rows of the identity, in order: at most D of them.
        case axisAligned
    }

    /// How pointers are drawn.
    public let kind: Kind
    private var random: RandomState
    private var drawn: [[Double]] = []

    /// A generator of `kind` drawing from numpy's generator seeded with `seed` (0 to 2³² − 1).
    public init(_ kind: Kind, seed: Int) throws(BrainKitError) {
        try Check.atLeast(seed, 0, "PointerGenerator", "seed")
        try Check.atMost(Double(seed), Double(UInt32.max), "PointerGenerator", "seed")
        self.init(kind, random: RandomState(seed: seed))
    }

    /// Unit-length Gaussian vectors, nengo_spa's default.
    public static func unitLength(seed: Int) throws(BrainKitError) -> PointerGenerator {
        try PointerGenerator(.unitLength, seed: seed)
    }

    /// A generator seeded from the system's entropy.
    public static func unseeded(_ kind: Kind = .unitLength) -> PointerGenerator {
        PointerGenerator(kind, random: RandomState.fromEntropy())
    }

    private init(_ kind: Kind, random: RandomState) {
        self.kind = kind
        self.random = random
    }

    /// The next vector of `dimensions` elements.
    /// - Throws: `BrainKitError` when an orthonormal or axis-aligned generator has given
    ///   all `dimensions` of its vectors.
    public mutating func next(dimensions: Int) throws(BrainKitError) -> [Double] {
        switch kind {
        case .unitLength:
            return Self.normalized(gaussian(dimensions))
        case .expectedUnitLength:
            let scale = Double(dimensions).squareRoot()
            return gaussian(dimensions).map { $0 / scale }
        case .unitary(let algebra):
            return algebra.makeUnitary(Self.normalized(gaussian(dimensions)))
        case .axisAligned:
            try checkRemaining(dimensions)
            var v = [Double](repeating: 0, count: dimensions)
            v[drawn.count] = 1
            drawn.append(v)
            return v
        case .orthonormal:
            try checkRemaining(dimensions)
            while true {
                var v = gaussian(dimensions)
                for u in drawn {
                    let projection = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in v.indices { v[i] -= projection * u[i] }
                }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 1e-8 else { continue }
                v = v.map { $0 / norm }
                drawn.append(v)
                return v
            }
        }
    }

    private func checkRemaining(_ dimensions: Int) throws(BrainKitError) {
        guard drawn.count < dimensions else {
            throw BrainKitError(
                .validation, object: "PointerGenerator", parameter: "kind",
                message: "\(kind) gives at most \(dimensions) vectors in \(dimensions) dimensions; all are used")
        }
    }

    private mutating func gaussian(_ dimensions: Int) -> [Double] {
        (0..<dimensions).map { _ in random.standardNormal() }
    }

    /// `x/‖x‖` (x unchanged when it is zero).
    static func normalized(_ x: [Double]) -> [Double] {
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? x.map { $0 / norm } : x
    }
}
