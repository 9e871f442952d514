import BrainTestSupport
import Foundation
@testable import BrainCore

import Testing

/// PES learns a decoded connection from an error signal.
@Suite("PES learning")
struct PESTests {
    /// A communication channel learned from zero decoders: error = post − input, fed to the
    /// rule; the post ensemble comes to follow the input.
    @Test func learnsACommunicationChannelFromZero() throws {
        let net = try Network(label: "pes", seed: 4)
        let stimulus = try net.node(function: { t in 0.6 * sin(2 * .pi * t) })
        let pre = try net.ensemble(label: "pre", neurons: 100, dimensions: 1)
        let post = try net.ensemble(label: "post", neurons: 100, dimensions: 1)
        let error = try net.node(label: "error", sizeIn: 1)
        try net.connect(stimulus, to: pre)
        let learned = try net.connect(
            pre, to: post, solver: try NoSolver(values: nil), learningRule: try PES())
        try net.connect(post, to: error)
        try net.connect(stimulus, to: error, transform: -1)
        try net.connect(error, to: learned.learningRule!)
        let postProbe = try net.probe(post, synapse: 0.01)
        let inputProbe = try net.probe(stimulus, synapse: 0.01)

        let sim = try Simulator(net)
        try sim.run(seconds: 4)
        let output = try sim.data(postProbe).column(0), input = try sim.data(inputProbe).column(0)
        let first = rmse(Array(output[0..<200]), Array(input[0..<200]))
        let last = rmse(Array(output[3000..<4000]), Array(input[3000..<4000]))
        #expect(last < 0.1, "last-second RMSE \(last)")
        #expect(last < first / 3, "first \(first), last \(last)")
        // The learned weights moved away from zero; the built ones are unchanged.
        #expect(try #require(try sim.built(learned).weights).values.allSatisfy { $0 == 0 })
    }

    @Test func appliesTheChangeOneStepLate() throws {
        // With a constant error of 1 and constant activities a, after k steps the weights are
        // −k·(κ·dt/n)·a, and the decoded output reads the weights of the step before.
        let net = try Network(seed: 2)
        let pre = try net.ensemble(neurons: 10, dimensions: 1, neuronType: RectifiedLinear())
        let sink = try net.node(sizeIn: 1)
        let one = try net.node(output: 1.0)
        let learned = try net.connect(
            pre, to: sink, synapse: nil, solver: try NoSolver(values: nil),
            learningRule: try PES(learningRate: 1, preSynapse: nil))
        try net.connect(one, to: learned.learningRule!, synapse: nil)
        let activity = try net.probe(pre.neurons)
        let output = try net.probe(sink, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 4)
        let a = try sim.data(activity).row(0)
        let sumSquares = a.reduce(0) { $0 + $1 * $1 }
        let k = 1.0 * 0.001 / 10
        let decoded = try sim.data(output).column(0)
        // Step 1 reads W = 0; step 2 reads W after one update; ...
        for step in 0..<4 {
            let expected = -Double(step) * k * sumSquares
            #expect(abs(decoded[step] - expected) <= 1e-4 * max(1, abs(expected)), "step \(step + 1)")
        }
    }

    @Test func rejectsConnectionsItCannotLearn() throws {
        let net = try Network(seed: 1)
        let node = try net.node(label: "n", output: 1.0)
        let post = try net.ensemble(label: "post", neurons: 10, dimensions: 1)
        #expect(throws: BrainKitError.self) { try net.connect(node, to: post, learningRule: try PES()) }
        #expect(throws: BrainKitError.self) { try PES(learningRate: -1) }
    }
}
