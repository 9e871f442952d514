import BrainTestSupport
import Testing

@testable import BrainCore
@testable import BrainNetworks

/// Nengo's basal ganglia tests (networks spec §C1: test_basic, test_bias_input,
/// test_overridden_configs) with Nengo's thresholds, plus the exact steady state of the rate
/// model in Direct mode and the selection in rate (LIFRate) mode.
@Suite("BasalGanglia")
struct BasalGangliaTests {
    static let standardInput = [0.8, 0.4, 0.4, 0.4, 0.4]
    static let figureInput = [0.8, 0.4, 0.6, 0.3, 0.5]

    /// Builds `BasalGanglia(5)` fed `input` with no synapse, runs it for 0.2 s and returns its
    /// output probed through Lowpass(0.01).
    static func run(input: [Double], neuronType: (any NeuronType)? = nil, seed: Int) throws -> (
        data: Matrix, times: [Double]
    ) {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let basalGanglia = try BasalGanglia(in: net, dimensions: input.count)
        try net.connect(try net.node(output: input), to: basalGanglia.input, synapse: nil)
        let probe = try net.probe(basalGanglia.output, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.2)
        return (try sim.data(probe), sim.trange())
    }

    /// The rows of `data` at `sampleTimes` (seconds, on the 1 ms grid).
    static func rows(_ data: Matrix, at sampleTimes: [Double]) -> [[Double]] {
        sampleTimes.map { data.row(Int(($0 / 0.001).rounded()) - 1) }
    }

    /// The networks' mix of many small operators and a few populations is where the executor
    /// moves kernels between threads to save barriers: two threads must still compute exactly
    /// what one does (20 actions, as the bg20 benchmark).
    @Test func twoThreadsComputeExactlyWhatOneDoes() throws {
        func run(threads: Int) throws -> [Double] {
            let net = try Network(seed: 0)
            let basalGanglia = try BasalGanglia(in: net, dimensions: 20)
            let utilities = (0..<20).map { 0.3 + 0.4 * Double(($0 * 7) % 20) / 20 }
            try net.connect(try net.node(output: utilities), to: basalGanglia.input, synapse: nil)
            let probe = try net.probe(basalGanglia.output, synapse: 0.01)
            // Two threads even where one would do (the executor runs bg20 on one by itself).
            let sim = try Simulator(net, dt: 0.001, seed: nil, threads: threads, sharing: .always)
            #expect(sim.threads == threads)
            try sim.run(seconds: 0.1)
            return try sim.data(probe).values
        }
        #expect(try run(threads: 1) == run(threads: 2))
    }

    @Test func selectsTheLargestInput() throws {
        let (data, times) = try BasalGangliaTests.run(input: BasalGangliaTests.standardInput, seed: 1)
        let output = EnsembleArrayTests.columnMeans(data, times: times, after: 0.1)
        #expect(output[0] > -0.1, "\(output)")
        #expect(output[1...].allSatisfy { $0 < -0.8 }, "\(output)")
    }

    /// Nengo 4.1 with LIFRate neurons and the same network seed draws the same neurons, so the
    /// run must match it (Tests/BrainNetworksTests/Fixtures/make_basal_ganglia.py, "bg_rate").
    /// Measured: within 7e-7 (samples and means); the tolerance leaves room for the simulator's
    /// Float32 storage, whose rounding the lowpass loops amplify up to tenfold.
    @Test func selectsTheLargestInputInRateModeAsNengoDoes() throws {
        let (data, times) = try BasalGangliaTests.run(
            input: BasalGangliaTests.standardInput, neuronType: LIFRate(), seed: 0)
        let output = EnsembleArrayTests.columnMeans(data, times: times, after: 0.1)
        #expect(output[0] > -0.1, "\(output)")
        #expect(output[1...].allSatisfy { $0 < -0.8 }, "\(output)")

        let nengoSamples = [
            [-1.376851358, -1.424361267, -1.421330804, -1.426279277, -1.418466114],
            [-1.553741924, -1.853128914, -1.866681462, -1.855608738, -1.855587335],
            [-0.586701932, -1.093631009, -1.116945665, -1.095373602, -1.100815785],
            [-0.076898274, -0.921260923, -0.997904885, -0.922509262, -0.966539239],
            [-0.048785968, -0.904157069, -0.979524930, -0.905051795, -0.950574696],
        ]
        let nengoMean = [-0.048602567, -0.903941603, -0.979230792, -0.904840043, -0.950353223]
        let samples = BasalGangliaTests.rows(data, at: [0.005, 0.01, 0.02, 0.05, 0.1])
        for (sample, expected) in zip(samples, nengoSamples) {
            #expect(maxAbsoluteDifference(sample, expected) < 1e-5, "\(sample) vs \(expected)")
        }
        #expect(maxAbsoluteDifference(output, nengoMean) < 1e-5, "\(output)")
    }

    @Test func inputBiasShiftsTheInput() throws {
        let net = try Network(seed: 2)
        let basalGanglia = try BasalGanglia(in: net, dimensions: 3, inputBias: -0.5)
        try net.connect(try net.node(output: [0.8, 0.5, 0.2]), to: basalGanglia.input, synapse: nil)
        let probe = try net.probe(basalGanglia.input, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.1)
        let data = try sim.data(probe), times = sim.trange()
        for row in times.indices where times[row] > 0.08 {
            #expect(maxAbsoluteDifference(data.row(row), [0.3, 0, -0.3]) < 0.005, "t = \(times[row])")
        }
        #expect(basalGanglia.biasInput != nil)
        #expect(try BasalGanglia(in: net, dimensions: 3).biasInput == nil)
    }

