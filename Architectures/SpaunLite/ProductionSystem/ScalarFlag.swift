import BrainCore
import BrainSPA
import Foundation

/// A flag: a 1-D ensemble that holds 0 or 1. Its decoded value returns to it through
/// `Lowpass(τ)` as `σ(x) = 1 / (1 + e^(−20 (x − 0.5)))`, so it settles at whichever of 0 and 1
/// is nearer; an input scaled by `gain` moves it (a route `1 − x` sets it, `−x` clears it).
///
/// Neurons: `neurons`.
public final class ScalarFlag: ScalarExpressible, ScalarSink {
    /// The subnetwork holding this part's neurons and nodes.
    public let network: Network
    /// The 1-D ensemble holding the flag.
    public let ensemble: Ensemble
    /// Routes arrive here, scaled by `gain`.
    public let input: ScalarInput
    /// The flag's decoded value, unfiltered.
    public let output: ScalarOutput

    /// - Throws: `BrainKitError` naming the memory and the parameter.
    public init(in parent: Network, label: String, gain: Double = 5, tau: Double = 0.03, neurons: Int = 100) throws(BrainKitError) {
        let name = "ScalarFlag '\(label)'"
        try Check.finite([gain], name, "gain")
        try Check.atLeast(neurons, 1, name, "neurons")
        network = try parent.network(label: label)
        ensemble = try network.ensemble(label: "value", neurons: neurons, dimensions: 1, radius: 1.2)
        let inputNode = try network.node(label: "input", sizeIn: 1)
        let outputNode = try network.node(label: "output", sizeIn: 1)
        try network.connect(inputNode, to: ensemble, synapse: nil, transform: .scalar(gain))
        try network.connect(
            ensemble, to: ensemble, synapse: try Lowpass(tau), function: { [1 / (1 + exp(-20 * ($0[0] - 0.5)))] })
        try network.connect(ensemble, to: outputNode, synapse: nil)
        input = ScalarInput(inputNode, name: "\(name) input")
        output = ScalarOutput(outputNode, name: "\(name) output")
    }

    public var scalarExpression: ScalarExpression { output.scalarExpression }
    public var scalarInput: ScalarInput { input }
}
