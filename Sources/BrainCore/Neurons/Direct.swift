/// No neurons: an ensemble with this type represents its value exactly and its outgoing
/// connections apply their functions directly (Nengo's `Direct`).
///
/// ``rates(currents:)`` is the identity; gain, bias, max rates and intercepts do not exist
/// (empty arrays); there is no state, and the simulator never calls
/// ``step(dt:count:current:output:state:stateStride:)``.
public struct Direct: NeuronType {
    /// The Direct type; it has no parameters.
    public init() {}

    public var isSpiking: Bool { false }

    public var isDirect: Bool { true }

    public var stateVariables: [NeuronStateVariable] { [] }

    /// The identity: a Direct ensemble's "activity" is its input.
    public func rates(currents: [Double]) -> [Double] {
        currents
    }

    /// Empty: Direct ensembles have no neurons to place.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        ([], [])
    }

    /// Empty: Direct ensembles have no neurons to describe.
    public func maxRatesIntercepts(gain: [Double], bias: [Double]) -> (maxRates: [Double], intercepts: [Double]) {
        ([], [])
    }

    /// Does nothing: a Direct ensemble has no neurons, so the simulator computes its output
    /// without a neuron step and never calls this.
    public func step(
        dt: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {}

    public var description: String { "Direct()" }
}
