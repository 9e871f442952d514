import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

@Suite("FourierTransform (radix-2 and Bluestein)")
struct FourierTransformTests {
    /// The O(n²) definition, accumulated in Double.
    private func directTransform(_ re: [Double], _ im: [Double], inverse: Bool) -> ([Double], [Double]) {
        let n = re.count
        let sign: Double = inverse ? 1 : -1
        var outRe = [Double](repeating: 0, count: n), outIm = outRe
        for k in 0..<n {
            for j in 0..<n {
                let angle = sign * 2 * Double.pi * Double((j * k) % n) / Double(n)
                outRe[k] += re[j] * cos(angle) - im[j] * sin(angle)
                outIm[k] += re[j] * sin(angle) + im[j] * cos(angle)
            }
        }
        return (outRe, outIm)
    }

    @Test(arguments: [1, 2, 3, 5, 8, 12, 17, 64, 97, 100])
    func matchesTheDefinition(_ n: Int) {
        var rng = RandomState(seed: n)
        let re = (0..<n).map { _ in rng.standardNormal() }
        let im = (0..<n).map { _ in rng.standardNormal() }
        let fft = FourierTransform(count: n)
        for inverse in [false, true] {
            var (r, i) = (re, im)
            fft.transform(real: &r, imaginary: &i, inverse: inverse)
            let (er, ei) = directTransform(re, im, inverse: inverse)
            #expect(maxAbsoluteDifference(r, er) < 1e-12 && maxAbsoluteDifference(i, ei) < 1e-12, "n = \(n)")
        }
    }

    @Test(arguments: [6, 7, 16])
    func inverseRealMatchesTheHermitianDefinition(_ n: Int) {
        var rng = RandomState(seed: 100 + n)
        let half = n / 2
        var real = Matrix(rows: half + 1, columns: 3), imaginary = Matrix(rows: half + 1, columns: 3)
        for i in 0..<real.values.count {
            real.values[i] = rng.standardNormal()
            imaginary.values[i] = rng.standardNormal()
        }
        let signal = FourierTransform(count: n).inverseReal(real: real, imaginary: imaginary)
        for column in 0..<3 {
            // x_j = (1/n) Σ_k Re(X_k e^(2πi jk/n)) over the Hermitian extension.
            var expected = [Double](repeating: 0, count: n)
            for j in 0..<n {
                for k in 0..<n {
                    let mirrored = k > half
                    let index = mirrored ? n - k : k
                    let re = real[index, column]
                    let edge = index == 0 || (n % 2 == 0 && index == half)
                    let im = edge ? 0 : (mirrored ? -imaginary[index, column] : imaginary[index, column])
                    let angle = 2 * Double.pi * Double((j * k) % n) / Double(n)
                    expected[j] += (re * cos(angle) - im * sin(angle)) / Double(n)
                }
            }
            #expect(maxAbsoluteDifference(signal.column(column), expected) < 1e-13, "n = \(n), column \(column)")
        }
    }
}
