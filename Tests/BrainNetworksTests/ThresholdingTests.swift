import BrainTestSupport
import Testing

@testable import BrainNetworks

/// nengo_spa's Thresholding tests (networks spec §C2, thresholds unchanged), plus exact
/// checks in Direct mode and a rate-mode run.
@Suite("Thresholding")
struct ThresholdingTests {
    static let input = [0.8, 0.5, 0.2, -0.1]
    static func step(_ x: Double) -> Double { x > 0 ? 1 : 0 }

    /// Builds nengo_spa's test_thresholding_array model and runs it for 0.2 s; returns the
    /// output and thresholded probes (τ 0.03) and the times.
    static func run(seed: Int, neuronType: (any NeuronType)? = nil) throws -> (Matrix, Matrix, [Double]) {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let thresholding = try Thresholding(in: net, neurons: 50, count: 4, threshold: 0.2, function: step)
        try net.connect(try net.node(label: "input", output: input), to: thresholding.input)
        let output = try net.probe(thresholding.output, synapse: 0.03)
        let thresholded = try net.probe(thresholding.thresholded, synapse: 0.03)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.2)
        return (try sim.data(output), try sim.data(thresholded), sim.trange())
    }

    /// Nengo's pass conditions for test_thresholding_array, for t > 0.15 s.
    static func expectNengoBehaviour(_ output: Matrix, _ thresholded: Matrix, _ times: [Double]) {
        let late: (Double) -> Bool = { $0 > 0.15 }
        for c in 0..<2 {
            let values = Window.column(output, c, times: times, where: late)
            #expect(values.allSatisfy { $0 > 0.9 }, "output[\(c)] min \(values.min()!)")
        }
        for c in 2..<4 {
            #expect(Window.column(output, c, times: times, where: late).allSatisfy { $0 < 0.001 })
            #expect(Window.column(thresholded, c, times: times, where: late).allSatisfy { $0 < 0.001 })
        }
        for (c, expected) in [(0, 0.6), (1, 0.3)] {
            let values = Window.column(thresholded, c, times: times, where: late)
            #expect(maxAbsoluteDifference(values, values.map { _ in expected }) <= 0.06, "thresholded[\(c)]")
        }
    }

    @Test func spikingArrayThresholds() throws {
        let (output, thresholded, times) = try ThresholdingTests.run(seed: 1)
        ThresholdingTests.expectNengoBehaviour(output, thresholded, times)
    }

    @Test func rateArrayThresholds() throws {
        let (output, thresholded, times) = try ThresholdingTests.run(seed: 1, neuronType: LIFRate())
        ThresholdingTests.expectNengoBehaviour(output, thresholded, times)
    }

    /// nengo_spa's test_thresholding_array_output_shift: without a function the output is
    /// the input itself above the threshold, and exactly 0 below.
    @Test func identityOutputIsShiftedBack() throws {
        let net = try Network(seed: 2)
        let thresholding = try Thresholding(in: net, neurons: 50, count: 2, threshold: 0.5)
        try net.connect(try net.node(output: [0.7, 0.4]), to: thresholding.input)
        let probe = try net.probe(thresholding.output, synapse: 0.03)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.2)
        let data = try sim.data(probe), times = sim.trange()
        let passed = Window.column(data, 0, times: times, where: { $0 > 0.15 })
        #expect(maxAbsoluteDifference(passed, passed.map { _ in 0.7 }) <= 0.1)
        #expect(data.column(1).allSatisfy { $0 == 0 })
    }

    /// In Direct mode the rectification is exact: thresholded = max(u − θ, 0) and output =
    /// u > θ ? f(u) : 0 (once the bias has passed its Lowpass(0.005)); values above the
    /// radius are clipped to it.
    @Test func directModeIsTheIdealThresholding() throws {
        let net = try Network(seed: 3)
        net.defaults.neuronType = Direct()
        let stepped = try Thresholding(
            in: net, label: "step", neurons: 1, count: 4, threshold: 0.2, function: ThresholdingTests.step)
        let identity = try Thresholding(in: net, label: "identity", neurons: 1, count: 4, threshold: 0.2)
        // 0.15 rather than Nengo's 0.2: an input exactly at the threshold lands on either
        // side by Float rounding.
        let input = try net.node(output: [0.8, 0.5, 0.15, -0.1])
        try net.connect(input, to: stepped.input, synapse: nil)
        try net.connect(input, to: identity.input, synapse: nil)
        let large = try Thresholding(in: net, label: "large", neurons: 1, count: 1, threshold: 0.2)
        try net.connect(try net.node(output: 1.7), to: large.input, synapse: nil)
        let probes = try [stepped.output, stepped.thresholded, identity.output, large.thresholded, large.output].map {
            try net.probe($0)
        }
        let sim = try Simulator(net)
        try sim.run(seconds: 0.2)
        let expected = [[1, 1, 0, 0], [0.6, 0.3, 0, 0], [0.8, 0.5, 0, 0], [1], [1.2]]
        for (probe, values) in zip(probes, expected) {
            let last = try sim.data(probe).row(sim.trange().count - 1)
            #expect(maxAbsoluteDifference(last, values) < 1e-6, "\(last) vs \(values)")
        }
        #expect(net.neuronCount == 0)
    }

    /// The preset places every intercept in [0, radius) and every encoder at +1.
    @Test func ensemblesUseTheThresholdingPreset() throws {
        let net = try Network(seed: 4)
        let thresholding = try Thresholding(in: net, neurons: 40, count: 2, threshold: 0.3, radius: 2)
        let sim = try Simulator(net)
        for ensemble in thresholding.array.ensembles {
            let built = try sim.built(ensemble)
            #expect(built.intercepts.allSatisfy { $0 >= 0 && $0 < 2 })
            #expect(built.encoders.values.allSatisfy { $0 == 1 })
            #expect(ensemble.radius == 2)
        }
        #expect(thresholding.count == 2)
        #expect(thresholding.network.networks.count == 1)
    }

    /// Nengo's preset: intercepts Exponential(width, threshold, radius), eval points
    /// Uniform(threshold / radius, 1), encoders +1.
    @Test func presetMatchesNengo() throws {
        let preset = try ModelDefaults.thresholdingEnsembles(threshold: 0.3, interceptWidth: 0.1, radius: 2)
        let intercepts = try #require(preset.intercepts as? Exponential)
        let evalPoints = try #require(preset.evalPoints as? Uniform)
        #expect(intercepts.scale == 0.1 && intercepts.shift == 0.3 && intercepts.high == 2)
        #expect(evalPoints.low == 0.15 && evalPoints.high == 1 && preset.radius == 2)
        #expect((preset.encoders as? Choice)?.options.values == [1])
        #expect(throws: BrainKitError.self) { try ModelDefaults.thresholdingEnsembles(threshold: 2, radius: 2) }
    }

    @Test func rejectsInvalidParameters() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try Thresholding(in: net, neurons: 0, count: 2, threshold: 0) }
        #expect(throws: BrainKitError.self) { try Thresholding(in: net, neurons: 10, count: 0, threshold: 0) }
        #expect(throws: BrainKitError.self) {
            try Thresholding(in: net, neurons: 10, count: 2, threshold: 0, interceptWidth: 0)
        }
        #expect(throws: BrainKitError.self) { try Thresholding(in: net, neurons: 10, count: 2, threshold: 0, radius: -1) }
        #expect(throws: BrainKitError.self) { try Thresholding(in: net, neurons: 10, count: 2, threshold: .nan) }
        #expect(net.networks.isEmpty)
        do {
            _ = try Thresholding(in: net, label: "t", neurons: 0, count: 2, threshold: 0)
        } catch {
            #expect(error.description == "Thresholding 't': neurons must be >= 1, got 0")
        }
    }
}
