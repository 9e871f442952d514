import Testing
import BrainTestSupport
import Foundation
@testable import BrainCore

/// Bad input (nef-spec §9, validation_errors.json): each case throws a typed BrainKitError
/// whose description names the object and the parameter; none traps. Cases that Swift's type
/// system rules out (a float neuron count, a 2-D node output, a wrong-arity function, setting
/// read-only properties) cannot be written and are not listed.
@Suite("Bad input gives typed errors")
struct ValidationTests {
    struct Case: CustomStringConvertible, Sendable {
        /// The matching `case` in validation_errors.json.
        let nengoCase: String
        let kind: BrainKitError.Kind
        /// Words the description must contain (object and parameter).
        let mentions: [String]
        let make: @Sendable () throws -> Void

        var description: String { nengoCase }
    }

    static func network() throws -> Network { try Network(label: "net", seed: 1) }

    static let cases: [Case] = [
        Case(nengoCase: "Ensemble n_neurons=0", kind: .validation, mentions: ["Ensemble 'e'", "neurons"]) {
            try network().ensemble(label: "e", neurons: 0, dimensions: 1)
        },
        Case(nengoCase: "Ensemble n_neurons=-5", kind: .validation, mentions: ["Ensemble 'e'", "neurons"]) {
            try network().ensemble(label: "e", neurons: -5, dimensions: 1)
        },
        Case(nengoCase: "Ensemble dimensions=0", kind: .validation, mentions: ["Ensemble 'e'", "dimensions"]) {
            try network().ensemble(label: "e", neurons: 10, dimensions: 0)
        },
        Case(nengoCase: "Ensemble radius=0", kind: .validation, mentions: ["Ensemble 'e'", "radius"]) {
            try network().ensemble(label: "e", neurons: 10, dimensions: 1, radius: 0)
        },
        Case(nengoCase: "Ensemble encoders wrong shape (10,2) for d=1", kind: .validation,
             mentions: ["Ensemble 'e'", "encoders"]) {
            try network().ensemble(
                label: "e", neurons: 10, dimensions: 1, encoders: Samples(Matrix(rows: 10, columns: 2, repeating: 1)))
        },
        Case(nengoCase: "Ensemble intercepts array wrong length", kind: .validation,
             mentions: ["Ensemble 'e'", "intercepts"]) {
            try network().ensemble(label: "e", neurons: 10, dimensions: 1, intercepts: Samples([0.1, 0.2, 0.3]))
        },
        Case(nengoCase: "Ensemble intercepts=Uniform(0.5,1.5) -> build", kind: .build,
             mentions: ["Ensemble 'e'", "intercepts"]) {
            let net = try ValidationTests.network()
            try net.ensemble(label: "e", neurons: 10, dimensions: 1, intercepts: Uniform(0.5, 1.5))
            _ = try Simulator(net)
        },
        Case(nengoCase: "Ensemble intercepts all exactly 1 -> build", kind: .build,
             mentions: ["Ensemble 'e'", "intercepts"]) {
            let net = try ValidationTests.network()
            try net.ensemble(
                label: "e", neurons: 10, dimensions: 1, intercepts: Samples([Double](repeating: 1, count: 10)))
            _ = try Simulator(net)
        },
        Case(nengoCase: "LIF max_rates=600 (> 1/tau_ref=500) -> build", kind: .validation,
             mentions: ["LIF", "maxRates"]) {
            let net = try ValidationTests.network()
            try net.ensemble(label: "e", neurons: 10, dimensions: 1, maxRates: Uniform(600, 600))
            _ = try Simulator(net)
        },
        Case(nengoCase: "Ensemble gain set but bias not -> build", kind: .validation,
             mentions: ["Ensemble 'e'", "gain"]) {
            try network().ensemble(label: "e", neurons: 10, dimensions: 1, gain: Uniform(1, 2))
        },
        Case(nengoCase: "zero-length encoder with normalize_encoders -> build", kind: .build,
             mentions: ["Ensemble 'e'", "encoders"]) {
            let net = try ValidationTests.network()
            var encoders = Matrix(rows: 4, columns: 2, repeating: 1)
            encoders[2, 0] = 0
            encoders[2, 1] = 0
            try net.ensemble(label: "e", neurons: 4, dimensions: 2, encoders: Samples(encoders))
            _ = try Simulator(net)
        },
        Case(nengoCase: "LIF tau_rc=0", kind: .validation, mentions: ["LIF", "tauRC"]) {
            _ = try LIF(tauRC: 0)
        },
        Case(nengoCase: "LIF tau_ref=-0.001", kind: .validation, mentions: ["LIF", "tauRef"]) {
            _ = try LIF(tauRef: -0.001)
        },
        Case(nengoCase: "LIF min_voltage=1 (>0)", kind: .validation, mentions: ["LIF", "minVoltage"]) {
            _ = try LIF(minVoltage: 1)
        },
        Case(nengoCase: "NeuronType bad initial_state key", kind: .validation, mentions: ["LIF", "initialState", "foo"]) {
            _ = try LIF(initialState: ["foo": Uniform(0, 1)])
        },
        Case(nengoCase: "Connection dimension mismatch ens(1D)->ens(2D), no transform", kind: .validation,
             mentions: ["Connection from Ensemble 'a' to Ensemble 'b'", "transform"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 2)
            try net.connect(a, to: b)
        },
        Case(nengoCase: "Connection transform shape (3,3) for 2D->2D", kind: .validation,
             mentions: ["Connection from Ensemble 'a' to Ensemble 'b'", "transform", "2x2"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 2)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 2)
            try net.connect(a, to: b, transform: .dense(Matrix.identity(3)))
        },
        Case(nengoCase: "Connection function output size wrong (returns 2 for 1-D post)", kind: .validation,
             mentions: ["Connection from Ensemble 'a' to Ensemble 'b'", "transform"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, function: { x in [x[0], x[0]] })
        },
        Case(nengoCase: "Connection slice out of range a[2] on 1-D ensemble", kind: .validation,
             mentions: ["Ensemble 'a'", "slice"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a[2], to: b)
        },
        Case(nengoCase: "Connection to Node with size_in=0", kind: .validation,
             mentions: ["Node 'n'", "post"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let n = try net.node(label: "n", output: 1.0)
            try net.connect(a, to: n)
        },
        Case(nengoCase: "Connection function on passthrough Node", kind: .validation,
             mentions: ["Connection from Node 'p'", "function"]) {
            let net = try ValidationTests.network()
            let p = try net.node(label: "p", sizeIn: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(p, to: b, function: { x in x })
        },
        Case(nengoCase: "Connection eval_points from Node", kind: .validation,
             mentions: ["Connection from Node 'n'", "evalPoints"]) {
            let net = try ValidationTests.network()
            let n = try net.node(label: "n", output: 1.0)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(n, to: b, evalPoints: Uniform(-1, 1))
        },
        Case(nengoCase: "Connection repeated pre indices with dense transform", kind: .validation,
             mentions: ["Connection from Ensemble 'a'", "transform", "repeated"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 2)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 2)
            try net.connect(a[[0, 0]], to: b, transform: .dense(Matrix([[1, 0], [0, 1]])))
        },
        Case(nengoCase: "Lowpass tau=-1", kind: .validation, mentions: ["Lowpass", "tau"]) {
            _ = try Lowpass(-1)
        },
        Case(nengoCase: "Node constant output with NaN", kind: .validation, mentions: ["Node 'n'", "output"]) {
            try network().node(label: "n", output: [1, .nan])
        },
        Case(nengoCase: "Node size_out mismatch with array", kind: .validation, mentions: ["Node 'n'", "sizeOut"]) {
            try network().node(label: "n", sizeOut: 3, function: { _ in [1, 2] })
        },
        Case(nengoCase: "Node function returns NaN at runtime", kind: .simulation, mentions: ["Node 'n'", "non-finite"]) {
            let net = try ValidationTests.network()
            try net.node(label: "n", function: { t in t > 0.002 ? .nan : t })
            let sim = try Simulator(net)
            try sim.run(steps: 5)
        },
        Case(nengoCase: "Probe bad attr 'spikes' on Neurons", kind: .validation,
             mentions: ["Probe of Neurons of Ensemble 'e'", "attribute", "spikes"]) {
            let net = try ValidationTests.network()
            let e = try net.ensemble(label: "e", neurons: 10, dimensions: 1)
            try net.probe(e.neurons, .state("spikes"))
        },
        Case(nengoCase: "Probe of Node with size_out=0", kind: .validation, mentions: ["Node 's'", "target"]) {
            let net = try ValidationTests.network()
            let sink = try net.node(label: "s", sizeIn: 1, function: { _, _ in [] })
            try net.probe(sink)
        },
        Case(nengoCase: "Probe sample_every=0", kind: .validation, mentions: ["Probe", "sampleEvery"]) {
            let net = try ValidationTests.network()
            let n = try net.node(label: "n", output: 1.0)
            try net.probe(n, sampleEvery: 0)
        },
        Case(nengoCase: "Recurrent connection with synapse=None -> build", kind: .build,
             mentions: ["Network 'net'", "Ensemble 'a'", "loop"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            try net.connect(a, to: a, synapse: nil)
            _ = try Simulator(net)
        },
        Case(nengoCase: "Sim run negative time", kind: .validation, mentions: ["Simulator", "seconds"]) {
            let sim = try Simulator(try network())
            try sim.run(seconds: -1)
        },
        Case(nengoCase: "Sim step after close", kind: .simulatorClosed, mentions: ["Simulator", "closed"]) {
            let sim = try Simulator(try network())
            sim.close()
            try sim.step()
        },
        Case(nengoCase: "Gaussian std=0", kind: .validation, mentions: ["Gaussian", "std"]) {
            _ = try Gaussian(mean: 0, std: 0)
        },
        Case(nengoCase: "Choice negative weight", kind: .validation, mentions: ["Choice", "weights"]) {
            _ = try Choice([1, 2], weights: [1, -1])
        },
        Case(nengoCase: "Sigmoid max_rates >= 1/tau_ref (400)", kind: .validation, mentions: ["Sigmoid", "maxRates"]) {
            let net = try ValidationTests.network()
            try net.ensemble(label: "e", neurons: 10, dimensions: 1, maxRates: Uniform(450, 460), neuronType: Sigmoid())
            _ = try Simulator(net)
        },
        Case(nengoCase: "Eval points never fire neurons -> build (all-zero activities)", kind: .build,
             mentions: ["Connection from Ensemble 'a'", "evalPoints"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(
                label: "a", neurons: 10, dimensions: 1, encoders: Samples(Matrix(rows: 10, columns: 1, repeating: 1)),
                intercepts: Uniform(0.5, 0.6))
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, evalPoints: Uniform(-1, -0.9))
            _ = try Simulator(net)
        },
        Case(nengoCase: "Connection function returns None during solve", kind: .build,
             mentions: ["Connection from Ensemble 'a'", "function"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, function: { x in x[0] > 0.5 ? [] : [x[0]] })
            _ = try Simulator(net)
        },
        Case(nengoCase: "Sparse transform on decoded connection -> build", kind: .validation,
             mentions: ["Connection from Ensemble 'a'", "transform", "sparse"]) {
            let net = try network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 2)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 2)
            try net.connect(a, to: b, transform: .sparse(try SparseMatrix(rows: 2, columns: 2, entries: [(0, 1, 1)])))
        },
        Case(nengoCase: "Dense transform init shape mismatch", kind: .validation,
             mentions: ["Connection from Ensemble 'a'", "transform", "2x3"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 3)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 2)
            try net.connect(a, to: b, transform: .dense(Matrix(rows: 3, columns: 2, repeating: 0)))
        },
        Case(nengoCase: "PES on connection from Node", kind: .validation,
             mentions: ["Connection from Node 'n' to Ensemble 'b'", "learningRule", "pre"]) {
            let net = try ValidationTests.network()
            let n = try net.node(label: "n", output: 1.0)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(n, to: b, learningRule: try PES())
        },
        Case(nengoCase: "BCM on decoded ens->ens connection", kind: .validation,
             mentions: ["Connection from Ensemble 'a' to Ensemble 'b'", "learningRule", "neurons"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, learningRule: try BCM())
        },
        Case(nengoCase: "Voja on connection to .neurons", kind: .validation,
             mentions: ["Connection from Ensemble 'a' to Neurons of Ensemble 'b'", "learningRule", "post"]) {
            let net = try ValidationTests.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b.neurons, transform: .dense(Matrix(rows: 10, columns: 1)), learningRule: try Voja())
        },
    ]

    @Test(arguments: cases)
    func throwsTypedErrorNamingObjectAndParameter(_ testCase: Case) throws {
        do {
            try testCase.make()
            Issue.record("no error for \(testCase.nengoCase)")
        } catch let error as BrainKitError {
            #expect(error.kind == testCase.kind, "\(error)")
            for word in testCase.mentions {
                #expect(error.description.contains(word), "'\(word)' missing from: \(error)")
            }
        }
    }

    @Test func coversAtLeastThirtyNengoCases() throws {
        let nengoCases = Set(try Fixture.list("validation_errors").map { $0.string("case") })
        let covered = ValidationTests.cases.map(\.nengoCase)
        #expect(covered.allSatisfy { nengoCases.contains($0) })
        #expect(Set(covered).count >= 30)
    }

    @Test func nanAtRuntimeKeepsDataRecordedBeforeIt() throws {
        let net = try ValidationTests.network()
        let node = try net.node(label: "n", function: { t in t > 0.0105 ? .nan : t })
        let probe = try net.probe(node)
        let sim = try Simulator(net)
        #expect(throws: BrainKitError.self) { try sim.run(seconds: 0.1) }
        let data = try sim.data(probe)
        #expect(data.rows == 10)
        #expect(sim.stepCount == 10)
        #expect(maxAbsoluteDifference(data.column(0), (1...10).map { Double($0) * 0.001 }) < 1e-7)
        #expect(sim.trange().count == 10)
    }
}
