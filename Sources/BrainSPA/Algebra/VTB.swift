import BrainCore

/// Vector-derived transformation binding (Gosmann & Eliasmith 2019). D = s² and a vector is
/// read row-major as an s×s matrix; binding is
///
///     A ⊛ B = √s · A·Bᵀ,   so  bind(a, b) = √s·(I_s ⊗ B)·a.
///
/// It is not commutative. Only right elements exist: the right inverse is the transpose
/// (`(A ⊛ B) ⊛ Bᵀ ≈ A`), the right identity `I_s / D^¼`; there is no left inverse or identity
/// and no absorbing element. Asked for a two-sided inverse or identity, it gives the right one
/// (as nengo_spa does, with a deprecation warning there). nengo_spa's `VtbAlgebra`.
public struct VTB: Algebra {
    /// The VTB algebra; it has no parameters.
    public init() {}

    public var name: String { "VTB" }

    public func isValid(dimensions: Int) -> Bool { SquareMatrixVectors.side(dimensions) != nil }

    private func side(_ d: Int) -> Int { SquareMatrixVectors.side(d) ?? 0 }

    public func bind(_ a: [Double], _ b: [Double]) -> [Double] {
        let s = side(a.count)
        let product = LinearAlgebra.multiply(
            SquareMatrixVectors.matrix(a, side: s), SquareMatrixVectors.matrix(b, side: s).transposed)
        return product.scaled(by: Double(s).squareRoot()).values
    }

    /// `√s·(I ⊗ V)`; with `swapInputs`, the transposition permutation times that.
    public func bindingMatrix(of v: [Double], swapInputs: Bool = false) -> Matrix {
        let s = side(v.count)
        let m = SquareMatrixVectors.blockDiagonal(SquareMatrixVectors.matrix(v, side: s), side: s)
        return swapInputs ? LinearAlgebra.multiply(SquareMatrixVectors.transposition(dimensions: v.count, side: s), m) : m
    }

    public func inverse(of v: [Double], sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        try rightOnly(sidedness, "inverse")
        return SquareMatrixVectors.transposed(v, side: side(v.count))
    }

    public func inversionMatrix(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> Matrix {
        try rightOnly(sidedness, "inverse")
        return SquareMatrixVectors.transposition(dimensions: d, side: side(d))
    }

    public func makeUnitary(_ v: [Double]) -> [Double] {
        SquareMatrixVectors.unitary(v, side: side(v.count))
    }

    /// `v ⊛ W` with `W = (√s·V)^(|p|−1) / √s` (V the right inverse when p < 0); p = 0 gives
    /// the right identity.
    public func bindingPower(_ v: [Double], _ exponent: Double) throws(BrainKitError) -> [Double] {
        try Check.finite([exponent], "VTB", "exponent")
        try checkExponentSize(exponent)
        let d = v.count, s = side(d)
        if exponent == 0 { return try identity(dimensions: d, sidedness: .right) }
        if exponent != exponent.rounded(), !sign(of: v).isPositive {
            throw BrainKitError(
                .validation, object: "VTB", parameter: "exponent",
                message: "\(exponent) is fractional: fractional binding powers need a positive vector (\(sign(of: v)))")
        }
        let base = exponent < 0 ? try inverse(of: v, sidedness: .right) : v
        let scale = Double(s).squareRoot()
        let w = try SquareMatrixVectors.power(
            SquareMatrixVectors.matrix(base, side: s).scaled(by: scale), Swift.abs(exponent) - 1)
        return try checkedPower(bind(base, w.scaled(by: 1 / scale).values), exponent)
    }

    public func sign(of v: [Double]) -> AlgebraSign {
        let s = side(v.count)
        return SquareMatrixVectors.sign(SquareMatrixVectors.matrix(v, side: s), side: s)
    }

    public func identity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        try rightOnly(sidedness, "identity")
        return SquareMatrixVectors.identity(dimensions: d, side: side(d))
    }

    public func negativeIdentity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        try identity(dimensions: d, sidedness: sidedness).map { -$0 }
    }

    public func zero(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        [Double](repeating: 0, count: d)
    }

    public func absorbingElement(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        throw BrainKitError(.validation, object: "VTB", parameter: "absorbingElement", message: "does not exist in VTB")
    }

    private func rightOnly(_ sidedness: Sidedness, _ element: String) throws(BrainKitError) {
        if sidedness == .left {
            throw BrainKitError(
                .validation, object: "VTB", parameter: "sidedness",
                message: "left: VTB has no left \(element) (only a right one)")
        }
    }
}
