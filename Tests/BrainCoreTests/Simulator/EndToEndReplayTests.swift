import Testing
import BrainTestSupport
import Foundation
@testable import BrainCore

/// Fixture f: a sine node into 20 LIF neurons, with Nengo's gain, bias, encoders, initial
/// voltages and probe decoders injected. Spikes must fall on the same steps and decoded
/// values agree to 1e-4.
@Suite("End-to-end replay of Nengo (fixture f)")
struct EndToEndReplayTests {
    @Test func replayMatchesNengo() throws {
        let f = try Fixture("f_end_to_end")
        let n = f.doubles("gain").count
        let steps = Int(f.double("n_steps"))
        let decoders = Matrix(column: f.doubles("probe_decoders"))

        let net = try Network(seed: 7)
        let stimulus = try net.node(function: { t in sin(2 * .pi * t) })
        let ensemble = try net.ensemble(
            neurons: n, dimensions: 1,
            encoders: Samples(Matrix(rows: n, columns: 1, values: f.doubles("encoders"))),
            neuronType: try LIF(initialState: ["voltage": Samples(f.doubles("initial_voltage"))]),
            gain: Samples(f.doubles("gain")), bias: Samples(f.doubles("bias")))
        try net.connect(stimulus, to: ensemble)
        let input = try net.probe(ensemble, .input)
        let unfiltered = try net.probe(ensemble, solver: NoSolver(values: decoders))
        let filtered = try net.probe(ensemble, synapse: try Lowpass(0.01), solver: NoSolver(values: decoders))
        let spikes = try net.probe(ensemble.neurons)

        let sim = try Simulator(net)
        try sim.run(steps: steps)

        #expect(maxAbsoluteDifference(try sim.data(input).column(0), f.doubles("input")) < 1e-6)
        let spikeData = try sim.data(spikes)
        let expectedSteps = f.intLists("spike_steps")
        for neuron in 0..<n {
            let ours = (0..<steps).filter { spikeData[$0, neuron] > 0 }.map { $0 + 1 }
            #expect(ours == expectedSteps[neuron], "neuron \(neuron)")
        }
        #expect(maxAbsoluteDifference(try sim.data(unfiltered).column(0), f.doubles("decoded_unfiltered")) < 1e-4)
        #expect(maxAbsoluteDifference(try sim.data(filtered).column(0), f.doubles("decoded_filtered_0.01")) < 1e-4)
    }
}
