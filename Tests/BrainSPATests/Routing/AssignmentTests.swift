import BrainCore
import Testing

import BrainSPA

/// Routes outside action selection, from nengo_spa's `tests/test_action_selection.py` (spec §C2,
/// test_assignment_of_* and test_dot_product, plus test_non_default_input_and_output and
/// test_eval), with the thresholds unchanged:
///
/// - test_assignment_of_fixed_scalar / dynamic_scalar / nengo_scalar: 0.5 (a constant, a Scalar
///   fed 0.5 by a node, a node itself) routed into a Scalar; probe τ 0.03, 0.5 s; every sample
///   after 0.3 s within 0.2 of 0.5.
/// - test_assignment_of_pointer_symbol / dynamic_pointer: A (a symbol, a Transcode) routed into
///   a State(16); `assert_sp_close(skip=0.3)`: every sample after 0.3 s within RMS 0.2 of A.
/// - test_non_default_input_and_output: Transcodes A and B routed into a Bind(32)'s left and
///   right inputs: after 0.3 s within RMS 0.3 of A⊛B.
/// - test_eval: 0.5·A routed into a pass-through Transcode; after 1 s its output is 0.5·A
///   (numpy `allclose`: 1e-8 + 1e-5·|x|).
/// - test_dot_product: dot(state_a, state_b) → Scalar (a Compare made by the route), D = 16;
///   state_a = A, state_b = A for t ≤ 0.3 s then B; probe τ 0.03, 0.6 s: mean over
///   0.1 < t ≤ 0.3 > 0.8, mean over t > 0.4 < 0.15.
///
/// Measured (seed 0): scalar deviations 0.025 (constant, Scalar, node) and 0.037 (through an
/// ensemble); pointer rms 0.014; Bind(32) rms 0.081; dot product 0.968 / −0.101 (seed 1:
/// 0.961 / −0.051).
@Suite("Assignment and dot-product routes (nengo_spa test_action_selection)")
struct AssignmentTests {
    /// Every sample of a scalar probe after 0.3 s within 0.2 of 0.5 (`assert_allclose(atol=0.2)`).
    static func expectHalf(_ sim: Simulator, _ probe: Probe, _ what: String) throws {
        let data = try sim.data(probe), t = sim.trange()
        let late = t.indices.filter { t[$0] > 0.3 }
        let worst = late.map { abs(data[$0, 0] - 0.5) }.max()!
        SPASimulation.measure("assignment \(what): largest deviation \(worst)")
        #expect(worst <= 0.2, "\(what): largest |x − 0.5| after 0.3 s: \(worst)")
    }

    @Test func fixedScalar() throws {
        let model = try Network(seed: 0)
        let sink = try Scalar(in: model, label: "sink")
        try model.add(0.5 --> sink)
        let probe = try model.probe(sink.output.node, synapse: 0.03)
        try Self.expectHalf(try SPASimulation.run(model, seconds: 0.5), probe, "fixed scalar")
    }

    @Test func dynamicScalar() throws {
        let model = try Network(seed: 0)
        let source = try Scalar(in: model, label: "source"), sink = try Scalar(in: model, label: "sink")
        try model.connect(try model.node(output: 0.5), to: source.input.node)
        try model.add(source --> sink)
        let probe = try model.probe(sink.output.node, synapse: 0.03)
        try Self.expectHalf(try SPASimulation.run(model, seconds: 0.5), probe, "dynamic scalar")
    }

    /// A plain node routed with `-->` (wrapped as a ``ScalarOutput``), and a node feeding an
    /// ensemble connected to the Scalar's input (a plain connection: an ensemble cannot be a
    /// route's source).
    @Test(arguments: [false, true])
    func nodeScalar(throughEnsemble: Bool) throws {
        let model = try Network(seed: 0)
        let node = try model.node(output: 0.5)
        let sink = try Scalar(in: model, label: "sink")
        if throughEnsemble {
            let ensemble = try model.ensemble(neurons: 50, dimensions: 1)
            try model.connect(node, to: ensemble)
            try model.connect(ensemble, to: sink.input.node)
        } else {
            try model.add(ScalarOutput(node, name: "node") --> sink)
        }
        let probe = try model.probe(sink.output.node, synapse: 0.03)
        try Self.expectHalf(try SPASimulation.run(model, seconds: 0.5), probe, "node (ensemble \(throughEnsemble))")
    }

