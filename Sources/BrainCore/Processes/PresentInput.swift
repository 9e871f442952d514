/// Presents each of `inputs` in turn for `presentationTime` seconds, cycling: the output at
/// time t is `inputs[⌊(t − dt)/T + 1e-7⌋ mod count]` (the first input from the first step).
public struct PresentInput: SignalProcess, Equatable {
    /// One input vector per row.
    public let inputs: Matrix
    /// How long each input is shown, in seconds.
    public let presentationTime: Double

    /// - Parameters:
    ///   - inputs: the vectors to present, all the same length.
    ///   - presentationTime: seconds per input (> 0).
    /// - Throws: ``BrainKitError`` (.validation) for no inputs, empty or ragged inputs,
    ///   non-finite values or `presentationTime` ≤ 0.
    public init(inputs: [[Double]], presentationTime: Double) throws(BrainKitError) {
        let object = "PresentInput"
        guard let size = inputs.first?.count, size >= 1 else {
            throw .validation(object, "inputs", "must contain at least one non-empty input")
        }
        for (i, input) in inputs.enumerated() where input.count != size {
            throw .validation(object, "inputs", "must all have \(size) values, but input \(i) has \(input.count)")
        }
        try Check.floatFinite(inputs.flatMap { $0 }, object, "inputs")
        try Check.positiveFinite(presentationTime, object, "presentationTime")
        self.inputs = Matrix(inputs)
        self.presentationTime = presentationTime
    }

    public var defaultSizeIn: Int { 0 }
    public var defaultSizeOut: Int { inputs.columns }
    /// Presenting inputs is deterministic.
    public var seed: Int? { nil }

    /// - Throws: ``BrainKitError`` (.validation) when `sizeIn` is not 0, `sizeOut` is not the
    ///   input length, or `dt` is not > 0.
    public func makeStepper(sizeIn: Int, sizeOut: Int, dt: Double, rng: inout RandomState) throws(BrainKitError)
        -> any ProcessStepper
    {
        try ProcessChecks.noInput(sizeIn, "PresentInput")
        try ProcessChecks.outputSize(sizeOut, inputs.columns, "PresentInput")
        try ProcessChecks.timeStep(dt, "PresentInput")
        return PresentInputStepper(inputs: inputs, presentationTime: presentationTime, dt: dt)
    }

    public var description: String {
        "PresentInput(\(inputs.rows) inputs of size \(inputs.columns), presentationTime: \(presentationTime))"
    }
}

final class PresentInputStepper: ProcessStepper {
    let count: Int
    let size: Int
    let presentationTime: Double
    let dt: Double
    /// count x size values, row-major, already rounded to `Float`.
    private let values: UnsafeMutablePointer<Float>

    init(inputs: Matrix, presentationTime: Double, dt: Double) {
        count = inputs.rows
        size = inputs.columns
        self.presentationTime = presentationTime
        self.dt = dt
        values = .allocate(capacity: inputs.values.count)
        values.initialize(from: inputs.values.map { Float($0) }, count: inputs.values.count)
    }

    deinit {
        values.deallocate()
    }

    /// The index of the input shown at `time`.
    func index(at time: Double) -> Int {
        let position = (time - dt) / presentationTime + 1e-7
        guard position.magnitude < 9e18 else { return 0 }
        let i = Int(position) % count
        return i < 0 ? i + count : i
    }

    func step(time: Double, input: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == size, "PresentInput: output has \(output.count) values, expected \(size)")
        guard let out = output.baseAddress else { return }
        let source = values + index(at: time) * size
        var i = 0
        while i < size {
            out[i] = source[i]
            i += 1
        }
    }
}
