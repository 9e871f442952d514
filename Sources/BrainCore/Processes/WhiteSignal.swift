import Foundation

/// A band-limited white-noise signal, periodic with period `period`: random Fourier
/// coefficients up to the cut-off `high`, turned into a time signal once when the simulation
/// is built.
///
/// With `N = ⌈period/dt/2⌉` and σ = rms/√2, the N + 1 coefficients of each dimension are
/// drawn as Nengo draws them (all imaginary parts, then all real parts, each N(0, σ), row-major
/// over (N + 1) x d); c₀ = 0, Im c_N = 0, and every frequency `k/(2N·dt) > high` is zeroed.
/// The rest are divided by `√(1 − zeroed/N)` and multiplied by `√(2N)`, and the signal is
/// the inverse real DFT of length 2N. The output at time t is `signal[round(t/dt) mod 2N]`.
/// With `y0`, each dimension is rotated so that its sample closest to y0 comes at the first
/// step (t = dt).
public struct WhiteSignal: SignalProcess, Equatable {
    /// The period of the signal in seconds.
    public let period: Double
    /// The cut-off frequency in Hz.
    public let high: Double
    /// The root-mean-square amplitude.
    public let rms: Double
    /// The value to start near, or nil to start anywhere.
    public let y0: Double?
    public let seed: Int?

    /// - Parameters:
    ///   - period: the period in seconds (> 0).
    ///   - high: the cut-off frequency in Hz (≥ 1/period; ≤ the Nyquist frequency 0.5/dt,
    ///     checked in ``makeStepper(sizeIn:sizeOut:dt:rng:)``).
    ///   - rms: the root-mean-square amplitude (> 0).
    ///   - y0: start the signal near this value.
    ///   - seed: a fixed seed, or nil to take one from the simulator.
    /// - Throws: ``BrainKitError`` (.validation) for a bad parameter, e.g.
    ///   "WhiteSignal: high must be >= 1/period = 1 Hz, got 0.5".
    public init(period: Double, high: Double, rms: Double = 0.5, y0: Double? = nil, seed: Int? = nil)
        throws(BrainKitError)
    {
        try Check.positiveFinite(period, "WhiteSignal", "period")
        try Check.finite([high], "WhiteSignal", "high")
        try Check.positiveFinite(rms, "WhiteSignal", "rms")
        if let y0 { try Check.finite([y0], "WhiteSignal", "y0") }
        guard high >= 1 / period else {
            throw .validation(
                "WhiteSignal", "high",
                "must be >= 1/period = \(Check.format(1 / period)) Hz (for a non-zero signal),"
                    + " got \(Check.format(high))")
        }
        self.period = period
        self.high = high
        self.rms = rms
        self.y0 = y0
        self.seed = seed
    }

    public var defaultSizeIn: Int { 0 }
    public var defaultSizeOut: Int { 1 }

    /// Draws the signal from `rng` (consuming 2(N + 1)·sizeOut normal draws).
    /// - Throws: ``BrainKitError`` (.validation) when `sizeIn` is not 0, `sizeOut` < 1, `dt`
    ///   is not > 0, or `high` exceeds the Nyquist frequency 0.5/dt.
    public func makeStepper(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError)
        -> any ProcessStepper
    {
        WhiteSignalStepper(signal: try signal(sizeIn: sizeIn, sizeOut: sizeOut, dt: dt, rng: &rng), dt: dt)
    }

    /// The whole period of the signal, 2N x sizeOut samples in `Double` (already rotated for
    /// `y0`): row i is the output at times t with `round(t/dt) mod 2N = i`.
    func signal(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError) -> Matrix {
        let object = "WhiteSignal"
        try ProcessChecks.noInput(sizeIn, object)
        try Check.atLeast(sizeOut, 1, object, "sizeOut")
        try ProcessChecks.timeStep(dt, object)
        let nyquist = 0.5 / dt
        guard high <= nyquist else {
            throw .validation(
                object, "high",
                "must be <= the Nyquist frequency 0.5/dt = \(Check.format(nyquist)) Hz, got \(Check.format(high))")
        }
        let halfLength = (period / dt / 2).rounded(.up)
        guard halfLength < Double(Int32.max) else {
            throw .validation(object, "period", "is too long for dt = \(dt): \(halfLength) frequencies")
        }
        let n = Int(halfLength)
        let sigma = rms / 2.0.squareRoot()
        var imaginary = Matrix(rows: n + 1, columns: sizeOut)
        var real = Matrix(rows: n + 1, columns: sizeOut)
        for i in 0..<imaginary.values.count { imaginary.values[i] = rng.normal(mean: 0, std: sigma) }
        for i in 0..<real.values.count { real.values[i] = rng.normal(mean: 0, std: sigma) }
        for j in 0..<sizeOut {
            real[0, j] = 0
            imaginary[0, j] = 0
            imaginary[n, j] = 0
        }
        // numpy's rfftfreq(2N, dt): k * (1 / (2N dt)).
        let frequencyStep = 1 / (Double(2 * n) * dt)
        var zeroed = 0
        for k in 0...n where Double(k) * frequencyStep > high {
            zeroed += 1
            for j in 0..<sizeOut {
                real[k, j] = 0
                imaginary[k, j] = 0
            }
        }
        let kept = (1 - Double(zeroed) / Double(n)).squareRoot()
        let length = Double(2 * n).squareRoot()
        for i in 0..<real.values.count {
            real.values[i] = real.values[i] / kept * length
            imaginary.values[i] = imaginary.values[i] / kept * length
        }
        var signal = FourierTransform(count: 2 * n).inverseReal(real: real, imaginary: imaginary)
        if let y0 { signal = Self.rotated(signal, toStartNear: y0) }
        return signal
    }

    /// Rotates each column so that its sample closest to `y0` (the first, on ties) moves to
    /// row 1, the first simulation step.
    private static func rotated(_ signal: Matrix, toStartNear y0: Double) -> Matrix {
        let m = signal.rows
        var out = signal
        for j in 0..<signal.columns {
            var closest = 0
            for i in 1..<m where abs(signal[i, j] - y0) < abs(signal[closest, j] - y0) { closest = i }
            for i in 0..<m { out[i, j] = signal[(i + closest - 1 + m) % m, j] }
        }
        return out
    }

    public var description: String {
        "WhiteSignal(period: \(period), high: \(high), rms: \(rms)\(y0.map { ", y0: \($0)" } ?? ""))"
    }
}

/// Plays a precomputed periodic signal: `output = signal[round(t/dt) mod rows]`.
final class WhiteSignalStepper: ProcessStepper {
    let rows: Int
    let columns: Int
    let dt: Double
    /// rows x columns samples, row-major.
    private let samples: UnsafeMutablePointer<Double>

    init(signal: Matrix, dt: Double) {
        rows = signal.rows
        columns = signal.columns
        self.dt = dt
        samples = .allocate(capacity: max(signal.values.count, 1))
        samples.initialize(from: signal.values, count: signal.values.count)
    }

    deinit {
        samples.deallocate()
    }

    /// The row played at `time`.
    func row(at time: Double) -> Int {
        let k = Int((time / dt).rounded(.toNearestOrEven)) % rows
        return k < 0 ? k + rows : k
    }

    func step(time: Double, input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == columns, "WhiteSignal: output has \(output.count) values, expected \(columns)")
        guard let out = output.baseAddress else { return }
        let source = samples + row(at: time) * columns
        var i = 0
        while i < columns {
            out[i] = Float(source[i])
            i += 1
        }
    }
}
