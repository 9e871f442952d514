import Foundation

/// A Mersenne Twister (MT19937) random number generator that draws exactly what
/// `numpy.random.RandomState(seed)` (numpy's legacy generator) draws, call for call.
///
/// Nengo derives every random quantity (seeds, encoders, intercepts, eval points, initial
/// voltages) from `RandomState`, so reproducing its stream lets a BrainKit model built from
/// the same seed get the same parameters as the Nengo model (for 1-D ensembles exactly).
///
/// The algorithms are the published ones: MT19937 with `init_genrand` seeding; 53-bit doubles
/// from two 32-bit draws; bounded integers by masked rejection; Gaussians by the polar
/// Box–Muller method with one cached value; gammas by Marsaglia and Tsang's method (shape > 1)
/// or rejection (shape < 1); betas by Jöhnk's algorithm or a ratio of gammas; Fisher–Yates
/// shuffles from the last element down.
public struct RandomState: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624
    private var cachedGaussian: Double?

    /// The largest seed Nengo draws: `2^31 - 1` (numpy's `int32` max), used as the exclusive
    /// bound of ``nextSeed()``.
    public static let maxSeed = 2_147_483_647

    /// A generator seeded like `RandomState(seed)`.
    /// - Precondition: `0 <= seed < 2^32`.
    public init(seed: Int) {
        precondition(seed >= 0 && seed <= Int(UInt32.max), "RandomState: seed must be in [0, 2^32 - 1], got \(seed)")
        state[0] = UInt32(seed)
        for i in 1..<624 {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// A generator seeded from the system's entropy, for models without a seed.
    public static func fromEntropy() -> RandomState {
        var system = SystemRandomNumberGenerator()
        return RandomState(seed: Int(UInt32.random(in: 0...UInt32.max, using: &system)))
    }

    // MARK: - Raw draws

    /// The next 32-bit output of MT19937.
    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7FFF_FFFF, matrixA: UInt32 = 0x9908_B0DF
        for i in 0..<624 {
            let y = (state[i] & upper) | (state[(i + 1) % 624] & lower)
            var next = state[(i + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { next ^= matrixA }
            state[i] = next
        }
        index = 0
    }

    // MARK: - numpy's legacy distributions

    /// A uniform double in [0, 1) with 53 random bits (`random_sample`, `rand`).
    public mutating func randomSample() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A uniform double in [low, high) (`uniform(low, high)`).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * randomSample()
    }

    /// A uniform integer in [0, max] by masked rejection (numpy's `random_interval`).
    public mutating func interval(_ max: Int) -> Int {
        precondition(max >= 0 && max <= Int(UInt32.max), "RandomState.interval: bound \(max) out of range")
        if max == 0 { return 0 }
        var mask = UInt32(max)
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = nextUInt32() & mask
            if value <= UInt32(max) { return Int(value) }
        }
    }

    /// A uniform integer in [low, high) (`randint(low, high)`).
    public mutating func randint(_ low: Int, _ high: Int) -> Int {
        precondition(high > low, "RandomState.randint: empty range [\(low), \(high))")
        return low + interval(high - low - 1)
    }

    /// The next object seed Nengo would draw: `randint(2^31 - 1)`.
    public mutating func nextSeed() -> Int {
        randint(0, RandomState.maxSeed)
    }

    /// A standard normal draw (`standard_normal`), by the polar Box–Muller method; every
    /// second call returns the cached partner value.
    public mutating func standardNormal() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * randomSample() - 1
            x2 = 2 * randomSample() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// A normal draw with the given mean and standard deviation (`normal`).
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * standardNormal()
    }

    /// An exponential draw with the given scale (`exponential`): `-log(1 - u) * scale`,
    /// computed exactly so (not with `log1p`, which rounds differently in ~7% of draws).
    public mutating func exponential(scale: Double) -> Double {
        -log(1 - randomSample()) * scale
    }

    /// A standard gamma draw with the given shape (scale 1) (`standard_gamma`), as numpy's
    /// legacy `RandomState`:
    /// - `shape == 1`: the standard exponential `-log(1 - u)`;
    /// - `shape == 0`: 0, drawing nothing;
    /// - `shape < 1`: rejection from a mixture of a power and an exponential tail: draw `u`
    ///   and an exponential `v`; if `u ≤ 1 − shape`, `x = u^(1/shape)` is accepted when `x ≤ v`;
    ///   otherwise `y = −log((1 − u)/shape)`, `x = (1 − shape + shape·y)^(1/shape)` is accepted
    ///   when `x ≤ v + y`;
    /// - `shape > 1`: Marsaglia and Tsang's method with `b = shape − 1/3`, `c = 1/√(9b)`: draw a
    ///   standard normal `x` (``standardNormal()``, sharing its cached value) until
    ///   `v = 1 + c·x > 0`, then `v = v³` and a uniform `u`; return `b·v` when
    ///   `u < 1 − 0.0331·x⁴` or `log(u) < x²/2 + b·(1 − v + log(v))`, else start again.
    ///
    /// Every operation is done in numpy's order (and with the C library's `pow`, `log`), so
    /// the draws are bit-identical.
    /// - Precondition: `shape >= 0`.
    public mutating func standardGamma(shape: Double) -> Double {
        precondition(shape >= 0, "RandomState.standardGamma: shape must be >= 0, got \(shape)")
        if shape == 1 {
            return exponential(scale: 1)  // -log(1 - u): the factor 1 is exact
        }
        if shape == 0 {
            return 0
        }
        if shape < 1 {
            while true {
                let u = randomSample()
                let v = exponential(scale: 1)
                if u <= 1 - shape {
                    let x = pow(u, 1 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1 - shape + shape * y, 1 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1 / 3
        let c = 1 / (9 * b).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = standardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = randomSample()
            if u < 1 - 0.0331 * (x * x) * (x * x) { return b * v }
            if log(u) < 0.5 * x * x + b * (1 - v + log(v)) { return b * v }
        }
    }

    /// A beta draw with shapes `a` and `b` (`beta(a, b)`), density
    /// `x^(a−1) (1 − x)^(b−1) / B(a, b)` on [0, 1], as numpy's legacy `RandomState`:
    /// - `a ≤ 1` and `b ≤ 1`: Jöhnk's algorithm: draw uniforms `u`, `v` and set `x = u^(1/a)`,
    ///   `y = v^(1/b)` until `x + y ≤ 1`, then return `x / (x + y)`; when both powers underflow
    ///   to 0, the ratio is taken in logs: with `lx = log(u)/a`, `ly = log(v)/b` shifted by
    ///   their maximum, `exp(lx − log(exp(lx) + exp(ly)))`;
    /// - otherwise `x = G(a)`, `y = G(b)` from ``standardGamma(shape:)`` (in that order) and
    ///   `x / (x + y)`.
    /// - Precondition: `a > 0` and `b > 0`.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "RandomState.beta: a and b must be > 0, got \(a) and \(b)")
        guard a <= 1 && b <= 1 else {
            let x = standardGamma(shape: a)
            let y = standardGamma(shape: b)
            return x / (x + y)
        }
        while true {
            let u = randomSample()
            let v = randomSample()
            let x = pow(u, 1 / a)
            let y = pow(v, 1 / b)
            guard x + y <= 1 else { continue }
            if x + y > 0 {
                return x / (x + y)
            }
            var logX = log(u) / a
            var logY = log(v) / b
            let logMax = logX > logY ? logX : logY
            logX -= logMax
            logY -= logMax
            return exp(logX - log(exp(logX) + exp(logY)))
        }
    }

    /// Shuffles `values` in place exactly as `shuffle` does (Fisher–Yates from the end).
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i >= 1 {
            let j = interval(i)
            values.swapAt(i, j)
            i -= 1
        }
    }

    /// Shuffles the rows of `matrix` in place, as `shuffle` does for a 2-D array.
    public mutating func shuffleRows(_ matrix: inout Matrix) {
        var order = Array(0..<matrix.rows)
        var i = matrix.rows - 1
        while i >= 1 {
            let j = interval(i)
            order.swapAt(i, j)
            i -= 1
        }
        matrix = matrix.selectingRows(order)
    }
}
