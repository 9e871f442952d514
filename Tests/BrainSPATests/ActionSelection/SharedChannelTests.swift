import BrainCore
import Testing

import BrainSPA

/// Actions sharing channels (`ExpressionSettings.sharesChannels`): three actions set a memory
/// by difference writes (`X − m --> m`), so all three route the term `−m` into `m` and share
/// one channel, each adding its own fixed part through its thalamus output.
///
/// The model: a 16-D vocabulary; a control State shown A, B, C, then D (0.3 s each); a memory
/// State with feedback 1; actions `dot(ctrl, K)` → `K − memory --> memory` for K = A, B, C,
/// none for D. The memory must hold each target over the last 0.1 s of its block
/// (similarity > 0.7, every other target < 0.3), and still hold C while D is shown (no
/// action selected: the shared channel is closed).
///
/// Measured (seeds 0 / 1): targets 0.83, 0.81, 0.78, 0.81 / 0.81, 0.79, 0.80, 0.81; the
/// largest other similarity 0.21 / 0.15.
@Suite("Action selection: shared channels")
struct SharedChannelTests {
    static func build(seed: Int, sharing: Bool) throws -> (model: Network, vocabulary: Vocabulary, memory: State, selection: ActionSelection) {
        let model = try Network(seed: seed)
        let vocabulary = try Vocabulary(dimensions: 16, name: "memory", seed: seed)
        try vocabulary.populate("A; B; C; D")
        let ctrl = try State(in: model, label: "ctrl", vocabulary: vocabulary, subdimensions: 16)
        let input = try Transcode(in: model, label: "input", output: vocabulary) { t, _ in
            .text(["A", "B", "C", "D"][min(3, Int(t / 0.3))])
        }
        try model.add(input --> ctrl)
        let memory = try State(in: model, label: "memory", vocabulary: vocabulary, subdimensions: 16, feedback: 1)
        var settings = ExpressionSettings()
        settings.sharesChannels = sharing
        let selection = try ActionSelection(in: model, settings: settings) {
            IfMax("A", dot(ctrl, sym.A)) { sym.A - memory --> memory }
            IfMax("B", dot(ctrl, sym.B)) { sym.B - memory --> memory }
            IfMax("C", dot(ctrl, sym.C)) { sym.C - memory --> memory }
        }
        return (model, vocabulary, memory, selection)
    }

    /// One channel and one gate for the three actions, against three of each without sharing.
    @Test func threeDifferenceWritesShareOneChannel() throws {
        let shared = try Self.build(seed: 0, sharing: true), own = try Self.build(seed: 0, sharing: false)
        func channels(_ selection: ActionSelection) -> Int {
            selection.network.networks.filter { ($0.label ?? "").hasPrefix("channel") }.count
        }
        #expect(channels(shared.selection) == 1)
        #expect(channels(own.selection) == 3)
        #expect(shared.selection.gates.isEmpty)
        #expect(own.selection.gates.count == 3)
        // Two channels (16 dimensions × 50 neurons) and two gates (40 neurons) fewer.
        #expect(own.selection.network.neuronCount - shared.selection.network.neuronCount == 2 * (16 * 50 + 40))
    }

    @Test(arguments: [0, 1])
    func theMemoryFollowsTheSelectedAction(seed: Int) throws {
        let m = try Self.build(seed: seed, sharing: true)
        let probe = try m.model.probe(m.memory.output.node, synapse: 0.03)
        let sim = try SPASimulation.run(m.model, seconds: 1.2)
        let data = try sim.data(probe), times = sim.trange()
        for (block, target) in ["A", "B", "C", "C"].enumerated() {
            let end = 0.3 * Double(block + 1)
            for key in ["A", "B", "C"] {
                let similarity = SPASimulation.mean(
                    SPASimulation.dots(data, try m.vocabulary.pointer(key).vector), times: times,
                    where: { $0 > end - 0.1 && $0 <= end })
                SPASimulation.measure("shared channel seed \(seed) block \(block) \(key): \(similarity)")
                if key == target {
                    #expect(similarity > 0.7, "block \(block): memory · \(key) = \(similarity)")
                } else {
                    #expect(similarity < 0.3, "block \(block): memory · \(key) = \(similarity)")
                }
            }
        }
    }
}