    @Test(arguments: ["symbol", "fixed pointer", "transcode"])
    func pointer(source: String) throws {
        let vocabulary = try Vocabulary(dimensions: 16, seed: 0)
        try vocabulary.populate("A")
        let model = try Network(seed: 0)
        let sink = try State(in: model, label: "sink", vocabulary: vocabulary)
        switch source {
        case "symbol": try model.add(sym.A --> sink)
        case "fixed pointer": try model.add(try vocabulary.pointer("A") --> sink)
        default: try model.add(try Transcode(in: model, output: vocabulary, constant: "A") --> sink)
        }
        let probe = try model.probe(sink.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let worst = SPASimulation.largestRMSError(
            try sim.data(probe), times: sim.trange(), target: try vocabulary.pointer("A").vector, skip: 0.3)
        SPASimulation.measure("assignment \(source): largest rms \(worst)")
        #expect(worst < 0.2, "\(source): largest per-sample rms to A after 0.3 s: \(worst)")
    }

    @Test func nonDefaultInputAndOutput() throws {
        let vocabulary = try Vocabulary(dimensions: 32, seed: 0)
        try vocabulary.populate("A; B")
        let model = try Network(seed: 0)
        let a = try Transcode(in: model, label: "a", output: vocabulary, constant: "A")
        let b = try Transcode(in: model, label: "b", output: vocabulary, constant: "B")
        let bind = try Bind(in: model, vocabulary: vocabulary)
        try model.add {
            a.output --> bind.inputLeft
            b.output --> bind.inputRight
        }
        let probe = try model.probe(bind.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let worst = SPASimulation.largestRMSError(
            try sim.data(probe), times: sim.trange(), target: try vocabulary.parse("A*B").vector, skip: 0.3)
        SPASimulation.measure("non-default input/output: largest rms \(worst)")
        #expect(worst < 0.3, "largest per-sample rms to A⊛B after 0.3 s: \(worst)")
    }

    @Test func evaluatesAFixedExpression() throws {
        let vocabulary = try Vocabulary(dimensions: 16, seed: 0)
        try vocabulary.populate("A")
        let model = try Network(seed: 0)
        let passthrough = try Transcode(in: model, input: vocabulary, output: vocabulary) { _, x in
            .vector(x?.vector ?? [])
        }
        let input = try #require(passthrough.input)
        try model.add(0.5 * sym.A --> input)
        let probe = try model.probe(passthrough.output.node)
        let sim = try SPASimulation.run(model, seconds: 1.0)
        let last = try sim.data(probe).row(sim.stepCount - 1)
        let expected = try vocabulary.parse("0.5*A").vector
        #expect(zip(last, expected).allSatisfy { abs($0 - $1) <= 1e-8 + 1e-5 * abs($1) }, "\(last) vs \(expected)")
    }

    @Test(arguments: [0, 1])
    func dotProduct(seed: Int) throws {
        let vocabulary = try Vocabulary(dimensions: 16, seed: seed)
        try vocabulary.populate("A; B")
        let model = try Network(seed: seed)
        let stateA = try State(in: model, label: "state_a", vocabulary: vocabulary)
        let stateB = try State(in: model, label: "state_b", vocabulary: vocabulary)
        let result = try Scalar(in: model, label: "result")
        let stimulus = try Transcode(in: model, label: "stimulus", output: vocabulary) { t, _ in t <= 0.3 ? "A" : "B" }
        try model.add {
            sym.A --> stateA
            stimulus --> stateB
            dot(stateA, stateB) --> result
        }
        // The dot product of two States is a Compare (200·16 neurons).
        #expect(model.neuronCount == 2 * 50 * 16 + 50 + 200 * 16)
        let probe = try model.probe(result.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.6)
        let data = try sim.data(probe).column(0), t = sim.trange()
        let same = SPASimulation.mean(data, times: t) { $0 > 0.1 && $0 <= 0.3 }
        let different = SPASimulation.mean(data, times: t) { $0 > 0.4 }
        SPASimulation.measure("dot seed \(seed): \(same) \(different)")
        #expect(same > 0.8, "mean A·A over 0.1–0.3 s: \(same)")
        #expect(different < 0.15, "mean A·B after 0.4 s: \(different)")
    }
}
