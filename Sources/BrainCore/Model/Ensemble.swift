/// A population of neurons that together represent a vector of `dimensions` values within a
/// ball of `radius`, with the Neural Engineering Framework's encoding
/// `J = gain ⊙ (E·x) / radius + bias`.
///
/// Every parameter is fixed when the ensemble is created (through
/// ``Network/ensemble(label:neurons:dimensions:radius:encoders:intercepts:maxRates:evalPoints:evalPointCount:neuronType:gain:bias:noise:normalizeEncoders:seed:)``)
/// and checked there. Random parameters are distributions; give fixed values with
/// ``Samples``. What the build actually drew is in `Simulator.built(_:)`.
public final class Ensemble: Sendable {
    /// A name for errors and probes.
    public let label: String?
    /// The number of neurons.
    public let neuronCount: Int
    /// The number of dimensions represented.
    public let dimensions: Int
    /// The radius of the represented space; eval points are scaled by it and the input is
    /// divided by it before encoding.
    public let radius: Double
    /// Preferred directions, n x d (Nengo: `ScatteredHypersphere(surface: true)`).
    public let encoders: any Distribution
    /// Where each neuron starts firing along its encoder, in units of the radius
    /// (Nengo: `Uniform(-1, 0.9)`).
    public let intercepts: any Distribution
    /// Firing rate at x = radius along the encoder, in Hz (Nengo: `Uniform(200, 400)`).
    public let maxRates: any Distribution
    /// Points at which decoders are fit (Nengo: `ScatteredHypersphere()`, the ball), in units
    /// of the radius.
    public let evalPoints: any Distribution
    /// The number of eval points to draw; nil means `max(clamp(500 d, 750, 2500), 2 n)`.
    public let evalPointCount: Int?
    /// The neuron model (Nengo: `LIF()`).
    public let neuronType: any NeuronType
    /// Gain and bias given directly (both or neither); they override maxRates and intercepts.
    public let gain: (any Distribution)?
    /// Biases given directly, with ``gain``.
    public let bias: (any Distribution)?
    /// A process added to the neurons' input currents every step.
    public let noise: (any SignalProcess)?
    /// Whether encoders are scaled to unit length.
    public let normalizeEncoders: Bool
    /// A fixed seed for this ensemble's random parameters, or nil to derive one.
    public let seed: Int?

    init(
        label: String?, neuronCount: Int, dimensions: Int, radius: Double,
        encoders: any Distribution, intercepts: any Distribution, maxRates: any Distribution,
        evalPoints: any Distribution, evalPointCount: Int?, neuronType: any NeuronType,
        gain: (any Distribution)?, bias: (any Distribution)?, noise: (any SignalProcess)?,
        normalizeEncoders: Bool, seed: Int?
    ) throws(BrainKitError) {
        let name = Ensemble.describe(label)
        try Check.atLeast(neuronCount, 1, name, "neurons")
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.atLeast(radius, 1e-10, name, "radius")
        try Check.floatFinite([radius], name, "radius")
        if let evalPointCount { try Check.atLeast(evalPointCount, 1, name, "evalPointCount") }
        try Ensemble.checkSizes(
            neurons: neuronCount, dimensions: dimensions, evalPointCount: evalPointCount, name: name)
        if let seed { try Network.checkSeed(seed, object: name, parameter: "seed") }
        try noise?.checkSeed()
        guard (gain == nil) == (bias == nil) else {
            throw .validation(
                name, gain == nil ? "bias" : "gain",
                "was given without \(gain == nil ? "gain" : "bias"); give both or neither")
        }
        try Ensemble.checkFixed(encoders, rows: neuronCount, columns: dimensions, name, "encoders")
        try Ensemble.checkFixed(intercepts, rows: neuronCount, columns: 1, name, "intercepts")
        try Ensemble.checkFixed(maxRates, rows: neuronCount, columns: 1, name, "maxRates")
        try Ensemble.checkFixed(evalPoints, rows: nil, columns: dimensions, name, "evalPoints")
        if let gain { try Ensemble.checkFixed(gain, rows: neuronCount, columns: 1, name, "gain") }
        if let bias { try Ensemble.checkFixed(bias, rows: neuronCount, columns: 1, name, "bias") }
        self.label = label
        self.neuronCount = neuronCount
        self.dimensions = dimensions
        self.radius = radius
        self.encoders = encoders
        self.intercepts = intercepts
        self.maxRates = maxRates
        self.evalPoints = evalPoints
        self.evalPointCount = evalPointCount
        self.neuronType = neuronType
        self.gain = gain
        self.bias = bias
        self.noise = noise
        self.normalizeEncoders = normalizeEncoders
        self.seed = seed
    }

    /// The ensemble's neurons, to connect to or from them directly or to probe spikes,
    /// voltages and currents.
    public var neurons: Neurons { Neurons(ensemble: self) }

    /// How errors name this ensemble: `Ensemble 'x'`.
    public var name: String { Ensemble.describe(label) }

    static func describe(_ label: String?) -> String {
        label.map { "Ensemble '\($0)'" } ?? "Ensemble (unlabeled)"
    }

