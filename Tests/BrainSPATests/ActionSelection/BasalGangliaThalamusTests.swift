import BrainCore
import BrainNetworks
import Testing

import BrainSPA

/// The basal ganglia and thalamus of an ``ActionSelection`` against nengo_spa's
/// `modules/tests/test_basalganglia.py` and `test_thalamus.py` (spec §C2), thresholds unchanged.
///
/// - test_basic (basal ganglia): 5 actions, input [0.8, 0.4, 0.4, 0.4, 0.4] straight into the
///   basal ganglia's input (no synapse; the action selection's own utilities stay 0), output
///   probed τ 0.01, 0.2 s; mean over t > 0.1: out[0] > −0.1, the others < −0.8.
/// - test_thalamus_basic: the same, the thalamus output probed τ 0.01; mean over t > 0.1:
///   [0] > 0.8, the others < 0.01. (nengo_spa's test connects `bg.output` to the thalamus
///   with the default 5 ms synapse; ActionSelection wires them as `connect_bg` does, 8 ms.)
/// - test_thalamus (slow in nengo_spa): D = 16, vision and motor States of 80 neurons per
///   dimension; actions dot(vision, A) → A into motor, dot(vision, B) → vision into motor,
///   dot(vision, ~A) → ~vision into motor; vision shows A, then B from 0.1 s, ~A from 0.3 s;
///   motor probed τ 0.03, 0.5 s. At t = 0.1: motor·A > 0.8, motor·B < 0.2; at 0.3 the reverse;
///   at 0.5 motor·A > 0.8, motor·B < 0.2.
/// - test_basal_ganglia (slow in nengo_spa): D = 64, 8 actions with every form of condition
///   (constant, dot with a symbol, dot of a bound expression, scaled dots, sums with constants,
///   a Compare module, linear mixes); vision shows 0, CAT, DOG⊛~CAT, PARROT, MOUSE in 0.1 s
///   steps; the basal ganglia's input (the utilities) probed τ 0.03, 0.5 s. F at 0.4 s > 0.8,
///   G at 0.5 s > 0.8, 0.4 < A at 0.1 s < 0.6, B at 0.2 s > 0.8, C at 0.3 s > 0.5; B ≈ D and
///   A ≈ E (numpy `allclose`, atol 0.2) over the whole run.
///
/// Measured: basal ganglia winner −0.024 / −0.021 (seeds 0 / 1), losers ≤ −0.899 / ≤ −0.925;
/// thalamus winner 0.969 / 0.975, losers 0. test_thalamus (seed 0): A 0.841, B −0.124 at
/// 0.1 s; A −0.127, B 0.965 at 0.3 s; A 0.984, B −0.149 at 0.5 s. Its first check is tight in
/// nengo_spa too: the same model in nengo_spa 2.0 (vocabulary from `RandomState(seed)`) gives
/// A 0.846 at 0.1 s with seed 0 and 0.728 with seed 1, failing its own 0.8 (BrainKit, seed 1:
/// 0.810). test_basal_ganglia (seed 0):
/// F 1.93, G 0.95, A 0.475, B 0.908, C 0.879; B − D and A − E are exactly 0 here (the
/// conditions fold into identical transforms: 2·dot(v, CAT·0.5) is dot(v, CAT), and
/// dot(v, CAT) + 0.5 − dot(v, CAT) is the constant 0.5). Seeds 1–3 pass as well.
@Suite("Basal ganglia and thalamus (nengo_spa test_basalganglia, test_thalamus)")
struct BasalGangliaThalamusTests {
    static let standardInput = [0.8, 0.4, 0.4, 0.4, 0.4]

    /// An ActionSelection of 5 manual actions without effects, its basal ganglia fed
    /// `standardInput` directly; returns the basal ganglia's and the thalamus' outputs.
    static func selectByHand(seed: Int) throws -> (bg: Matrix, thalamus: Matrix, times: [Double]) {
        let model = try Network(seed: seed)
        let selection = try ActionSelection(in: model) {
            for i in 0..<5 { IfMax("manual \(i)", .manual) {} }
        }
        #expect(selection.utilities.count == 5)
        try model.connect(try model.node(label: "input", output: standardInput), to: selection.basalGanglia.input, synapse: nil)
        let bg = try model.probe(selection.basalGanglia.output, synapse: 0.01)
        let thalamus = try model.probe(selection.thalamus.output, synapse: 0.01)
        let sim = try SPASimulation.run(model, seconds: 0.2)
        return (try sim.data(bg), try sim.data(thalamus), sim.trange())
    }

    @Test(arguments: [0, 1])
    func basalGangliaBasic(seed: Int) throws {
        let (bg, _, t) = try Self.selectByHand(seed: seed)
        let output = SPASimulation.columnMeans(bg, times: t) { $0 > 0.1 }
        SPASimulation.measure("bg basic seed \(seed): \(output)")
        #expect(output[0] > -0.1, "\(output)")
        #expect(output[1...].allSatisfy { $0 < -0.8 }, "\(output)")
    }

    @Test(arguments: [0, 1])
    func thalamusBasic(seed: Int) throws {
        let (_, thalamus, t) = try Self.selectByHand(seed: seed)
        let output = SPASimulation.columnMeans(thalamus, times: t) { $0 > 0.1 }
        SPASimulation.measure("thalamus basic seed \(seed): \(output)")
        #expect(output[0] > 0.8, "\(output)")
        #expect(output[1...].allSatisfy { $0 < 0.01 }, "\(output)")
    }

