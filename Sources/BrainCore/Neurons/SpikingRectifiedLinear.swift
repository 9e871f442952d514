/// A spiking neuron whose rate is rectified linear (Nengo's `SpikingRectifiedLinear`): an
/// integrator `v += max(J, 0) * dt` that emits `k = floor(v)` spikes, each of height
/// `amplitude / dt`, and keeps the remainder `v - k`. Several spikes per step are possible.
///
/// State: `voltage ~ Uniform(0, 1)`. Rates, gain and bias are the ``RectifiedLinear`` ones.
public struct SpikingRectifiedLinear: NeuronType {
    /// Scales the output (spike height `amplitude / dt`), > 0.
    public let amplitude: Double
    public let stateVariables: [NeuronStateVariable]

    static let defaultState = [
        NeuronStateVariable(name: "voltage", initial: NeuronInitialState.uniformVoltage)
    ]

    /// Nengo's default: `amplitude = 1`.
    public init() {
        amplitude = 1
        stateVariables = SpikingRectifiedLinear.defaultState
    }

    /// - Parameters:
    ///   - amplitude: output scale, > 0.
    ///   - initialState: a distribution replacing the default of `voltage`.
    /// - Throws: ``BrainKitError`` (validation) when `amplitude` is not > 0 or a state
    ///   variable name is unknown.
    public init(amplitude: Double = 1, initialState: [String: any Distribution] = [:]) throws(BrainKitError) {
        try Check.greaterThan(amplitude, 0, "SpikingRectifiedLinear", "amplitude")
        self.amplitude = amplitude
        self.stateVariables = try NeuronInitialState.resolve(
            "SpikingRectifiedLinear", defaults: SpikingRectifiedLinear.defaultState, overrides: initialState)
    }

    public var isSpiking: Bool { true }

    public func rates(currents: [Double]) -> [Double] {
        RectifiedLinearMath.rates(currents: currents, amplitude: amplitude)
    }

    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        try RectifiedLinearMath.gainBias("SpikingRectifiedLinear", maxRates: maxRates, intercepts: intercepts)
    }

    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        RectifiedLinearMath.maxRatesIntercepts(gain: gain, bias: bias)
    }

    /// `v += max(J, 0) * dt`, `k = floor(v)`, `output = (amplitude / dt) * k`, `v -= k`,
    /// sixteen neurons at a time.
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let dt = Float(stepSeconds)
        typealias Group = SIMD16<Float>
        let spikeHeight = Float(amplitude / stepSeconds)
        let voltage = state
        var i = 0
        let groupEnd = count - count % Group.scalarCount
        while i < groupEnd {
            var j = UnsafeRawPointer(current + i).loadUnaligned(as: Group.self)
            j.replace(with: 0, where: j .< Group())
            let v = UnsafeRawPointer(voltage + i).loadUnaligned(as: Group.self) + j * dt
            let spikes = SpikingRectifiedLinear.floor(v)
            UnsafeMutableRawPointer(output + i).storeBytes(of: spikeHeight * spikes, as: Group.self)
            UnsafeMutableRawPointer(voltage + i).storeBytes(of: v - spikes, as: Group.self)
            i += Group.scalarCount
        }
        while i < count {
            let v = voltage[i] + max(current[i], 0) * dt
            let spikes = v.rounded(.down)
            output[i] = spikeHeight * spikes
            voltage[i] = v - spikes
            i += 1
        }
    }

    /// `floor(v)` lane by lane without a library call (the baseline x86-64 target has no
    /// vector floor instruction): `(v ± 2²³) ∓ 2²³` rounds `|v| < 2²³` to the nearest integer,
    /// one less where that is above `v`; `|v| >= 2²³` (and NaN) is already integral.
    @inline(__always)
    static func floor(_ v: SIMD16<Float>) -> SIMD16<Float> {
        let big = SIMD16<Float>(repeating: 8_388_608)
        let negative = v .< SIMD16<Float>()
        let magic = big.replacing(with: -big, where: negative)
        var nearest = (v + magic) - magic
        nearest.replace(with: nearest - 1, where: nearest .> v)
        let magnitude = v.replacing(with: -v, where: negative)
        return nearest.replacing(with: v, where: .!(magnitude .< big))
    }

    public var description: String { "SpikingRectifiedLinear(amplitude: \(amplitude))" }
}
