/// A piecewise function of time given by its values at a few times.
///
/// - ``Interpolation/zero``: the value of the last time `tᵢ < t + dt/2` (so a value given for
///   time tᵢ appears at the step nearest tᵢ), and zeros before the first time.
/// - ``Interpolation/linear``: straight lines between consecutive times,
///   `y = (y_hi − y_lo)/(t_hi − t_lo)·(t − t_lo) + y_lo`, and zeros outside
///   [first time, last time].
///
/// ```swift
/// let stimulus = try Piecewise(data: [0: [0], 0.5: [1], 1: [-1]])
/// ```
public struct Piecewise: SignalProcess, Equatable {
    /// How the value between two given times is found.
    public enum Interpolation: String, Sendable {
        /// A step function: the value of the last given time up to the current step, zero before
    /// the first.
        case zero
        /// Linear interpolation between the given times, zero outside them.
        case linear
    }

    /// The times in seconds, increasing.
    public let times: [Double]
    /// One value vector per time (row i goes with `times[i]`).
    public let values: Matrix
    /// How values between the times are found.
    public let interpolation: Interpolation

    /// - Parameters:
    ///   - data: values (all of the same length) keyed by time in seconds.
    ///   - interpolation: how to fill in between the times.
    /// - Throws: ``BrainKitError`` (.validation) for no data, empty or unequal value sizes,
    ///   non-finite times or values, or linear interpolation with fewer than two times.
    public init(data: [Double: [Double]], interpolation: Interpolation = .zero) throws(BrainKitError) {
        let object = "Piecewise"
        let sorted = data.sorted { $0.key < $1.key }
        guard let first = sorted.first else { throw .validation(object, "data", "must contain at least one time") }
        let size = first.value.count
        guard size >= 1 else { throw .validation(object, "data", "values must not be empty") }
        for (time, value) in sorted where value.count != size {
            throw .validation(
                object, "data", "time \(Check.format(time)) has size \(value.count) instead of \(size)")
        }
        try Check.finite(sorted.map(\.key), object, "data times")
        try Check.floatFinite(sorted.flatMap(\.value), object, "data values")
        if interpolation == .linear && sorted.count < 2 {
            throw .validation(object, "interpolation", "linear needs at least 2 times, got \(sorted.count)")
        }
        self.times = sorted.map(\.key)
        self.values = Matrix(sorted.map(\.value))
        self.interpolation = interpolation
    }

    /// Scalar values keyed by time in seconds.
    public init(data: [Double: Double], interpolation: Interpolation = .zero) throws(BrainKitError) {
        try self.init(data: data.mapValues { [$0] }, interpolation: interpolation)
    }

    public var defaultSizeIn: Int { 0 }
    public var defaultSizeOut: Int { values.columns }
    /// A piecewise function is deterministic.
    public var seed: Int? { nil }

    /// - Throws: ``BrainKitError`` (.validation) when `sizeIn` is not 0, `sizeOut` is not the
    ///   value size, or `dt` is not > 0.
    public func makeStepper(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError)
        -> any ProcessStepper
    {
        try ProcessChecks.noInput(sizeIn, "Piecewise")
        try ProcessChecks.outputSize(sizeOut, values.columns, "Piecewise")
        try ProcessChecks.timeStep(dt, "Piecewise")
        return PiecewiseStepper(times: times, values: values, interpolation: interpolation, dt: dt)
    }

    public var description: String {
        "Piecewise(\(times.count) times, size \(values.columns), interpolation: \(interpolation))"
    }
}

final class PiecewiseStepper: ProcessStepper {
    let count: Int
    let size: Int
    let interpolation: Piecewise.Interpolation
    let dt: Double
    private let times: UnsafeMutablePointer<Double>
    /// count x size values, row-major.
    private let values: UnsafeMutablePointer<Double>
    /// This step's values in `Double`, before rounding to `Float`.
    private let scratch: UnsafeMutablePointer<Double>

    init(times: [Double], values: Matrix, interpolation: Piecewise.Interpolation, dt: Double) {
        count = times.count
        size = values.columns
        self.interpolation = interpolation
        self.dt = dt
        self.times = .allocate(capacity: count)
        self.times.initialize(from: times, count: count)
        self.values = .allocate(capacity: values.values.count)
        self.values.initialize(from: values.values, count: values.values.count)
        scratch = .allocate(capacity: size)
        scratch.initialize(repeating: 0, count: size)
    }

    deinit {
        times.deallocate()
        values.deallocate()
        scratch.deallocate()
    }

    /// The number of times strictly below `time` (numpy's `searchsorted(times, time)`).
    private func countBelow(_ time: Double) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Writes the value at `time` in `Double`.
    func values(at time: Double, into out: UnsafeMutablePointer<Double>) {
        switch interpolation {
        case .zero:
            let last = countBelow(time + 0.5 * dt) - 1
            for j in 0..<size { out[j] = last < 0 ? 0 : values[last * size + j] }
        case .linear:
            guard time >= times[0], time <= times[count - 1] else {
                for j in 0..<size { out[j] = 0 }
                return
            }
            let high = min(max(countBelow(time), 1), count - 1)
            let low = high - 1
            let span = times[high] - times[low]
            let offset = time - times[low]
            for j in 0..<size {
                let yLow = values[low * size + j]
                let slope = (values[high * size + j] - yLow) / span
                out[j] = slope * offset + yLow
            }
        }
    }

    func step(time: Double, input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == size, "Piecewise: output has \(output.count) values, expected \(size)")
        guard let out = output.baseAddress else { return }
        values(at: time, into: scratch)
        var j = 0
        while j < size {
            out[j] = Float(scratch[j])
            j += 1
        }
    }
}
