import BrainCore

/// The matrix exponential of a small dense matrix, by scaling and squaring with a Taylor
/// series: `exp(M) = exp(M / 2^s)^(2^s)` with `s` chosen so that `‖M / 2^s‖∞ ≤ 1/2`, and the
/// series summed until a term is below `1e-17` of the sum (at most 30 terms). The truncation
/// error is then below machine precision relative to the result for the matrices of neuron
/// models (a few state variables); squaring amplifies rounding by about `2^s` only in
/// strongly non-normal cases.
///
/// The matrix is balanced first (a diagonal similarity `D⁻¹ M D` by powers of two, as
/// LAPACK's `dgebal` without permutations), since neuron models in SI units mix entries of
/// very different sizes (`R/tau ≈ 1e10` next to `a ≈ 1e-9`); balancing is exact and keeps the
/// number of squarings, and the rounding they amplify, small.
///
/// Works on raw row-major buffers so that it can run inside a step without allocating.
enum MatrixExponential {
    /// Doubles of scratch ``compute(_:size:result:scratch:)`` needs.
    static func scratchCount(size: Int) -> Int { 2 * size * size + size }

    /// Writes `exp(matrix)` into `result` (both `size × size`, row-major). `matrix` is
    /// overwritten (scaled).
    static func compute(
        _ matrix: UnsafeMutablePointer<Double>, size m: Int, result: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) {
        let count = m * m
        let balance = scratch + 2 * count
        MatrixBalancing.balance(matrix, size: m, scale: balance)
        var norm = 0.0
        for i in 0..<m {
            var row = 0.0
            for j in 0..<m { row += abs(matrix[i * m + j]) }
            norm = max(norm, row)
        }
        var squarings = 0
        if norm.isFinite {
            while norm > 0.5 && squarings < 1000 {
                norm *= 0.5
                squarings += 1
            }
        }
        let scale = 1 / pow2(squarings)
        for k in 0..<count { matrix[k] *= scale }

        let term = scratch
        let product = scratch + count
        for k in 0..<count {
            result[k] = 0
            term[k] = 0
        }
        for i in 0..<m {
            result[i * m + i] = 1
            term[i * m + i] = 1
        }
        for order in 1...30 {
            multiply(term, matrix, into: product, size: m)
            var termSize = 0.0
            var sumSize = 0.0
            let inverse = 1 / Double(order)
            for k in 0..<count {
                term[k] = product[k] * inverse
                result[k] += term[k]
                termSize = max(termSize, abs(term[k]))
                sumSize = max(sumSize, abs(result[k]))
            }
            if termSize <= 1e-17 * sumSize { break }
        }
        for _ in 0..<squarings {
            multiply(result, result, into: product, size: m)
            for k in 0..<count { result[k] = product[k] }
        }
        // exp(M) = D exp(D⁻¹ M D) D⁻¹.
        for i in 0..<m {
            for j in 0..<m { result[i * m + j] *= balance[i] / balance[j] }
        }
    }

    private static func pow2(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 2 }
        return value
    }

    /// `c = a · b` for `size × size` row-major matrices (`c` must not alias `a` or `b`).
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, size m: Int
    ) {
        for i in 0..<m {
            for j in 0..<m {
                var sum = 0.0
                for k in 0..<m { sum += a[i * m + k] * b[k * m + j] }
                c[i * m + j] = sum
            }
        }
    }
}

/// The exact one-step solution of `dX/dt = A X + b` with `A`, `b` constant over the step:
/// `X(t + dt) = E X(t) + Φ b` with `E = exp(A dt)` and `Φ = ∫₀^dt exp(A s) ds`, both read off
/// the exponential of the block matrix `[[A, I], [0, 0]] · dt` (Van Loan's method), which
/// stays exact when `A` is singular (a variable with `dX/dt = b`).
enum LinearPropagator {
    /// Doubles of scratch ``compute(matrix:size:dt:propagator:integral:scratch:)`` needs.
    static func scratchCount(size n: Int) -> Int {
        let m = 2 * n
        return 2 * m * m + MatrixExponential.scratchCount(size: m)
    }

    /// Writes `E` into `propagator` and `Φ` into `integral` (`n × n`, row-major).
    static func compute(
        matrix a: UnsafePointer<Double>, size n: Int, dt: Double, propagator: UnsafeMutablePointer<Double>,
        integral: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
    ) {
        let m = 2 * n
        let block = scratch
        let exponential = scratch + m * m
        for k in 0..<(m * m) { block[k] = 0 }
        for i in 0..<n {
            for j in 0..<n { block[i * m + j] = a[i * n + j] * dt }
            block[i * m + n + i] = dt
        }
        MatrixExponential.compute(block, size: m, result: exponential, scratch: scratch + 2 * m * m)
        for i in 0..<n {
            for j in 0..<n {
                propagator[i * n + j] = exponential[i * m + j]
                integral[i * n + j] = exponential[i * m + n + j]
            }
        }
    }
}
