extension FourierTransform {
    /// The inverse real DFT of each column of a half spectrum, as numpy's
    /// `irfft(coefficients, n=count, axis=0)`:
    /// `x_j = (1/n) Σ_{k<n} X_k e^(2πi jk/n)` with the Hermitian extension
    /// `X_k = c_k` for k ≤ n/2 and `X_k = conj(c_{n−k})` above; the imaginary parts of c₀ and
    /// (n even) c_{n/2} are ignored.
    ///
    /// Two real columns are transformed at once as the real and imaginary parts of one complex
    /// transform.
    /// - Parameters:
    ///   - real: (n/2 + 1) x d real parts of the coefficients.
    ///   - imaginary: (n/2 + 1) x d imaginary parts.
    /// - Returns: n x d real signals.
    func inverseReal(real: Matrix, imaginary: Matrix) -> Matrix {
        let n = count
        let half = n / 2
        precondition(
            real.rows == half + 1 && imaginary.rows == half + 1 && real.columns == imaginary.columns,
            "FourierTransform.inverseReal: expected \(half + 1) coefficient rows")
        let dimensions = real.columns
        var signal = Matrix(rows: n, columns: dimensions)
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        let scale = 1 / Double(n)
        var first = 0
        while first < dimensions {
            let second = first + 1 < dimensions ? first + 1 : nil
            for k in 0..<n {
                let (r1, i1) = hermitian(real, imaginary, column: first, k: k)
                let (r2, i2) = second.map { hermitian(real, imaginary, column: $0, k: k) } ?? (0, 0)
                // Z = X1 + i X2.
                re[k] = r1 - i2
                im[k] = i1 + r2
            }
            transform(real: &re, imaginary: &im, inverse: true)
            for j in 0..<n {
                signal[j, first] = re[j] * scale
                if let second { signal[j, second] = im[j] * scale }
            }
            first += 2
        }
        return signal
    }

    /// X_k of column `column` in the Hermitian extension of the half spectrum.
    private func hermitian(_ real: Matrix, _ imaginary: Matrix, column: Int, k: Int) -> (Double, Double) {
        let half = count / 2
        if k == 0 || (count % 2 == 0 && k == half) { return (real[k, column], 0) }
        if k <= half { return (real[k, column], imaginary[k, column]) }
        return (real[count - k, column], -imaginary[count - k, column])
    }
}
