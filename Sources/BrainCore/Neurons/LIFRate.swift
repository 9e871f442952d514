/// The firing rate of a leaky integrate-and-fire neuron, without spikes (Nengo's `LIFRate`).
///
/// `r(J) = amplitude / (tauRef + tauRC * log1p(1 / (J - 1)))` Hz for `J > 1`, else 0. It
/// approaches `amplitude / tauRef` as `J` grows. No state.
public struct LIFRate: LIFRateCurveNeuron {
    /// Membrane time constant (s), > 0.
    public let tauRC: Double
    /// Refractory period (s), >= 0.
    public let tauRef: Double
    /// Scales the output, > 0.
    public let amplitude: Double

    /// Nengo's defaults: `tauRC = 0.02`, `tauRef = 0.002`, `amplitude = 1`.
    public init() {
        tauRC = 0.02
        tauRef = 0.002
        amplitude = 1
    }

    /// - Parameters:
    ///   - tauRC: membrane time constant (s), > 0.
    ///   - tauRef: refractory period (s), >= 0.
    ///   - amplitude: output scale, > 0.
    /// - Throws: ``BrainKitError`` (validation) for a parameter out of range.
    public init(tauRC: Double = 0.02, tauRef: Double = 0.002, amplitude: Double = 1) throws(BrainKitError) {
        try LIFRateMath.validate("LIFRate", tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        self.tauRC = tauRC
        self.tauRef = tauRef
        self.amplitude = amplitude
    }

    public var isSpiking: Bool { false }

    public var stateVariables: [NeuronStateVariable] { [] }

    /// Writes `r(J)` for each neuron.
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let lif = LIFRateStep(tauRC: tauRC, tauRef: tauRef, amplitude: amplitude)
        var i = 0
        while i < count {
            output[i] = lif.rate(current: current[i])
            i += 1
        }
    }

    public var description: String {
        "LIFRate(tauRC: \(tauRC), tauRef: \(tauRef), amplitude: \(amplitude))"
    }
}