    /// The lowpass time constant of a connection's synapse, nil for none (−1 for another filter).
    static func tau(_ connection: Connection) -> Double? {
        guard let synapse = connection.synapse else { return nil }
        return (synapse as? Lowpass)?.tau ?? -1
    }

    @Test func synapsesAreAMPAOrGABAUnlessOverridden() throws {
        let net = try Network(seed: 3)
        let standard = try BasalGanglia(in: net, dimensions: 4)
        let taus = standard.network.allConnections.map(BasalGangliaTests.tau)
        #expect(taus.allSatisfy { $0 == nil || $0 == 0.002 || $0 == 0.008 }, "\(taus)")
        #expect(taus.filter { $0 == 0.002 }.count == 2)
        #expect(taus.filter { $0 == 0.008 }.count == 4)

        let overridden = try BasalGanglia(
            in: net, dimensions: 4, ampaSynapse: try Lowpass(0.003), gabaSynapse: try Alpha(0.01))
        let stnOutput = overridden.stn.outputs["func_stn"]!
        for connection in overridden.network.allConnections where connection.synapse != nil {
            if case .node(let pre) = connection.pre.object, pre === stnOutput {
                #expect((connection.synapse as? Lowpass)?.tau == 0.003)
            } else {
                #expect((connection.synapse as? Alpha)?.tau == 0.01, "\(connection.name)")
            }
        }
        #expect(overridden.network.allConnections.filter { $0.synapse != nil }.count == 6)

        let unfiltered = try BasalGanglia(in: net, dimensions: 4, ampaSynapse: nil)
        #expect(unfiltered.network.allConnections.filter { $0.synapse != nil }.count == 4)
    }

    /// Direct mode computes the rate model of spec §A4 exactly. Its steady state (every filter
    /// has unit DC gain) is the fixed point of the equations with the filters removed; these
    /// values are that fixed point (from iterating the discrete rate model in Double until it
    /// stopped changing: the transient decays below 1e-10 within 0.2 s). The tolerance covers
    /// the simulator's Float storage (relative precision 6e-8 on values of order 1 passing
    /// through a few dozen operations) and the transient left after 0.3 s (< 1e-15).
    @Test(arguments: [
        (figureInput, [-0.0531081081, -1.2051081081, -0.6291081081, -1.4931081081, -0.9171081081]),
        (standardInput, [0, -0.9712105263, -0.9712105263, -0.9712105263, -0.9712105263]),
    ])
    func directModeSettlesToTheRateModelSteadyState(input: [Double], expected: [Double]) throws {
        let net = try Network(seed: 4)
        net.defaults.neuronType = Direct()
        let basalGanglia = try BasalGanglia(in: net, dimensions: input.count)
        try net.connect(try net.node(output: input), to: basalGanglia.input, synapse: nil)
        let probe = try net.probe(basalGanglia.output)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.3)
        let last = try sim.data(probe).row(sim.stepCount - 1)
        #expect(maxAbsoluteDifference(last, expected) < 5e-6, "\(last)")
        #expect(net.neuronCount == 0)
    }

    @Test func invalidParametersThrowNamingTheNetwork() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try BasalGanglia(in: net, dimensions: 0) }
        #expect(throws: BrainKitError.self) { try BasalGanglia(in: net, dimensions: 2, neuronsPerEnsemble: 0) }
        #expect(throws: BrainKitError.self) { try BasalGanglia(in: net, dimensions: 2, outputWeight: .nan) }
        do {
            _ = try BasalGanglia(in: net, label: "BG", dimensions: 2, inputBias: .infinity)
            Issue.record("an infinite input bias was accepted")
        } catch {
            #expect(error.description.hasPrefix("BasalGanglia 'BG': inputBias"), "\(error)")
        }
    }

    @Test func buildsFivePopulationsOfOneDimensionalEnsembles() throws {
        let net = try Network(seed: 5)
        let basalGanglia = try BasalGanglia(in: net, dimensions: 3, neuronsPerEnsemble: 20)
        let populations = [basalGanglia.strD1, basalGanglia.strD2, basalGanglia.stn, basalGanglia.gpi, basalGanglia.gpe]
        #expect(populations.allSatisfy { $0.ensembleCount == 3 && $0.neuronsPerEnsemble == 20 })
        #expect(net.neuronCount == 5 * 3 * 20)
        #expect(basalGanglia.dimensions == 3)
        let sim = try Simulator(net)
        for ensemble in basalGanglia.gpi.ensembles {
            #expect(ensemble.radius == 1.5)
            let built = try sim.built(ensemble)
            #expect(built.encoders.values.allSatisfy { $0 == 1 })
            #expect(built.intercepts.allSatisfy { $0 >= -0.2 && $0 <= 1 })
        }
        let decoded = basalGanglia.network.allConnections.filter {
            if case .ensemble = $0.pre.object { return true }
            return false
        }
        #expect(decoded.count == 5 * 3 * 2)
        for connection in decoded {
            let decoders = try #require(try sim.built(connection).decoders)
            #expect(decoders.values.allSatisfy { $0 >= 0 }, "\(connection.name)")
        }
    }
}