    @Test func thalamusRoutesFixedAndDynamicEffects() throws {
        let seed = 0
        let vocabulary = try Vocabulary(dimensions: 16, seed: seed)
        try vocabulary.populate("A; B")
        let model = try Network(seed: seed)
        let vision = try State(in: model, label: "vision", vocabulary: vocabulary, neuronsPerDimension: 80)
        let motor = try State(in: model, label: "motor", vocabulary: vocabulary, neuronsPerDimension: 80)
        _ = try ActionSelection(in: model) {
            IfMax("A", dot(vision, sym.A)) { sym.A --> motor }
            IfMax("B", dot(vision, sym.B)) { vision --> motor }
            IfMax("~A", dot(vision, ~sym.A)) { ~vision --> motor }
        }
        let input = try Transcode(in: model, label: "input", output: vocabulary) { t, _ in
            t < 0.1 ? "A" : t < 0.3 ? "B" : t < 0.5 ? "~A" : "0"
        }
        try model.add(input --> vision)
        let probe = try model.probe(motor.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let data = try sim.data(probe)
        let a = SPASimulation.dots(data, try vocabulary.pointer("A").vector)
        let b = SPASimulation.dots(data, try vocabulary.pointer("B").vector)
        let at = { (t: Double) in SPASimulation.row(at: t) }
        SPASimulation.measure(
            "thalamus slow: 0.1 \(a[at(0.1)]) \(b[at(0.1)]); 0.3 \(a[at(0.3)]) \(b[at(0.3)]); 0.5 \(a[at(0.5)]) \(b[at(0.5)])")
        #expect(a[at(0.1)] > 0.8, "A at 0.1 s: \(a[at(0.1)])")
        #expect(b[at(0.1)] < 0.2, "B at 0.1 s: \(b[at(0.1)])")
        #expect(a[at(0.3)] < 0.2, "A at 0.3 s: \(a[at(0.3)])")
        #expect(b[at(0.3)] > 0.8, "B at 0.3 s: \(b[at(0.3)])")
        #expect(a[at(0.5)] > 0.8, "A at 0.5 s: \(a[at(0.5)])")
        #expect(b[at(0.5)] < 0.2, "B at 0.5 s: \(b[at(0.5)])")
    }

    @Test func basalGangliaWithEveryConditionForm() throws {
        let seed = 0
        let d = 64
        let vocabulary = try Vocabulary(dimensions: d, seed: seed)
        try vocabulary.populate("CAT; DOG; PARROT; MOUSE; SHOOP; A; B; C; D; E; F; G; H")
        let model = try Network(seed: seed)
        let vision = try State(in: model, label: "vision", vocabulary: vocabulary)
        let motor = try State(in: model, label: "motor", vocabulary: vocabulary)
        let compare = try Compare(in: model, label: "compare", vocabulary: vocabulary)
        let encode = try Transcode(in: model, label: "encode", output: vocabulary) { t, _ in
            t < 0.1 ? "0" : t < 0.2 ? "CAT" : t < 0.3 ? "DOG*~CAT" : t < 0.4 ? "PARROT" : t < 0.5 ? "MOUSE" : "0"
        }
        let selection = try ActionSelection(in: model) {
            IfMax(0.5) { sym.A --> motor }
            IfMax(dot(vision, sym.CAT)) { sym.B --> motor }
            IfMax(dot(vision * sym.CAT, sym.DOG)) { sym.C --> motor }
            IfMax(2 * dot(vision, sym.CAT * 0.5)) { sym.D --> motor }
            IfMax(dot(vision, sym.CAT) + 0.5 - dot(vision, sym.CAT)) { sym.E --> motor }
            IfMax(dot(vision, sym.PARROT) + compare) { sym.F --> motor }
            IfMax(0.5 * dot(vision, sym.MOUSE) + 0.5 * compare) { sym.G --> motor }
            IfMax((dot(vision, sym.MOUSE) - compare) * 0.5) { sym.H --> motor }
        }
        try model.add {
            encode --> vision
            sym.SHOOP --> compare.inputA
            sym.SHOOP --> compare.inputB
        }
        let probe = try model.probe(selection.basalGanglia.input, synapse: 0.03)
        let sim = try SPASimulation.run(model, seconds: 0.5)
        let data = try sim.data(probe)
        let at = { (t: Double, action: Int) in data[SPASimulation.row(at: t), action] }
        SPASimulation.measure(
            "bg slow: F \(at(0.4, 5)) G \(at(0.5, 6)) A \(at(0.1, 0)) B \(at(0.2, 1)) C \(at(0.3, 2))")
        #expect(at(0.4, 5) > 0.8, "F at 0.4 s: \(at(0.4, 5))")
        #expect(at(0.5, 6) > 0.8, "G at 0.5 s: \(at(0.5, 6))")
        #expect(at(0.1, 0) > 0.4 && at(0.1, 0) < 0.6, "A at 0.1 s: \(at(0.1, 0))")
        #expect(at(0.2, 1) > 0.8, "B at 0.2 s: \(at(0.2, 1))")
        #expect(at(0.3, 2) > 0.5, "C at 0.3 s: \(at(0.3, 2))")
        func allClose(_ x: Int, _ y: Int) -> Double {
            (0..<data.rows).map { abs(data[$0, x] - data[$0, y]) - 1e-5 * abs(data[$0, y]) }.max()!
        }
        SPASimulation.measure("bg slow: |B − D| \(allClose(1, 3)), |A − E| \(allClose(0, 4))")
        #expect(allClose(1, 3) <= 0.2, "B vs D: largest difference \(allClose(1, 3))")
        #expect(allClose(0, 4) <= 0.2, "A vs E: largest difference \(allClose(0, 4))")
    }
}
