/// A neuron model: how input current becomes output activity.
///
/// A neuron type is a value (its parameters) plus three kinds of behaviour:
/// - **rate math** used when building (``rates(currents:)``, ``gainBias(maxRates:intercepts:)``,
///   ``maxRatesIntercepts(gain:bias:)``), in `Double`;
/// - **state**: the per-neuron variables (``stateVariables``) with their initial distributions;
/// - **a step** (``step(dt:count:current:output:state:stateStride:)``) that advances a
///   whole population of neurons in `Float`, called once per population per time step.
///
/// Currents are dimensionless (`J = gain * x + bias`); outputs are in Hz (rate types) or are
/// spikes of height `amplitude / dt` (spiking types).
public protocol NeuronType: Sendable, CustomStringConvertible {
    /// True when ``step(dt:count:current:output:state:stateStride:)`` emits spikes
    /// (`amplitude / dt` in the step a neuron fires) rather than rates.
    var isSpiking: Bool { get }

    /// True only for ``Direct``: the ensemble has no neurons and computes functions exactly.
    var isDirect: Bool { get }

    /// The state each neuron carries, in storage order, with initial-value distributions.
    var stateVariables: [NeuronStateVariable] { get }

    /// Steady-state firing rates (Hz) for constant input currents `currents`.
    func rates(currents: [Double]) -> [Double]

    /// Gain and bias that make each neuron start firing at `intercepts[i]` (in the encoder
    /// direction) and fire at `maxRates[i]` Hz at x = 1.
    /// Defaults to Nengo's numeric search over ``rates(currents:)``
    /// (``numericGainBias(maxRates:intercepts:)``).
    /// - Throws: ``BrainKitError/Kind/validation`` when a max rate cannot be reached.
    func gainBias(maxRates: [Double], intercepts: [Double]) throws(BrainKitError) -> (gain: [Double], bias: [Double])

    /// The inverse of ``gainBias(maxRates:intercepts:)`` (defaults to
    /// ``numericMaxRatesIntercepts(gain:bias:)``).
    func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double])

    /// Advances `count` neurons by one time step of `dt` seconds (state and arithmetic in
    /// `Float`; constants such as the spike height `amplitude / dt` are formed in `Double`).
    ///
    /// - Parameters:
    ///   - current: input currents J, `count` values.
    ///   - output: written with this step's output (Hz, or `amplitude / dt` for a spike).
    ///   - state: the state block; variable `v` (in ``stateVariables`` order) of neuron `i`
    ///     is at `state[v * stateStride + i]`.
    ///   - dt: the time step (s).
    ///   - count: the number of neurons.
    ///   - stateStride: the distance (in floats) between one state variable's block and the next in `state`.
    /// The step must not allocate. It may be called on a sub-range of a population (pointers
    /// offset by the range start, same `stateStride`), so neurons must be independent.
    func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int)
}

extension NeuronType {
    public var isDirect: Bool { false }
}

/// One state variable of a neuron type (`voltage`, `refractoryTime`, `adaptation`, ...).
public struct NeuronStateVariable: Sendable, CustomStringConvertible {
    /// The name used to probe it, e.g. `voltage`.
    public let name: String
    /// The distribution its initial values are drawn from at build time.
    public let initial: any Distribution

    /// A state variable named `name` whose initial values are drawn from `initial`.
    public init(name: String, initial: any Distribution) {
        self.name = name
        self.initial = initial
    }

    public var description: String { "\(name) ~ \(initial)" }
}
