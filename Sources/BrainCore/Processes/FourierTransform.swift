import Foundation

/// The discrete Fourier transform of complex sequences of a fixed length n, in `Double`:
/// `X_k = Σ_j x_j e^(∓2πi jk/n)` (− forward, + inverse, unnormalised).
///
/// Powers of two use an iterative radix-2 Cooley–Tukey transform; other lengths use
/// Bluestein's chirp-z algorithm, which rewrites the transform as a circular convolution of
/// power-of-two length L ≥ 2n − 1 via `jk = (j² + k² − (k − j)²)/2`. Chirp angles are reduced
/// exactly (`j² mod 2n`) before the cosine, so the error stays ~1e-16 · log n relative to the
/// largest value. Build-time only (white-signal synthesis, the SPA layer's HRR algebra).
/// - Complexity: O(n log n) time for any n; O(L) memory.
package struct FourierTransform {
    package let count: Int
    private let plan: Plan

    private enum Plan {
        case radix2(Radix2)
        case bluestein(Bluestein)
    }

    /// - Precondition: `count >= 1`.
    package init(count: Int) {
        precondition(count >= 1, "FourierTransform: length must be >= 1, got \(count)")
        self.count = count
        if count & (count - 1) == 0 {
            plan = .radix2(Radix2(count: count))
        } else {
            plan = .bluestein(Bluestein(count: count))
        }
    }

    /// Transforms `(real, imaginary)` in place.
    /// - Precondition: both arrays have `count` values.
    package func transform(real: inout [Double], imaginary: inout [Double], inverse: Bool) {
        precondition(real.count == count && imaginary.count == count, "FourierTransform: wrong length")
        switch plan {
        case .radix2(let radix2): radix2.transform(real: &real, imaginary: &imaginary, inverse: inverse)
        case .bluestein(let bluestein): bluestein.transform(real: &real, imaginary: &imaginary, inverse: inverse)
        }
    }
}

/// Iterative in-place radix-2 decimation-in-time FFT for a power-of-two length.
private struct Radix2 {
    let count: Int
    /// cos(2π j / n) and sin(2π j / n) for j < n/2.
    let cosines: [Double]
    let sines: [Double]

    init(count: Int) {
        self.count = count
        let half = count / 2
        cosines = (0..<half).map { cos(2 * Double.pi * Double($0) / Double(count)) }
        sines = (0..<half).map { sin(2 * Double.pi * Double($0) / Double(count)) }
    }

    func transform(real: inout [Double], imaginary: inout [Double], inverse: Bool) {
        let n = count
        if n == 1 { return }
        let sign: Double = inverse ? 1 : -1
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                // Bit-reversal permutation.
                var j = 0
                for i in 1..<n {
                    var bit = n >> 1
                    while j & bit != 0 {
                        j ^= bit
                        bit >>= 1
                    }
                    j |= bit
                    if i < j {
                        re.swapAt(i, j)
                        im.swapAt(i, j)
                    }
                }
                var size = 2
                while size <= n {
                    let halfSize = size / 2
                    let stride = n / size
                    var start = 0
                    while start < n {
                        var k = 0
                        while k < halfSize {
                            let wr = cosines[k * stride]
                            let wi = sign * sines[k * stride]
                            let a = start + k
                            let b = a + halfSize
                            let tr = wr * re[b] - wi * im[b]
                            let ti = wr * im[b] + wi * re[b]
                            re[b] = re[a] - tr
                            im[b] = im[a] - ti
                            re[a] += tr
                            im[a] += ti
                            k += 1
                        }
                        start += size
                    }
                    size *= 2
                }
            }
        }
    }
}

/// Bluestein's chirp-z transform for any length n through a power-of-two convolution.
private struct Bluestein {
    let count: Int
    let inner: Radix2
    /// The chirp w_j = e^(iπ j²/n), j < n (its conjugate is used for the forward transform).
    let chirpReal: [Double]
    let chirpImaginary: [Double]
    /// The transform of the convolution kernel conj(w_j), j ∈ (−n, n), for the inverse
    /// direction (the forward kernel is its conjugate in time, computed alongside).
    let kernelInverse: (real: [Double], imaginary: [Double])
    let kernelForward: (real: [Double], imaginary: [Double])

    init(count: Int) {
        self.count = count
        var length = 1
        while length < 2 * count - 1 { length <<= 1 }
        let radix = Radix2(count: length)
        inner = radix
        let period = 2 * count
        let cosines = (0..<count).map { cos(Double.pi * Double(($0 * $0) % period) / Double(count)) }
        let sines = (0..<count).map { sin(Double.pi * Double(($0 * $0) % period) / Double(count)) }
        chirpReal = cosines
        chirpImaginary = sines
        func kernel(sign: Double) -> (real: [Double], imaginary: [Double]) {
            var re = [Double](repeating: 0, count: length)
            var im = [Double](repeating: 0, count: length)
            // conj(w_j) for the direction: e^(−sign·iπ j²/n), placed circularly at j and L − j.
            for j in 0..<count {
                re[j] = cosines[j]
                im[j] = -sign * sines[j]
                if j > 0 {
                    re[length - j] = re[j]
                    im[length - j] = im[j]
                }
            }
            radix.transform(real: &re, imaginary: &im, inverse: false)
            return (re, im)
        }
        kernelInverse = kernel(sign: 1)
        kernelForward = kernel(sign: -1)
    }

    func transform(real: inout [Double], imaginary: inout [Double], inverse: Bool) {
        let n = count
        let length = inner.count
        let sign: Double = inverse ? 1 : -1
        let kernel = inverse ? kernelInverse : kernelForward
        var re = [Double](repeating: 0, count: length)
        var im = [Double](repeating: 0, count: length)
        // a_j = x_j w_j with w_j = e^(sign·iπ j²/n).
        for j in 0..<n {
            let wr = chirpReal[j], wi = sign * chirpImaginary[j]
            re[j] = real[j] * wr - imaginary[j] * wi
            im[j] = real[j] * wi + imaginary[j] * wr
        }
        inner.transform(real: &re, imaginary: &im, inverse: false)
        for j in 0..<length {
            let r = re[j] * kernel.real[j] - im[j] * kernel.imaginary[j]
            im[j] = re[j] * kernel.imaginary[j] + im[j] * kernel.real[j]
            re[j] = r
        }
        inner.transform(real: &re, imaginary: &im, inverse: true)
        let scale = 1 / Double(length)
        // X_k = w_k (a ∗ conj(w))_k.
        for k in 0..<n {
            let cr = re[k] * scale, ci = im[k] * scale
            let wr = chirpReal[k], wi = sign * chirpImaginary[k]
            real[k] = cr * wr - ci * wi
            imaginary[k] = cr * wi + ci * wr
        }
    }
}
