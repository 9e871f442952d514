import BrainCore

/// Which side of a binding an element acts on.
///
/// For a non-commutative algebra (``VTB``) an inverse or identity may exist on one side only:
/// a *right* identity `I` satisfies `bind(a, I) = a`, a *left* one `bind(I, a) = a`; a right
/// inverse `b⁻¹` satisfies `bind(bind(a, b), b⁻¹) ≈ a`.
public enum Sidedness: String, Sendable, CaseIterable {
    /// Acts from the left: `bind(x, a)`.
    case left
    /// Acts from the right: `bind(a, x)`.
    case right
    /// Acts from both sides.
    case twoSided
}

/// The vector algebra of a vocabulary: how semantic pointers superpose and bind, and which
/// special elements exist.
///
/// Superposition is vector addition in every algebra. Binding is bilinear, so binding with a
/// fixed vector `b` is a matrix: `bind(a, b) = M(b)·a` (``bindingMatrix(of:swapInputs:)``), and
/// so is inversion (``inversionMatrix(dimensions:sidedness:)``): the SPA layer folds both into
/// connection transforms. Conforming types are stateless values; two algebras are the same
/// when their ``name``s are.
public protocol Algebra: Sendable, CustomStringConvertible {
    /// A short identifier: "HRR", "VTB", "TVTB" (used in vocabulary files and messages).
    var name: String { get }

    /// Whether vectors of `dimensions` elements are valid in this algebra.
    func isValid(dimensions: Int) -> Bool

    /// `a ⊛ b`. Both vectors have the same valid length.
    func bind(_ a: [Double], _ b: [Double]) -> [Double]

    /// The matrix `M` with `bind(a, v) = M·a`, or with `swapInputs`, `bind(v, a) = M·a`.
    func bindingMatrix(of v: [Double], swapInputs: Bool) -> Matrix

    /// The inverse of `v` on the given side.
    /// - Throws: `BrainKitError` when the algebra has no such inverse.
    func inverse(of v: [Double], sidedness: Sidedness) throws(BrainKitError) -> [Double]

    /// The matrix that maps a vector to its inverse on the given side.
    /// - Throws: `BrainKitError` when the algebra has no such inverse.
    func inversionMatrix(dimensions: Int, sidedness: Sidedness) throws(BrainKitError) -> Matrix

    /// The nearest unitary vector: binding with it preserves length.
    func makeUnitary(_ v: [Double]) -> [Double]

    /// `v` bound with itself: `v^p`; `p = 0` is the identity, `p = −1` the inverse.
    /// - Throws: `BrainKitError` for a fractional power of a vector that is not positive.
    func bindingPower(_ v: [Double], _ exponent: Double) throws(BrainKitError) -> [Double]

    /// The algebra's sign of `v`.
    func sign(of v: [Double]) -> AlgebraSign

    /// The identity element on the given side.
    /// - Throws: `BrainKitError` when the algebra has none on that side.
    func identity(dimensions: Int, sidedness: Sidedness) throws(BrainKitError) -> [Double]

    /// The negated identity element on the given side.
    /// - Throws: `BrainKitError` when the algebra has none on that side.
    func negativeIdentity(dimensions: Int, sidedness: Sidedness) throws(BrainKitError) -> [Double]

    /// The zero element: `bind(a, 0) = 0`; the zero vector in every algebra here.
    func zero(dimensions: Int, sidedness: Sidedness) throws(BrainKitError) -> [Double]

    /// The absorbing element of norm 1: binding it with any vector gives a multiple of itself.
    /// - Throws: `BrainKitError` when the algebra has none.
    func absorbingElement(dimensions: Int, sidedness: Sidedness) throws(BrainKitError) -> [Double]

    /// The spiking network that binds two `dimensions`-D inputs in this algebra, with
    /// `neuronsPerProduct` neurons per pairwise product; `unbindLeft` / `unbindRight` bind
    /// with the inverse of that input instead.
    func makeBindingNetwork(
        in parent: Network, label: String, neuronsPerProduct: Int, dimensions: Int, unbindLeft: Bool, unbindRight: Bool
    ) throws(BrainKitError) -> BindingNetwork
}

/// A network computing a binding: two inputs and the output, all passthrough nodes of the
/// vectors' dimensions.
public struct BindingNetwork {
    /// The subnetwork holding the binding's neurons.
    public let network: Network
    /// The left operand's input.
    public let inputLeft: Node
    /// The right operand's input.
    public let inputRight: Node
    /// The bound vector, unfiltered (the products' decoded outputs, no synapse).
    public let output: Node
}

extension Algebra {
    public var description: String { name }

