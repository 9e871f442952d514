import BrainCore
import Foundation

/// Holographic reduced representations (Plate 2003): binding is circular convolution,
///
///     (a ⊛ b)[i] = Σⱼ a[j]·b[(i − j) mod D],
///
/// which is commutative and associative and is an element-wise product in the Fourier domain.
/// The approximate inverse is the involution `v⁻¹[i] = v[(−i) mod D]` (two-sided); the
/// identity is e₀, the absorbing element `(1, …, 1)/√D`. Any D ≥ 1 is valid. This is
/// nengo_spa's default algebra (`HrrAlgebra`).
public struct HRR: Algebra {
    /// The HRR algebra; it has no parameters.
    public init() {}

    public var name: String { "HRR" }

    public func isValid(dimensions: Int) -> Bool { dimensions >= 1 }

    public func bind(_ a: [Double], _ b: [Double]) -> [Double] {
        let d = a.count
        var c = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var sum = 0.0
            for j in 0...i { sum += a[j] * b[i - j] }
            for j in (i + 1)..<d { sum += a[j] * b[d + i - j] }
            c[i] = sum
        }
        return c
    }

    /// `T[i][j] = v[(i − j) mod D]`; binding is commutative, so `swapInputs` changes nothing.
    public func bindingMatrix(of v: [Double], swapInputs: Bool = false) -> Matrix {
        let d = v.count
        var m = Matrix(rows: d, columns: d)
        for i in 0..<d {
            for j in 0..<d { m.values[i * d + j] = v[((i - j) % d + d) % d] }
        }
        return m
    }

    public func inverse(of v: [Double], sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        let d = v.count
        return (0..<d).map { v[(d - $0) % d] }
    }

    public func inversionMatrix(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> Matrix {
        var m = Matrix(rows: d, columns: d)
        for i in 0..<d { m.values[i * d + (d - i) % d] = 1 }
        return m
    }

    /// Each Fourier coefficient divided by its modulus (a zero coefficient becomes 1).
    public func makeUnitary(_ v: [Double]) -> [Double] {
        mappingSpectrum(v) { re, im in
            let modulus = (re * re + im * im).squareRoot()
            return modulus > 0 ? (re / modulus, im / modulus) : (1, 0)
        }
    }

    /// Each Fourier coefficient raised to |p| (of the inverse when p < 0).
    public func bindingPower(_ v: [Double], _ exponent: Double) throws(BrainKitError) -> [Double] {
        try Check.finite([exponent], "HRR", "exponent")
        if exponent != exponent.rounded(), !sign(of: v).isPositive {
            throw BrainKitError(
                .validation, object: "HRR", parameter: "exponent",
                message: "\(exponent) is fractional: fractional binding powers need a positive vector (\(sign(of: v)))")
        }
        let base = exponent < 0 ? try inverse(of: v, sidedness: .twoSided) : v
        let power = Swift.abs(exponent)
        let result = mappingSpectrum(base) { re, im in
            let modulus = (re * re + im * im).squareRoot()
            if modulus == 0 { return (power == 0 ? 1 : 0, 0) }
            let angle = atan2(im, re) * power, length = pow(modulus, power)
            return (length * cos(angle), length * sin(angle))
        }
        return try checkedPower(result, exponent)
    }

    /// The real vector whose spectrum is `map` of each coefficient of `v`'s for k = 0…⌊D/2⌋,
    /// the rest mirrored as their conjugates and the imaginary parts of the DC and Nyquist
    /// coefficients dropped (numpy's `irfft(map(rfft(v)), n = D)`).
    private func mappingSpectrum(_ v: [Double], _ map: (Double, Double) -> (Double, Double)) -> [Double] {
        let n = v.count
        let fourier = FourierTransform(count: n)
        var real = v, imaginary = [Double](repeating: 0, count: n)
        fourier.transform(real: &real, imaginary: &imaginary, inverse: false)
        for k in 0...(n / 2) {
            var (re, im) = map(real[k], imaginary[k])
            if k == 0 || 2 * k == n { im = 0 }
            real[k] = re
            imaginary[k] = im
            if k > 0, n - k != k {
                real[n - k] = re
                imaginary[n - k] = -im
            }
        }
        fourier.transform(real: &real, imaginary: &imaginary, inverse: true)
        return real.map { $0 / Double(n) }
    }

    /// The signs of the DC and Nyquist coefficients (Nyquist takes the DC's sign for odd D,
    /// where there is none).
    public func sign(of v: [Double]) -> AlgebraSign {
        let dc = v.reduce(0, +)
        var dcSign = dc > 0 ? 1 : (dc < 0 ? -1 : 0)
        var nyquistSign = dcSign
        if v.count % 2 == 0 {
            var nyquist = 0.0
            for (i, x) in v.enumerated() { nyquist += i % 2 == 0 ? x : -x }
            nyquistSign = nyquist > 0 ? 1 : (nyquist < 0 ? -1 : 0)
            if nyquistSign == 0 { nyquistSign = dcSign }
            if dcSign == 0 { dcSign = 0; nyquistSign = 0 }
        }
        return AlgebraSign(value: .fourier(dc: dcSign, nyquist: nyquistSign))
    }

    public func identity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        var v = [Double](repeating: 0, count: d)
        if d > 0 { v[0] = 1 }
        return v
    }

    public func negativeIdentity(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        try identity(dimensions: d, sidedness: sidedness).map { -$0 }
    }

    public func zero(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        [Double](repeating: 0, count: d)
    }

    public func absorbingElement(dimensions d: Int, sidedness: Sidedness = .twoSided) throws(BrainKitError) -> [Double] {
        [Double](repeating: 1 / Double(d).squareRoot(), count: d)
    }
}
