import BrainCore

/// Transposed vector-derived transformation binding. D = s², a vector read row-major as an
/// s×s matrix, and
///
///     A ⊛ B = √s · A·B,   so  bind(a, b) = √s·(I_s ⊗ Bᵀ)·a.
///
/// Not commutative, but its inverse (the transpose) and identity (`I_s / D^¼`) are two-sided;
/// there is no absorbing element. nengo_spa's `TvtbAlgebra`.
public struct TVTB: Algebra {
    /// The TVTB algebra; it has no parameters.
    public init() {}

    public var name: String { "TVTB" }

    public func isValid(dimensions: Int) -> Bool { SquareMatrixVectors.side(dimensions) != nil }

    private func side(_ d: Int) -> Int { SquareMatrixVectors.side(d) ?? 0 }

    public func bind(_ a: [Double], _ b: [Double]) -> [Double] {
        let s = side(a.count)
        let product = LinearAlgebra.multiply(
            SquareMatrixVectors.matrix(a, side: s), SquareMatrixVectors.matrix(b, side: s))
        return product.scaled(by: Double(s).squareRoot()).values
    }

    /// `√s·(I ⊗ Vᵀ)`; with `swapInputs`, `P·Mᵀ·P` for the transposition permutation P.
    public func bindingMatrix(of v: [Double], swapInputs: Bool = false) -> Matrix {
        let s = side(v.count)
        let m = SquareMatrixVectors.blockDiagonal(SquareMatrixVectors.matrix(v, side: s).transposed, side: s)
        guard swapInputs else { return m }
        let p = SquareMatrixVectors.transposition(dimensions: v.count, side: s)
        return LinearAlgebra.multiply(LinearAlgebra.multiply(p, m.transposed), p)
    }

    public func inverse(of v: [Double], sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        SquareMatrixVectors.transposed(v, side: side(v.count))
    }

    public func inversionMatrix(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> Matrix {
        SquareMatrixVectors.transposition(dimensions: d, side: side(d))
    }

    public func makeUnitary(_ v: [Double]) -> [Double] {
        SquareMatrixVectors.unitary(v, side: side(v.count))
    }

    /// `(√s·V)^|p| / √s` (V the inverse when p < 0).
    public func bindingPower(_ v: [Double], _ exponent: Double) throws(BrainKitError) -> [Double] {
        try Check.finite([exponent], "TVTB", "exponent")
        try checkExponentSize(exponent)
        let s = side(v.count)
        if exponent != exponent.rounded(), !sign(of: v).isPositive {
            throw BrainKitError(
                .validation, object: "TVTB", parameter: "exponent",
                message: "\(exponent) is fractional: fractional binding powers need a positive vector (\(sign(of: v)))")
        }
        let base = exponent < 0 ? try inverse(of: v) : v
        let scale = Double(s).squareRoot()
        let power = try SquareMatrixVectors.power(
            SquareMatrixVectors.matrix(base, side: s).scaled(by: scale), Swift.abs(exponent))
        return try checkedPower(power.scaled(by: 1 / scale).values, exponent)
    }

    public func sign(of v: [Double]) -> AlgebraSign {
        let s = side(v.count)
        return SquareMatrixVectors.sign(SquareMatrixVectors.matrix(v, side: s).transposed, side: s)
    }

    public func identity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        SquareMatrixVectors.identity(dimensions: d, side: side(d))
    }

    public func negativeIdentity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        try identity(dimensions: d, sidedness: sidedness).map { -$0 }
    }

    public func zero(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        [Double](repeating: 0, count: d)
    }

    public func absorbingElement(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        throw BrainKitError(.validation, object: "TVTB", parameter: "absorbingElement", message: "does not exist in TVTB")
    }
}
