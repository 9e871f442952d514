import BrainTestSupport
import Testing

@testable import BrainNetworks

/// Nengo's thalamus test (networks spec §C1 test_thalamus) and the action-selection figure of
/// spec §D1 with their thresholds, plus exact Direct-mode and rate-mode checks.
@Suite("Thalamus")
struct ThalamusTests {
    /// A basal ganglia fed `utilities` (no synapse) driving a thalamus (default synapse), with
    /// the thalamus output probed through Lowpass(0.01), run for `seconds`.
    static func select(
        _ utilities: [Double], seconds: Double, neuronType: (any NeuronType)? = nil, seed: Int
    ) throws -> (data: Matrix, times: [Double]) {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let basalGanglia = try BasalGanglia(in: net, dimensions: utilities.count)
        let thalamus = try Thalamus(in: net, dimensions: utilities.count)
        try net.connect(try net.node(output: utilities), to: basalGanglia.input, synapse: nil)
        try net.connect(basalGanglia.output, to: thalamus.input)
        let probe = try net.probe(thalamus.output, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: seconds)
        return (try sim.data(probe), sim.trange())
    }

    /// The selection time of `action`: the first sample time at which its output exceeds every
    /// other action's by at least `margin` and stays the largest until the end (nil if never).
    static func selectionTime(_ data: Matrix, times: [Double], action: Int, margin: Double) -> Double? {
        var first: Double?
        for row in times.indices.reversed() {
            let values = data.row(row)
            let others = values.indices.filter { $0 != action }.map { values[$0] }.max()!
            guard values[action] > others else { break }
            if values[action] - others >= margin { first = times[row] }
        }
        return first
    }

    @Test func selectsTheLargestInput() throws {
        let (data, times) = try ThalamusTests.select(BasalGangliaTests.standardInput, seconds: 0.2, seed: 1)
        let means = EnsembleArrayTests.columnMeans(data, times: times, after: 0.1)
        #expect(means[0] > 0.8, "\(means)")
        #expect(means[1...].allSatisfy { $0 < 0.01 }, "\(means)")
    }

    /// Spec §D1: utilities [0.8, 0.4, 0.6, 0.3, 0.5]; action 0 is selected (leads by 0.5 and
    /// stays the argmax) within 50 ms, and the thalamus holds it over 0.1–0.3 s.
    @Test func selectsActionZeroWithin50Milliseconds() throws {
        let (data, times) = try ThalamusTests.select(BasalGangliaTests.figureInput, seconds: 0.3, seed: 0)
        let selected = try #require(ThalamusTests.selectionTime(data, times: times, action: 0, margin: 0.5))
        #expect(selected <= 0.05, "selected at \(selected) s")
        let means = EnsembleArrayTests.columnMeans(data, times: times, after: 0.1)
        #expect(means[0] > 0.8, "\(means)")
        #expect(means[1...].allSatisfy { $0 < 0.05 }, "\(means)")
    }

    /// Rate mode selects as spiking does, and matches Nengo 4.1 with LIFRate neurons and the same
    /// seed (Tests/BrainNetworksTests/Fixtures/make_basal_ganglia.py, "thalamus_rate"). Measured:
    /// within 1.7e-5, the largest at t = 20 ms while action 0 rises through its neurons'
    /// thresholds, where the LIF rate curve is steepest (infinite slope at threshold) and
    /// amplifies Float32 rounding of the currents; 1e-6 elsewhere.
    @Test func selectsInRateModeAsNengoDoes() throws {
        let (data, times) = try ThalamusTests.select(
            BasalGangliaTests.figureInput, seconds: 0.3, neuronType: LIFRate(), seed: 0)
        let selected = try #require(ThalamusTests.selectionTime(data, times: times, action: 0, margin: 0.5))
        #expect(selected <= 0.05, "selected at \(selected) s")
        let means = EnsembleArrayTests.columnMeans(data, times: times, after: 0.1)
        #expect(means[0] > 0.8, "\(means)")
        #expect(means[1...].allSatisfy { $0 < 0.05 }, "\(means)")

        let nengoSamples = [
            [0.003028286, 0.005124099, 0.000561426, 0.002058695, 0.006027381],
            [0.001836748, 0.003107923, 0.000340522, 0.001248661, 0.003655791],
            [0.158262902, 0.001143341, 0.009365877, 0.000459357, 0.001344890],
            [0.806965189, 0.000056924, 0.000466300, 0.000022870, 0.000066958],
            [0.867601486, 0.000000384, 0.000003142, 0.000000154, 0.000000451],
        ]
        let nengoMean = [0.868030824, 0.000000018, 0.000000149, 0.000000007, 0.000000021]
        let samples = BasalGangliaTests.rows(data, at: [0.005, 0.01, 0.02, 0.05, 0.1])
        for (sample, expected) in zip(samples, nengoSamples) {
            #expect(maxAbsoluteDifference(sample, expected) < 1e-4, "\(sample) vs \(expected)")
        }
        #expect(maxAbsoluteDifference(means, nengoMean) < 1e-4, "\(means)")
    }

    /// In Direct mode the actions are linear: x = 1 + y + m·(x − Σx), whose solution is
    /// Σx = (N + Σy)/(1 + m(N − 1)) and x = (1 + y − m·Σx)/(1 − m). With m = 0.5 the loop
    /// contracts (its gains are m and m(1 − N)), so the run settles there; 1e-5 covers Float32
    /// storage (the outputs are of order 1).
    @Test func directModeSettlesToTheLinearSteadyState() throws {
        let input = [-0.1, -1.2, -0.6, -0.9], m = 0.5, n = Double(input.count)
        let sum = (n + input.reduce(0, +)) / (1 + m * (n - 1))
        let expected = input.map { (1 + $0 - m * sum) / (1 - m) }
        let net = try Network(seed: 6)
        net.defaults.neuronType = Direct()
        let thalamus = try Thalamus(in: net, dimensions: input.count, mutualInhibition: m)
        try net.connect(try net.node(output: input), to: thalamus.input, synapse: nil)
        let probe = try net.probe(thalamus.output)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.3)
        let last = try sim.data(probe).row(sim.stepCount - 1)
        #expect(maxAbsoluteDifference(last, expected) < 1e-5, "\(last) vs \(expected)")
    }

    @Test func actionsAreThresholdedWithPositiveEncoders() throws {
        let net = try Network(seed: 7)
        let thalamus = try Thalamus(in: net, dimensions: 3, neuronsPerEnsemble: 30, threshold: 0.2)
        #expect(thalamus.dimensions == 3 && net.neuronCount == 90)
        #expect(thalamus.input === thalamus.actions.input && thalamus.output === thalamus.actions.output)
        let sim = try Simulator(net)
        for ensemble in thalamus.actions.ensembles {
            let built = try sim.built(ensemble)
            #expect(built.encoders.values.allSatisfy { $0 == 1 })
            #expect(built.intercepts.allSatisfy { $0 >= 0.2 && $0 <= 1 })
        }
    }

    @Test func invalidParametersThrowNamingTheNetwork() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try Thalamus(in: net, dimensions: 0) }
        #expect(throws: BrainKitError.self) { try Thalamus(in: net, dimensions: 2, neuronsPerEnsemble: 0) }
        #expect(throws: BrainKitError.self) { try Thalamus(in: net, dimensions: 2, mutualInhibition: .nan) }
        do {
            _ = try Thalamus(in: net, dimensions: 2, threshold: 1)
            Issue.record("a threshold of 1 was accepted")
        } catch {
            #expect(error.description.hasPrefix("Thalamus 'Thalamus': threshold"), "\(error)")
        }
    }
}