    /// `bind(v, s⁻¹)` with s the vector of v's sign: `v` made positive.
    /// - Throws: `BrainKitError` when the sign of `v` is indefinite.
    public func absoluteValue(of v: [Double]) throws(BrainKitError) -> [Double] {
        let signVector = try sign(of: v).vector(dimensions: v.count, algebra: self)
        return bind(v, try inverse(of: signVector, sidedness: .twoSided))
    }

    /// `power` unless a value is not finite (a binding power that overflowed).
    func checkedPower(_ power: [Double], _ exponent: Double) throws(BrainKitError) -> [Double] {
        guard power.allSatisfy(\.isFinite) else {
            throw BrainKitError(
                .validation, object: name, parameter: "exponent",
                message: "\(exponent) overflows: the binding power has values that are not finite")
        }
        return power
    }

    /// Throws unless |exponent| ≤ 2⁵² (a whole number of repeated bindings a Double holds).
    func checkExponentSize(_ exponent: Double) throws(BrainKitError) {
        guard Swift.abs(exponent) <= 4_503_599_627_370_496 else {
            throw BrainKitError(
                .validation, object: name, parameter: "exponent", message: "must be at most 2^52 in size, got \(exponent)")
        }
    }

    /// Whether `other` is the same algebra.
    public func isSame(as other: any Algebra) -> Bool { name == other.name }

    /// Throws unless `dimensions` is valid here, naming `object`.
    func checkDimensions(_ dimensions: Int, _ object: String) throws(BrainKitError) {
        guard isValid(dimensions: dimensions) else {
            throw BrainKitError(
                .validation, object: object, parameter: "dimensions",
                message: "must be valid for the \(name) algebra (\(dimensionRule)), got \(dimensions)")
        }
    }

    var dimensionRule: String {
        switch name {
        case "HRR": return ">= 1"
        default: return "a square number >= 1"
        }
    }
}

/// The sign of a vector in an algebra: positive vectors keep the sign of what they are bound
/// to and have fractional binding powers.
public struct AlgebraSign: Sendable, Equatable, CustomStringConvertible {
    /// What the sign is.
    public enum Value: Sendable, Equatable {
        /// HRR's sign: the signs (−1, 0, 1) of the DC and Nyquist Fourier coefficients.
        case fourier(dc: Int, nyquist: Int)
        /// A matrix algebra's sign: 1 (positive definite), −1, 0, or nil (indefinite).
        case definite(Int?)
    }

    /// The sign as the algebra defines it.
    public let value: Value

    /// Positive: HRR's DC coefficient > 0 and Nyquist ≥ 0; a matrix algebra's positive definite.
    public var isPositive: Bool {
        switch value {
        case .fourier(let dc, let nyquist): return dc > 0 && nyquist >= 0
        case .definite(let sign): return sign == 1
        }
    }

    /// Negative: HRR's DC or Nyquist coefficient < 0; a matrix algebra's negative definite.
    public var isNegative: Bool {
        switch value {
        case .fourier(let dc, let nyquist): return dc < 0 || nyquist < 0
        case .definite(let sign): return sign == -1
        }
    }

    /// Zero: HRR's DC coefficient is 0; a matrix algebra's sign 0.
    public var isZero: Bool {
        switch value {
        case .fourier(let dc, _): return dc == 0
        case .definite(let sign): return sign == 0
        }
    }

    /// Neither positive, negative nor zero (matrix algebras only).
    public var isIndefinite: Bool {
        if case .definite(nil) = value { return true }
        return false
    }

    /// The vector of this sign: binding with it makes a vector of this sign positive.
    /// HRR: e₀ for (+,+), e₁ for (+,−), −e₁ for (−,+), −e₀ for (−,−), 0 for zero. Matrix
    /// algebras: the right identity, its negation or 0.
    /// - Throws: `BrainKitError` for an indefinite sign.
    public func vector(dimensions: Int, algebra: any Algebra) throws(BrainKitError) -> [Double] {
        switch value {
        case .fourier(let dc, let nyquist):
            var v = [Double](repeating: 0, count: dimensions)
            if dc == 0 { return v }
            let index = dc * nyquist < 0 && dimensions > 1 ? 1 : 0
            v[index] = Double(dc)
            return v
        case .definite(let sign):
            switch sign {
            case 1: return try algebra.identity(dimensions: dimensions, sidedness: .right)
            case -1: return try algebra.negativeIdentity(dimensions: dimensions, sidedness: .right)
            case 0: return [Double](repeating: 0, count: dimensions)
            default:
                throw BrainKitError(
                    .validation, object: "\(algebra.name) sign", parameter: nil,
                    message: "is indefinite: there is no vector for it (the vector is neither positive nor negative)")
            }
        }
    }

    public var description: String {
        switch value {
        case .fourier(let dc, let nyquist): return "HRR sign (dc \(dc), nyquist \(nyquist))"
        case .definite(let sign): return sign.map { "sign \($0)" } ?? "indefinite sign"
        }
    }
}
