import BrainCore
import Testing

import BrainSPA

/// nengo_spa's `modules/tests/test_bind.py` (spec §C2, Bind rows) with its thresholds
/// unchanged, for each algebra, plus the neuron counts of spec §B8.
///
/// - test_run: Bind(16); left A for t < 0.1 s then B, right A (a symbol); probe τ 0.03, 0.2 s.
///   rms(out − normalized(B⊛A)) at the last sample < 0.15, and rms(out − normalized(A⊛A)) at
///   sample 100 < 0.15.
/// - test_unbind: Bind(64, unbind_left or unbind_right); left: B into the left input and B⊛A
///   into the right; right: A⊛B into the left and B into the right; probe τ 0.03, 0.2 s.
///   Every sample after 0.15 s within RMS 0.3 of A⊛B⊛B⁻¹ (right inverse), as
///   `assert_sp_close(skip=0.15, atol=0.3)`. VTB has no left inverse: asking for it throws
///   (nengo_spa's VTB network instead accepts `unbind_left`: it transposes the left input and
///   swaps the right one's operand order).
///
/// TVTB left is tight by construction: the target is `A⊛B⊛rinv(B)` while the network computes
/// `linv(B)⊛(B⊛A)`, and for TVTB (inverse = transpose, only approximately B·Bᵀ = I) the two
/// exact results already differ by RMS 0.271 with this vocabulary (nengo_spa 2.0, D = 64,
/// `RandomState(0)`). nengo_spa's own TVTB network with `unbind_left` computes
/// `(B⊛A)⊛rinv(B)` instead (Direct mode: equal to 2e-16), which is 0.201 from the target but
/// does not recover A (cosine 0.29, against 0.59 for `linv(B)⊛(B⊛A)`); spiking, seed 0,
/// nengo_spa measures 0.206 on this test. Measured here (seed 0): HRR left 0.046 / right 0.044, VTB right 0.021,
/// TVTB left 0.263 / right 0.025. test_run: HRR 0.051 / 0.100, VTB 0.045 / 0.126, TVTB 0.060 /
/// 0.075 (end / sample 100).
///
/// Seeds 1–3 pass as well (largest: TVTB left 0.174, HRR run 0.128 at sample 100).
///
/// Time: a VTB or TVTB Bind(64) is 512 products (102,400 neurons) and takes 13–16 s to build
/// here (HRR Bind(64), 132 products: 1 s), three quarters of it in the engine's operator
/// optimizer (`Optimizer.optimize`, by a profile), 5 % in decoder solves; the runs take 50 ms.
@Suite("Bind behaviour (nengo_spa test_bind)")
struct BindTests {
    static func algebra(_ name: String) -> any Algebra {
        switch name {
        case "VTB": return VTB()
        case "TVTB": return TVTB()
        default: return HRR()
        }
    }

    static func vocabulary(_ dimensions: Int, algebra: String, seed: Int) throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: dimensions, algebra: Self.algebra(algebra), seed: seed)
        try vocabulary.populate("A; B")
        return vocabulary
    }

    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func run(algebra: String) throws {
        let seed = 0
        let vocabulary = try Self.vocabulary(16, algebra: algebra, seed: seed)
        let model = try Network(seed: seed)
        let bind = try Bind(in: model, vocabulary: vocabulary)
        let input = try Transcode(in: model, output: vocabulary) { t, _ in t < 0.1 ? "A" : "B" }
        try model.add {
            input --> bind.inputLeft
            sym.A --> bind.inputRight
        }
        let probe = try model.probe(bind.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        let data = try sim.data(probe)
        let ba = try vocabulary.parse("(B*A).normalized()").vector
        let aa = try vocabulary.parse("(A*A).normalized()").vector
        let end = SPASimulation.rms(data.row(data.rows - 1), ba)
        let early = SPASimulation.rms(data.row(100), aa)
        SPASimulation.measure("bind \(algebra): rms end \(end), at 100 \(early)")
        #expect(end < 0.15, "\(algebra): rms to normalized(B*A) at the end: \(end)")
        #expect(early < 0.15, "\(algebra): rms to normalized(A*A) at sample 100: \(early)")
    }

    @Test(arguments: [("HRR", "left"), ("HRR", "right"), ("VTB", "right"), ("TVTB", "left"), ("TVTB", "right")])
    func unbind(algebra: String, side: String) throws {
        let seed = 0
        let vocabulary = try Self.vocabulary(64, algebra: algebra, seed: seed)
        let model = try Network(seed: seed)
        let bind = try Bind(in: model, vocabulary: vocabulary, unbindLeft: side == "left", unbindRight: side == "right")
        if side == "left" {
            try model.add {
                sym.B --> bind.inputLeft
                sym("B*A") --> bind.inputRight
            }
        } else {
            try model.add {
                sym("A*B") --> bind.inputLeft
                sym.B --> bind.inputRight
            }
        }
        let probe = try model.probe(bind.output.node, synapse: 0.03)
        let clock = ContinuousClock(), started = clock.now
        let sim = try Simulator(model)
        let built = clock.now
        try sim.run(seconds: 0.2)
        SPASimulation.measure("unbind \(algebra) \(side): build \(built - started), run \(clock.now - built)")
        let expected = try vocabulary.parse("A * B * B.rinv()").vector
        let worst = SPASimulation.largestRMSError(try sim.data(probe), times: sim.trange(), target: expected, skip: 0.15)
        SPASimulation.measure("unbind \(algebra) \(side): largest rms after 0.15 s \(worst)")
        #expect(worst < 0.3, "\(algebra) \(side): largest per-sample rms after 0.15 s: \(worst)")
    }

    /// VTB has only a right inverse: a Bind that unbinds on the left cannot be made, and the
    /// error is a typed validation error naming the parameter (and, as Bind's documentation
    /// promises, the Bind module).
    @Test func vtbHasNoLeftUnbinding() throws {
        let model = try Network(seed: 0)
        let vocabulary = try Self.vocabulary(16, algebra: "VTB", seed: 0)
        do {
            _ = try Bind(in: model, label: "unbinder", vocabulary: vocabulary, unbindLeft: true)
            Issue.record("VTB unbindLeft was accepted")
        } catch {
            #expect(error.kind == .validation, "\(error)")
            #expect(error.parameter == "unbindLeft", "\(error)")
            #expect(error.description.contains("unbinder"), "the error does not name the Bind module: \(error)")
        }
    }

    /// Spec §B8: HRR 200·4(⌊D/2⌋ + 1) (16: 7200, 32: 13600, 64: 26400); VTB and TVTB 200·D^1.5
    /// (16: 12800).
    @Test func neuronCounts() throws {
        let model = try Network(seed: 0)
        for (d, expected) in [(16, 7200), (32, 13600), (64, 26400)] {
            let bind = try Bind(in: model, vocabulary: try Vocabulary(dimensions: d, seed: 0))
            #expect(bind.neuronCount == expected, "HRR D = \(d)")
        }
        for algebra in ["VTB", "TVTB"] {
            for (d, expected) in [(16, 12800), (64, 102_400)] {
                let bind = try Bind(in: model, vocabulary: try Vocabulary(dimensions: d, algebra: Self.algebra(algebra), seed: 0))
                #expect(bind.neuronCount == expected, "\(algebra) D = \(d)")
            }
        }
    }
}
