import Foundation

/// Unfiltered white noise: every step draws `sizeOut` fresh values from `distribution`,
/// `x = distribution.sample(1, sizeOut)`, and outputs `x / √dt` when `scale` is true (so that
/// integrating it over time gives a variance that does not depend on dt), else `x`.
public struct WhiteNoise: SignalProcess {
    /// The distribution of each value (by default the standard normal).
    public let distribution: any Distribution
    /// Whether to multiply by `1/√dt`.
    public let scale: Bool
    public let seed: Int?

    /// - Parameters:
    ///   - distribution: the distribution of each value.
    ///   - scale: multiply by `1/√dt`.
    ///   - seed: a fixed seed, or nil to take one from the simulator.
    public init(distribution: any Distribution = Gaussian.standardNormal, scale: Bool = true, seed: Int? = nil) {
        self.distribution = distribution
        self.scale = scale
        self.seed = seed
    }

    public var defaultSizeIn: Int { 0 }
    public var defaultSizeOut: Int { 1 }

    /// The stepper continues the random stream from `rng`'s current state, drawing at every
    /// step; `rng` itself is left as it was.
    /// - Throws: ``BrainKitError`` (.validation) when `sizeIn` is not 0, `dt` is not > 0, or the
    ///   distribution cannot draw `sizeOut` values at a time.
    public func makeStepper(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError)
        -> any ProcessStepper
    {
        try ProcessChecks.noInput(sizeIn, "WhiteNoise")
        try Check.atLeast(sizeOut, 0, "WhiteNoise", "sizeOut")
        try ProcessChecks.timeStep(dt, "WhiteNoise")
        // A trial draw on a copy, so that a shape the distribution rejects fails here.
        var trial = rng
        let drawn = try distribution.sample(count: 1, dimensions: sizeOut, rng: &trial)
        try Check.floatFinite(drawn.values, "WhiteNoise", "distribution")
        return WhiteNoiseStepper(
            distribution: distribution, size: sizeOut, gain: scale ? 1 / dt.squareRoot() : 1, rng: rng)
    }

    public var description: String { "WhiteNoise(distribution: \(distribution), scale: \(scale))" }
}

/// Draws `size` values per step. Gaussian and (non-integer or integer) Uniform draws are made
/// value by value without allocating, in the order their `sample` makes them; any other
/// distribution goes through `sample(count: 1, dimensions: size)`, which allocates its result.
final class WhiteNoiseStepper: ProcessStepper {
    private enum Source {
        case gaussian(mean: Double, std: Double)
        case uniform(low: Double, high: Double)
        case integers(low: Int, high: Int)
        case other(any Distribution)
    }

    private let source: Source
    let size: Int
    /// `1/√dt` or 1.
    let gain: Double
    private var rng: RandomState
    /// This step's values in `Double`, before rounding to `Float`.
    private let scratch: UnsafeMutablePointer<Double>

    init(distribution: any Distribution, size: Int, gain: Double, rng: RandomState) {
        if let gaussian = distribution as? Gaussian {
            source = .gaussian(mean: gaussian.mean, std: gaussian.std)
        } else if let uniform = distribution as? Uniform {
            source =
                uniform.integer
                ? .integers(low: Int(uniform.low), high: Int(uniform.high))
                : .uniform(low: uniform.low, high: uniform.high)
        } else {
            source = .other(distribution)
        }
        self.size = size
        self.gain = gain
        self.rng = rng
        scratch = .allocate(capacity: max(size, 1))
        scratch.initialize(repeating: 0, count: max(size, 1))
    }

    deinit {
        scratch.deallocate()
    }

    /// Writes the next `size` values, in `Double` (the exact values `step` rounds to `Float`).
    func nextValues(_ output: UnsafeMutablePointer<Double>) {
        switch source {
        case .gaussian(let mean, let std):
            for i in 0..<size { output[i] = gain * rng.normal(mean: mean, std: std) }
        case .uniform(let low, let high):
            for i in 0..<size { output[i] = gain * rng.uniform(low, high) }
        case .integers(let low, let high):
            for i in 0..<size { output[i] = gain * Double(rng.randint(low, high)) }
        case .other(let distribution):
            // The trial draw in makeStepper proved this shape is accepted.
            let sample = (try? distribution.sample(count: 1, dimensions: size, rng: &rng))?.values ?? []
            for i in 0..<size { output[i] = i < sample.count ? gain * sample[i] : .nan }
        }
    }

    func step(time: Double, input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == size, "WhiteNoise: output has \(output.count) values, expected \(size)")
        guard let out = output.baseAddress else { return }
        nextValues(scratch)
        var i = 0
        while i < size {
            out[i] = Float(scratch[i])
            i += 1
        }
    }
}
