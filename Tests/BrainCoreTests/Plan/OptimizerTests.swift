import BrainTestSupport
@testable import BrainCore

import Testing

/// The optimizer's rewrites change no computed value: each model runs bit-identically with the
/// rewrite and with it blocked (a probe on the rewritten signal protects it).
@Suite("Optimizer rewrites")
struct OptimizerTests {
    /// An ensemble driven only through its neurons: its decoded input is only ever cleared, so
    /// `J = bias + E·x` becomes `J = bias`.
    func neuronDriven(protectingInput: Bool) throws -> (spikes: Matrix, voltage: Matrix) {
        let net = try Network(seed: 3)
        let drive = try net.node(output: (0..<40).map { Double($0 % 7) / 3 - 1 })
        let ensemble = try net.ensemble(neurons: 40, dimensions: 3)
        try net.connect(drive, to: ensemble.neurons, synapse: 0.005)
        let spikes = try net.probe(ensemble.neurons)
        let voltage = try net.probe(ensemble.neurons, .state("voltage"))
        if protectingInput { try net.probe(ensemble, .input) }
        let sim = try Simulator(net)
        try sim.run(steps: 300)
        return (try sim.data(spikes), try sim.data(voltage))
    }

    @Test func silentInputEncodingIsTheBias() throws {
        let rewritten = try neuronDriven(protectingInput: false)
        let kept = try neuronDriven(protectingInput: true)
        #expect(rewritten.spikes == kept.spikes)
        #expect(rewritten.voltage == kept.voltage)
        #expect(rewritten.spikes.values.contains { $0 > 0 })
    }
}
