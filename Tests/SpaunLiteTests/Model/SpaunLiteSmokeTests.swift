import BrainCore
import Testing
@testable import SpaunLite

/// One spiking trial of each task Spaun-lite does, at D = 64, on one built model: each must
/// answer correctly, read only from what the motor system wrote. The full batteries (accuracy
/// with intervals) are run by `spaun-lite battery`, not here.
@Suite("Spaun-lite spiking smoke", .serialized)
struct SpaunLiteSmokeTests {
    static let stimuli = [
        "A1[#3]?XXX",  // recognition of a held-out handwritten 3
        "A3[123]?XXX",  // serial recall
        "A3[472]B?XXX",  // reverse recall
        "A4[5][3]?XXXXXX",  // counting 3 up from 5
        "A5[416]P[2]?X",  // which item is at position 2
        "A5[416]K[6]?X",  // at which position is 6
        "A7[1][2][3][2][3][4][3][4]?XX",  // fluid reasoning: each cell one more
    ]

    /// Rapid variable creation at 64-D gets about nine trials in ten right (docs/spaun-lite.md),
    /// not every one: the trial must write digits, as many as the examples' answers have, in
    /// its window.
    static let answeredAtLength = ["A6[12][2][82][2][42]?XX"]  // xB → B

    /// Each trial must be answered right (A6: at the right length), its strokes inside its
    /// response window; in the A7 trial, the action cycle is measured: from a list's closing
    /// action to the copy of the cell, which its effect (the list flag falling) selects, must
    /// take 30–60 ms (design study §5.7; spa-sequence's cycle is about 34 ms, Spaun's about 40
    /// to 50).
    @Test func everyTaskAnswersCorrectly() throws {
        let model = try SpaunLite(dimensions: 64, seed: 0)
        let thalamus = try model.network.probe(model.actionSelection.thalamus.output, synapse: try Lowpass(0.005))
        let simulator = try Simulator(model.network, seed: 0)
        var failures: [String] = []
        for stimulus in Self.stimuli + Self.answeredAtLength {
            let trial = try model.run(try StimulusProgram(stimulus), in: simulator, seed: 0)
            let answered = Self.answeredAtLength.contains(stimulus)
                ? trial.answer.count == trial.expected?.count && trial.answer.allSatisfy(\.isNumber) : trial.correct
            if !answered { failures.append("\(stimulus): wrote \"\(trial.answer)\", expected \(trial.expected ?? "-")") }
            // Every answer starts after the query and inside the stimulus.
            let query = trial.schedule.items.first { $0.content == .glyph(.query) }?.start ?? 0
            #expect(trial.responseOnsets.allSatisfy { $0 > query && $0 < trial.schedule.duration }, "\(stimulus): \(trial.responseOnsets)")
            if stimulus.hasPrefix("A7") {
                let cycles = Self.delays(
                    try simulator.data(thalamus), names: model.actionSelection.names, dt: simulator.dt,
                    from: { $0.hasPrefix("close") }, to: "copy cell")
                let mean = cycles.reduce(0, +) / Double(max(cycles.count, 1))
                #expect(cycles.count >= 7, "closes followed by a copy: \(cycles)")
                #expect(mean >= 0.030 && mean <= 0.060, "action cycle \(mean * 1000) ms: \(cycles)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The delays from each onset of an action named `first` to the next onset of `second`
    /// (within 0.2 s). An action is selected while its thalamus output exceeds 0.5 and is the
    /// largest.
    static func delays(
        _ data: Matrix, names: [String?], dt: Double, from first: (String) -> Bool, to second: String
    ) -> [Double] {
        var selected: [String?] = []
        for row in 0..<data.rows {
            let values = data.row(row)
            let best = values.indices.max { values[$0] < values[$1] } ?? 0
            selected.append(values[best] > 0.5 ? names[best] : nil)
        }
        let onsets = selected.indices.dropFirst().filter { selected[$0] != nil && selected[$0] != selected[$0 - 1] }
        var delays: [Double] = []
        for (k, row) in onsets.enumerated() where first(selected[row] ?? "") {
            if let next = onsets[(k + 1)...].first(where: { selected[$0] == second }), Double(next - row) * dt < 0.2 {
                delays.append(Double(next - row) * dt)
            }
        }
        return delays
    }

    @Test(arguments: Lesion.allCases)
    func aLesionTakesTheAnswerAway(_ lesion: Lesion) throws {
        let model = try SpaunLite(dimensions: 64, lesions: [lesion], seed: 0)
        let simulator = try Simulator(model.network, seed: 0)
        let trial = try model.run(try StimulusProgram("A3[123]?XXX"), in: simulator, seed: 0)
        // Nothing written, or "don't know", or at most one digit right by chance.
        let right = zip(trial.answer, "123").filter { $0 == $1 }.count
        #expect(right <= 1, "\(lesion): wrote \(trial.answer)")
    }

    /// The lesions on A7's path take its answer away too: without the basal ganglia nothing is
    /// selected, without the decoding's output the pen writes `-`; with vision cut from the
    /// memories the cells stay empty, so whatever is written is read out of noise (a digit by
    /// chance, the right one one time in ten), and the test checks the cause: the cell memory
    /// never holds a `POSk ⊛ digit` term above 0.4 (intact, each cell holds its item at about
    /// 1; lesioned, noise reaches about 0.2). (The memory→decoding cut is MB1's, which A7 does
    /// not use.)
    @Test(arguments: [Lesion.visionToMemory, .basalGangliaToThalamus, .decodingToMotor])
    func aLesionTakesTheInducedAnswerAway(_ lesion: Lesion) throws {
        let model = try SpaunLite(dimensions: 64, lesions: [lesion], seed: 0)
        let cell = try model.network.probe(model.memory.cell.output.node, synapse: Lowpass(0.01), sampleEvery: 0.01)
        let simulator = try Simulator(model.network, seed: 0)
        let trial = try model.run(try StimulusProgram("A7[1][2][3][2][3][4][3][4]?XX"), in: simulator, seed: 0)
        guard lesion == .visionToMemory else {
            #expect(trial.answer != "5", "\(lesion): wrote \(trial.answer)")
            return
        }
        var terms: [[Double]] = []
        for k in 1...3 {
            for digit in SpaunVocabularies.digitKeys {
                terms.append(try model.vocabularies.main.parse("POS\(k) * \(digit)").vector)
            }
        }
        let held = try simulator.data(cell)
        var strongest = -Double.infinity
        for row in 0..<held.rows {
            let value = held.row(row)
            for term in terms { strongest = max(strongest, zip(term, value).reduce(0) { $0 + $1.0 * $1.1 }) }
        }
        #expect(held.rows > 0 && strongest < 0.4, "\(lesion): the cell held a term at \(strongest), wrote \(trial.answer)")
    }
}
