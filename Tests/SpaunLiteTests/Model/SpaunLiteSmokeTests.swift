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
    ]

    @Test func everyTaskAnswersCorrectly() throws {
        let model = try SpaunLite(dimensions: 64, seed: 0)
        let simulator = try Simulator(model.network, seed: 0)
        var failures: [String] = []
        for stimulus in Self.stimuli {
            let trial = try model.run(try StimulusProgram(stimulus), in: simulator, seed: 0)
            if !trial.correct { failures.append("\(stimulus): wrote \"\(trial.answer)\", expected \(trial.expected ?? "-")") }
            // Every answer starts after the query and inside the stimulus.
            let query = trial.schedule.items.first { $0.content == .glyph(.query) }?.start ?? 0
            #expect(trial.responseOnsets.allSatisfy { $0 > query && $0 < trial.schedule.duration }, "\(stimulus): \(trial.responseOnsets)")
        }
        #expect(failures.isEmpty, "\(failures)")
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
}
