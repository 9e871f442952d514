import BrainTestSupport
import Foundation
@testable import BrainCore

import Testing

/// Learned weights and encoders step by step against Nengo 4.1 (learning.json, made by
/// make_learning.py): small rate networks with given gains, biases, encoders, decoders and
/// transforms, run for 100 steps; every step's weights (or Voja's scaled encoders) must match
/// to Float32 precision.
@Suite("Learning rules match Nengo")
struct LearningRuleParityTests {
    static let fixture = Result { try Fixture("learning") }

    /// The fixture's shared network: a 2-D stimulus into `pre` (8 RectifiedLinear neurons) and a
    /// `post` of 6 LIFRate neurons, every parameter given.
    struct Base {
        let net: Network
        let stimulus: Node
        let pre: Ensemble
        let post: Ensemble
        let fixture: Fixture

        init() throws {
            let f = try LearningRuleParityTests.fixture.get()
            fixture = f
            net = try Network(seed: 3)
            stimulus = try net.node(sizeOut: 2) { t in [0.6 * sin(2 * .pi * 3 * t), 0.5 * cos(2 * .pi * 2 * t)] }
            pre = try net.ensemble(
                neurons: 8, dimensions: 2, encoders: Samples(Matrix(f.matrix("pre_encoders"))),
                neuronType: RectifiedLinear(), gain: Samples(f.doubles("pre_gain")), bias: Samples(f.doubles("pre_bias")))
            post = try net.ensemble(
                neurons: 6, dimensions: 2, encoders: Samples(Matrix(f.matrix("post_encoders"))),
                neuronType: LIFRate(), gain: Samples(f.doubles("post_gain")), bias: Samples(f.doubles("post_bias")))
            try net.connect(stimulus, to: pre)
        }

        var decoders: Matrix { Matrix(fixture.matrix("decoders")) }
        var neuronWeights: Matrix { Matrix(fixture.matrix("neuron_weights")) }

        /// PES's error: a smooth 2-D signal with a nonzero mean, into `connection`'s rule.
        func feedError(to connection: Connection) throws {
            let error = try net.node(sizeOut: 2) { t in [0.3 * sin(5 * t) + 0.1, 0.2 * cos(30 * t) - 0.05] }
            try net.connect(error, to: connection.learningRule!)
        }

        /// Runs 100 steps and checks every recorded step against the fixture's `key`.
        func expectMatches(_ probe: Probe, _ key: String) throws {
            let sim = try Simulator(net)
            try sim.run(steps: Int(fixture.double("steps")))
            let ours = try sim.data(probe)
            let nengo = fixture.matrix(key)
            try #require(ours.rows == nengo.count && ours.columns == nengo[0].count, "\(key): shape")
            let scale = nengo.flatMap { $0 }.map(abs).max() ?? 1
            var worst = 0.0
            for step in 0..<ours.rows { worst = max(worst, maxAbsoluteDifference(ours.row(step), nengo[step])) }
            #expect(worst <= 1e-6 * scale, "\(key): worst difference \(worst) (scale \(scale))")
            // The rule did change what it learns.
            #expect(maxAbsoluteDifference(ours.row(ours.rows - 1), ours.row(0)) > 1e-3 * scale, "\(key) unchanged")
        }
    }

    @Test func pesOnWeightSolverConnection() throws {
        let b = try Base()
        let learned = try b.net.connect(
            b.pre, to: b.post, solver: try NoSolver(values: b.decoders, weights: true),
            learningRule: try PES(learningRate: 5e-3))
        try b.feedError(to: learned)
        try b.expectMatches(try b.net.probe(learned, .weights), "pes_weights_solver")
    }

    @Test func pesOnDecodedConnectionToNeurons() throws {
        let b = try Base()
        let transform = b.neuronWeights.selectingRows(Array(1..<5)).selectingColumns([0, 1])
        let learned = try b.net.connect(
            b.pre, to: try b.post.neurons[1..<5], transform: .dense(transform),
            solver: try NoSolver(values: b.decoders), learningRule: try PES(learningRate: 5e-3))
        try b.feedError(to: learned)
        try b.expectMatches(try b.net.probe(learned, .weights), "pes_to_neurons")
    }

    @Test func pesOnConnectionFromNeurons() throws {
        let b = try Base()
        let learned = try b.net.connect(
            b.pre.neurons, to: b.post, transform: .dense(b.neuronWeights.selectingRows([0, 1])),
            learningRule: try PES(learningRate: 5e-3))
        try b.feedError(to: learned)
        try b.expectMatches(try b.net.probe(learned, .weights), "pes_from_neurons")
    }

    @Test func bcmBetweenNeurons() throws {
        let b = try Base()
        let rule = try BCM(
            learningRate: 1e-8, preSynapse: try Lowpass(0.01), postSynapse: try Lowpass(0.003),
            thetaSynapse: try Lowpass(0.5))
        let learned = try b.net.connect(
            b.pre.neurons, to: b.post.neurons, transform: .dense(b.neuronWeights), learningRule: rule)
        try b.expectMatches(try b.net.probe(learned, .weights), "bcm")
    }

    @Test func ojaOnWeightSolverConnection() throws {
        let b = try Base()
        let learned = try b.net.connect(
            b.pre, to: b.post, solver: try NoSolver(values: b.decoders, weights: true),
            learningRule: try Oja(learningRate: 1e-6, beta: 0.5))
        try b.expectMatches(try b.net.probe(learned, .weights), "oja")
    }

    @Test func vojaOnPostEncoders() throws {
        let b = try Base()
        let learned = try b.net.connect(b.stimulus, to: b.post, learningRule: try Voja(learningRate: 5e-2))
        // A second input into post: Voja's x is the post's whole decoded input.
        try b.net.connect(b.pre, to: b.post, solver: try NoSolver(values: b.decoders))
        let control = try b.net.node { t in t > 0.03 && t <= 0.05 ? -1 : (t > 0.08 ? -0.5 : 0) }
        try b.net.connect(control, to: learned.learningRule!, synapse: nil)
        try b.expectMatches(try b.net.probe(b.post, .scaledEncoders), "voja")
    }
}
