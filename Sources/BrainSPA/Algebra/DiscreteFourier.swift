import Foundation

/// The discrete Fourier transform of a real vector of length n, by direct summation in Double
/// with exactly reduced angles: `X[k] = Σⱼ x[j]·e^(−2πi·jk/n)` for k = 0…⌊n/2⌋ (the rest of the
/// spectrum is the conjugate mirror), and its inverse for such a half spectrum. O(n²), which is
/// what vocabularies need (n up to a few thousand, once per pointer operation).
struct DiscreteFourier {
    let count: Int
    private let cosines: [Double]
    private let sines: [Double]

    init(count: Int) {
        self.count = count
        var cosines = [Double](repeating: 1, count: count), sines = [Double](repeating: 0, count: count)
        for m in 0..<count {
            let angle = 2 * Double.pi * Double(m) / Double(count)
            cosines[m] = cos(angle)
            sines[m] = sin(angle)
        }
        // Exact values where the angle is a multiple of π/2.
        if count % 2 == 0 { cosines[count / 2] = -1; sines[count / 2] = 0 }
        if count % 4 == 0 {
            cosines[count / 4] = 0; sines[count / 4] = 1
            cosines[3 * count / 4] = 0; sines[3 * count / 4] = -1
        }
        self.cosines = cosines
        self.sines = sines
    }

    /// The number of coefficients of a real vector's half spectrum: ⌊n/2⌋ + 1.
    var halfCount: Int { count / 2 + 1 }

    /// `X[k]` for k = 0…⌊n/2⌋ (numpy's `rfft`).
    func forward(_ x: [Double]) -> (real: [Double], imaginary: [Double]) {
        var real = [Double](repeating: 0, count: halfCount), imaginary = real
        for k in 0..<halfCount {
            var re = 0.0, im = 0.0
            for j in 0..<count {
                let m = (j * k) % count
                re += x[j] * cosines[m]
                im -= x[j] * sines[m]
            }
            real[k] = re
            imaginary[k] = im
        }
        return (real, imaginary)
    }

    /// The real vector whose half spectrum is given (numpy's `irfft` with n = count): the
    /// imaginary parts of the DC and (for even n) Nyquist coefficients are ignored.
    func inverse(real: [Double], imaginary: [Double]) -> [Double] {
        var x = [Double](repeating: 0, count: count)
        let n = count
        for j in 0..<n {
            var sum = real[0]
            for k in 1..<halfCount {
                let m = (j * k) % n
                let term = real[k] * cosines[m] - imaginary[k] * sines[m]
                sum += (n % 2 == 0 && k == n / 2) ? term : 2 * term
            }
            x[j] = sum / Double(n)
        }
        return x
    }
}
