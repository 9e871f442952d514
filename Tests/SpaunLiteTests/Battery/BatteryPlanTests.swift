import BrainCore
import Testing
@testable import SpaunLite

/// Every task's battery: each trial's stimulus parses, its expected answer (from the stimulus
/// language's rules, what scoring uses) is the plan's answer, and the forms alternate as the
/// plan says.
@Suite("Battery plans")
struct BatteryPlanTests {
    @Test(arguments: BatteryPlan.Task.allCases)
    func everyTrialParsesAndScoresAsPlanned(_ task: BatteryPlan.Task) throws {
        let plan = try BatteryPlan(task, trials: 6, lengths: [3, 7], seed: 3)
        #expect(!plan.trials.isEmpty)
        for trial in plan.trials {
            let program = try StimulusProgram(trial.stimulus)
            let expected = try #require(program.expectedAnswer, "\(trial.stimulus) has no expected answer")
            switch task {
            case .a1, .a3:
                #expect(expected == trial.digits.map(String.init).joined(), "\(trial.stimulus)")
            case .a4:
                #expect(expected == String(trial.digits[0] + trial.digits[1]), "\(trial.stimulus)")
            case .a5:
                let position = try #require(trial.position)
                let answer = trial.kind == "P" ? trial.digits[position - 1] : position
                #expect(expected == String(answer), "\(trial.stimulus)")
            case .a6, .a7:
                #expect(expected == trial.digits.map(String.init).joined(), "\(trial.stimulus)")
                // One response slot more than the answer has digits.
                #expect(trial.stimulus.filter { $0 == "X" }.count == expected.count + 1, "\(trial.stimulus)")
            }
        }
    }

    @Test func rapidVariableCreationAndFluidReasoningAlternateTheirForms() throws {
        #expect(try BatteryPlan(.a6, trials: 4, seed: 0).trials.map(\.kind) == ["xB-B", "AAxB-xB", "xB-B", "AAxB-xB"])
        #expect(
            try BatteryPlan(.a7, trials: 6, seed: 0).trials.map(\.kind)
                == ["add", "append", "constant", "add", "append", "constant"])
    }
}
