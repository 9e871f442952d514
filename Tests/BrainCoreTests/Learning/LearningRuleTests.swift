import BrainTestSupport
import Foundation
@testable import BrainCore

import Testing

/// Rule parameters, where each rule may learn, and how the learned state behaves in the
/// simulator (weight probes, Voja's learning signal, reset).
@Suite("Learning rules: parameters, validation and wiring")
struct LearningRuleTests {
    @Test func defaultsAreNengos() throws {
        let bcm = try BCM(), oja = try Oja(), voja = try Voja()
        #expect(bcm.learningRate == 1e-9 && oja.learningRate == 1e-6 && voja.learningRate == 1e-2)
        #expect((bcm.preSynapse as? Lowpass)?.tau == 0.005 && (bcm.postSynapse as? Lowpass)?.tau == 0.005)
        #expect((bcm.thetaSynapse as? Lowpass)?.tau == 1.0)
        #expect((oja.postSynapse as? Lowpass)?.tau == 0.005 && oja.beta == 1)
        #expect((voja.postSynapse as? Lowpass)?.tau == 0.005)
        // The post synapse follows the pre synapse unless given.
        #expect((try BCM(preSynapse: try Lowpass(0.02)).postSynapse as? Lowpass)?.tau == 0.02)
        #expect(try Oja(preSynapse: try Lowpass(0.02), postSynapse: nil).postSynapse == nil)
        #expect(oja.description == "Oja(learningRate: 1e-06, preSynapse: Lowpass(0.005), postSynapse: Lowpass(0.005), beta: 1.0)")
    }

    @Test func rejectsBadParameters() throws {
        #expect(throws: BrainKitError.self) { try BCM(learningRate: -1) }
        #expect(throws: BrainKitError.self) { try Oja(learningRate: .nan) }
        #expect(throws: BrainKitError.self) { try Oja(beta: -1) }
        #expect(throws: BrainKitError.self) { try Voja(learningRate: -0.1) }
    }

    @Test func rejectsConnectionsARuleCannotLearn() throws {
        let net = try Network(seed: 1)
        let a = try net.ensemble(label: "a", neurons: 4, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 5, dimensions: 1)
        let direct = try net.ensemble(label: "d", neurons: 1, dimensions: 1, neuronType: Direct())
        func error(_ make: () throws -> Void) -> BrainKitError? {
            do { try make() } catch let e as BrainKitError { return e } catch { return nil }
            return nil
        }
        let weights = Transform.dense(Matrix(rows: 5, columns: 4))
        let cases: [(String, BrainKitError?)] = [
            ("PES from a Direct ensemble", error { try net.connect(direct, to: b, learningRule: try PES()) }),
            ("PES between neurons without weights", error {
                try net.connect(a.neurons, to: b.neurons[0..<4], learningRule: try PES())
            }),
            ("Oja from neurons into an ensemble", error {
                try net.connect(a.neurons, to: b, transform: .dense(Matrix(rows: 1, columns: 4)), learningRule: try Oja())
            }),
            ("BCM decoded into neurons with a 5x1 transform", error {
                try net.connect(a, to: b.neurons, transform: .dense(Matrix(rows: 5, columns: 1)), learningRule: try BCM())
            }),
            ("Voja with a weight solver", error {
                try net.connect(a, to: b, solver: NoSolver(weights: true), learningRule: try Voja())
            }),
            ("an error into BCM, which takes none", error {
                let c = try net.connect(a.neurons, to: b.neurons, transform: weights, learningRule: try BCM())
                try net.connect(a, to: c.learningRule!)
            }),
        ]
        for (name, thrown) in cases {
            #expect(thrown?.kind == .validation, "\(name): \(String(describing: thrown))")
        }
        #expect(error { try net.connect(a.neurons, to: b.neurons, transform: weights, learningRule: try BCM()) } == nil)
    }

    @Test func fromNeuronsNeedsAMatrixTransform() throws {
        let net = try Network(label: "net", seed: 1)
        let a = try net.ensemble(label: "a", neurons: 4, dimensions: 1)
        let b = try net.ensemble(label: "b", neurons: 4, dimensions: 1)
        try net.connect(a.neurons, to: b.neurons, transform: 0.5, learningRule: try PES())
        do {
            _ = try Simulator(net)
            Issue.record("no build error")
        } catch {
            #expect(error.kind == .build && error.description.contains("transform"), "\(error)")
        }
    }

    @Test func weightProbeRecordsTheWeightsAndResetRestoresThem() throws {
        let net = try Network(seed: 5)
        let pre = try net.ensemble(neurons: 6, dimensions: 1, neuronType: RectifiedLinear())
        let post = try net.ensemble(neurons: 3, dimensions: 1)
        let fixed = try net.connect(pre, to: post)
        let learned = try net.connect(
            pre.neurons, to: post.neurons, transform: .dense(Matrix(rows: 3, columns: 6, repeating: 0.01)),
            learningRule: try Oja(learningRate: 1e-4))
        let fixedProbe = try net.probe(fixed, .weights)
        let learnedProbe = try net.probe(learned, .weights)
        let other = try Network(seed: 1)
        let unweighted = try other.connect(try other.node(output: 1.0), to: try other.node(sizeIn: 1))
        #expect(throws: BrainKitError.self) { try other.probe(unweighted, .weights) }

        let sim = try Simulator(net)
        try sim.run(steps: 50)
        let built = try #require(try sim.built(fixed).weights).values
        let recorded = try sim.data(fixedProbe)
        #expect(recorded.columns == 6 && maxAbsoluteDifference(recorded.row(49), built) < 1e-6)
        let learnedData = try sim.data(learnedProbe)
        #expect(learnedData.row(0).allSatisfy { abs($0 - 0.01) < 1e-9 })
        #expect(maxAbsoluteDifference(learnedData.row(49), learnedData.row(0)) > 1e-4)
        let afterFirstRun = learnedData.row(49)

        try sim.reset()
        try sim.run(steps: 50)
        #expect(maxAbsoluteDifference(try sim.data(learnedProbe).row(49), afterFirstRun) == 0)
    }

    @Test func vojaLearningSignalOfMinusOneStopsLearning() throws {
        func encoders(control: Double) throws -> (first: [Double], last: [Double]) {
            let net = try Network(seed: 2)
            let input = try net.node(output: [0.5, -0.3])
            let post = try net.ensemble(neurons: 5, dimensions: 2)
            let learned = try net.connect(input, to: post, learningRule: try Voja())
            try net.connect(try net.node(output: control), to: learned.learningRule!)
            let probe = try net.probe(post, .scaledEncoders)
            let sim = try Simulator(net)
            try sim.run(steps: 100)
            let data = try sim.data(probe)
            #expect(maxAbsoluteDifference(data.row(0), try sim.built(post).scaledEncoders.values) < 1e-5)
            return (data.row(0), data.row(99))
        }
        let off = try encoders(control: -1), on = try encoders(control: 0)
        // The control arrives through a synapse: a little learning happens while it rises.
        #expect(maxAbsoluteDifference(off.last, off.first) < 0.1 * maxAbsoluteDifference(on.last, on.first))
    }
}