    /// Checks that the ensemble's own arrays fit in the memory this process can have
    /// (``MemoryBudget/available``), in arithmetic that cannot overflow: 8 bytes per neuron
    /// and per dimension at least, the `neurons × dimensions` encoders and the
    /// `evalPointCount × dimensions` eval points. What the build needs besides (activities,
    /// weights) is checked when a `Simulator` is made.
    private static func checkSizes(
        neurons: Int, dimensions: Int, evalPointCount: Int?, name: String
    ) throws(BrainKitError) {
        let limit = MemoryBudget.available
        try Check.fits(
            bytes: Size.product(neurons, 8), limit: limit, "8 bytes per neuron at least for \(neurons) neurons", name,
            "neurons")
        try Check.fits(
            bytes: Size.product(dimensions, 8), limit: limit, "8 bytes per dimension at least for \(dimensions)",
            name, "dimensions")
        try Check.fits(
            bytes: Size.product(neurons, dimensions, 8), limit: limit,
            "\(neurons) x \(dimensions) encoders (8 bytes each)", name, "dimensions")
        if let evalPointCount {
            try Check.fits(
                bytes: Size.product(evalPointCount, dimensions, 8), limit: limit,
                "\(evalPointCount) x \(dimensions) eval points (8 bytes each)", name, "evalPointCount")
        }
    }

    /// The eval point count the build uses: the given one, else Nengo's heuristic
    /// `max(clamp(500 d, 750, 2500), 2 n)`.
    var resolvedEvalPointCount: Int {
        evalPointCount ?? max(min(max(500 * dimensions, 750), 2500), 2 * neuronCount)
    }

    /// Checks the shape of fixed ``Samples``; random distributions can take any shape.
    private static func checkFixed(
        _ distribution: any Distribution, rows: Int?, columns: Int, _ name: String, _ parameter: String
    ) throws(BrainKitError) {
        guard let fixed = distribution as? Samples else { return }
        let m = fixed.samples
        try Check.floatFinite(m.values, name, parameter)
        if columns == 1 && (m.rows == 1 || m.columns == 1) {
            let count = m.values.count
            if let rows, count != rows {
                throw .validation(name, parameter, "must have \(rows) values, got \(count)")
            }
            return
        }
        if m.columns != columns || (rows != nil && m.rows != rows) {
            let expected = rows.map { "\($0)x\(columns)" } ?? "Nx\(columns)"
            throw .validation(name, parameter, "must be a \(expected) matrix, got \(m.rows)x\(m.columns)")
        }
    }
}

/// The neurons of an ensemble, as a connection endpoint or probe target (Nengo's
/// `ens.neurons`). Connecting into neurons adds `gain ⊙ value` to their input currents.
public struct Neurons {
    /// The ensemble these neurons belong to.
    public let ensemble: Ensemble

    /// The number of neurons (0 for a Direct ensemble, which has none).
    public var count: Int { ensemble.neuronType.isDirect ? 0 : ensemble.neuronCount }

    /// How errors name these neurons.
    public var name: String { "Neurons of \(ensemble.name)" }
}

extension Network {
    /// Creates an ensemble in this network.
    ///
    /// Parameters left nil take this network's ``defaults`` (or its parents'), else Nengo's
    /// defaults: radius 1, encoders `ScatteredHypersphere(surface: true)`, intercepts
    /// `Uniform(-1, 0.9)`, max rates `Uniform(200, 400)` Hz, eval points
    /// `ScatteredHypersphere()`, neuron type `LIF()`.
    /// - Parameters:
    ///   - neurons: the number of neurons, >= 1.
    ///   - dimensions: the number of dimensions represented, >= 1.
    ///   - gain: the neurons' gains; give it with `bias` to set both directly.
    ///   - bias: the neurons' biases; give it with `gain`.
    ///   - noise: a process whose output is added to the input currents every step.
    ///   - maxRates: each neuron's rate (Hz) at `x = radius · encoder`.
    ///   - normalizeEncoders: scale encoders to unit length (default true).
    ///   - seed: the ensemble's seed; nil draws it from the network's.
    ///   - encoders: preferred directions, one per neuron (normalised unless `normalizeEncoders` is false).
    ///   - label: a name for errors and probes.
    ///   - neuronType: the neuron model (default ``LIF``).
    ///   - evalPointCount: how many eval points to draw; nil: `max(clamp(500·d, 750, 2500), 2·n)`.
    ///   - intercepts: where each neuron starts to fire, along its encoder, in units of the radius.
    ///   - evalPoints: where decoders are fit.
    ///   - radius: the represented range, > 0 (default 1).
    /// - Throws: ``BrainKitError`` naming the ensemble and the parameter at fault.
    @discardableResult
    public func ensemble(
        label: String? = nil,
        neurons: Int,
        dimensions: Int,
        radius: Double? = nil,
        encoders: (any Distribution)? = nil,
        intercepts: (any Distribution)? = nil,
        maxRates: (any Distribution)? = nil,
        evalPoints: (any Distribution)? = nil,
        evalPointCount: Int? = nil,
        neuronType: (any NeuronType)? = nil,
        gain: (any Distribution)? = nil,
        bias: (any Distribution)? = nil,
        noise: (any SignalProcess)? = nil,
        normalizeEncoders: Bool = true,
        seed: Int? = nil
    ) throws(BrainKitError) -> Ensemble {
        let ensemble = try Ensemble(
            label: label,
            neuronCount: neurons,
            dimensions: dimensions,
            radius: radius ?? resolved(\.radius) ?? 1,
            encoders: encoders ?? resolved(\.encoders) ?? ScatteredHypersphere(surface: true),
            intercepts: intercepts ?? resolved(\.intercepts) ?? Uniform(-1, 0.9),
            maxRates: maxRates ?? resolved(\.maxRates) ?? Uniform(200, 400),
            evalPoints: evalPoints ?? resolved(\.evalPoints) ?? ScatteredHypersphere(surface: false),
            evalPointCount: evalPointCount ?? resolved(\.evalPointCount),
            neuronType: neuronType ?? resolved(\.neuronType) ?? LIF(),
            gain: gain,
            bias: bias,
            noise: noise,
            normalizeEncoders: normalizeEncoders,
            seed: seed)
        add(ensemble)
        return ensemble
    }
}
