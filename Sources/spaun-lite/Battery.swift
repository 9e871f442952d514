import ArgumentParser
import BrainKit
import Foundation
import SpaunLite

extension SpaunLiteCommand {
    /// `spaun-lite battery A3 --trials 10`: a task's protocol on one built model; accuracy with
    /// 95 % intervals, per-position curves, RT slope.
    struct Battery: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a task's battery on one built model and report accuracy with 95 % intervals.")

        @Argument(help: "A1, A3, A4, A5, A6 or A7.")
        var task: String

        @Option(help: "Trials per condition (A1, A6, A7: in all).")
        var trials = 10

        @Option(help: "A3's list lengths, comma-separated.")
        var lengths = "3,4,5,6,7"

        @Option(help: "A1: show every image of this CSV once (the shipped digits' format). Not with --validation-fold, which shows that fold's images.")
        var digits: String?

        @Flag(help: "A1: show every held-out image of the shipped digits once, in place of the plan's handwritten trials (the typed trials stay).")
        var heldOut = false

        @OptionGroup var options: ModelOptions

        @Option(help: "Write the report as JSON to this file.")
        var json: String?

        func run() throws {
            guard let task = BatteryPlan.Task(rawValue: task.uppercased()) else {
                throw ValidationError("task must be one of \(BatteryPlan.Task.allCases.map(\.rawValue).joined(separator: ", ")), got \(task)")
            }
            let seed = options.seed
            let lengthList = try lengths.split(separator: ",").map { text in
                guard let length = Int(text.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("bad length \(text)") }
                return length
            }
            var plan = try BatteryPlan(task, trials: trials, lengths: lengthList, seed: seed).trials.map { ($0, DigitImages?.none) }
            guard !heldOut || (task == .a1 && digits == nil && options.validationFold == nil) else {
                throw ValidationError("--held-out is for A1 alone, without --digits or --validation-fold")
            }
            guard digits == nil || (task == .a1 && options.validationFold == nil) else {
                throw ValidationError("--digits is for A1 alone (its images are shown there), without --validation-fold (which shows that fold's)")
            }
            /// A1 trials that show each of `images` once, in their order.
            func eachShownOnce(_ images: DigitImages) -> [(BatteryPlan.Trial, DigitImages?)] {
                images.images.map { image in
                    (BatteryPlan.Trial(stimulus: "A1[#\(image.label)]?X", digits: [image.label], kind: "handwritten", position: nil),
                     DigitImages(images: [image]))
                }
            }
            if heldOut {
                plan = try eachShownOnce(DigitImages.shipped().split().heldOut) + plan.filter { $0.0.kind != "handwritten" }
            }
            if let digits {
                plan = eachShownOnce(try DigitImages.load(contentsOf: URL(fileURLWithPath: digits)))
            }
            if task == .a1, let validation = try options.validationImages() {
                plan = eachShownOnce(validation)
            }
            let model = try options.model()
            let simulator = try options.simulator(of: model)
            print("\(model.neuronCount) neurons; \(plan.count) trials of \(task.rawValue)")
            var report = BatteryReport(task: task)
            let started = Date()
            for (index, (trial, images)) in plan.enumerated() {
                let program = try StimulusProgram(trial.stimulus)
                let result = try model.run(program, in: simulator, seed: seed * 100_003 + index, handwriting: images)
                let query = result.schedule.items.first { $0.content == .glyph(.query) }?.start
                let responseTime = result.responseOnsets.first.flatMap { onset in query.map { onset - $0 } }
                report.add(.init(trial: trial, answer: result.answer, expected: result.expected ?? "", responseTime: responseTime))
                print("  \(trial.stimulus): wrote \(result.answer.isEmpty ? "nothing" : result.answer)\(result.correct ? "" : " ✗")")
            }
            for line in report.lines { print(line) }
            print(String(format: "%.0f s of wall time", Date().timeIntervalSince(started)))
            if let json { try report.json.write(toFile: json, atomically: true, encoding: .utf8) }
        }
    }
}
