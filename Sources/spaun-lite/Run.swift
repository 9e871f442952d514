import ArgumentParser
import BrainKit
import Foundation
import SpaunLite

extension SpaunLiteCommand {
    /// `spaun-lite run 'A3[1234]?XXXX'`: builds the model, shows the stimulus, prints what it
    /// writes; the last line is JSON.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one stimulus to the model and print what it writes (last line JSON).")

        @Argument(help: "The stimulus in Spaun 2.0's language, e.g. 'A3[1234]?XXXX'.")
        var stimulus: String

        @OptionGroup var options: ModelOptions

        @Flag(help: "Print what the model does every 50 ms, or every --trace-every (selected action, memories' best matches).")
        var trace = false

        @Option(help: "With --trace: its interval in seconds (rounded to a multiple of its 10 ms samples).")
        var traceEvery = 0.05

        @Option(help: "With --trace: how many POSk ⊛ digit terms to show for each list memory (MB1, its two buffers, the cells), strongest first.")
        var traceTerms = 4

        @Flag(help: "Print where the simulation's steps spend their time.")
        var profile = false

        @Option(help: "A CSV of handwritten digits for '#d' (default: the held-out shipped digits).")
        var digits: String?

        @Option(help: "The trial's seed: the stimulus's random parts, the glyphs' jitter, the simulator's noise (default: --seed; a battery's trial k has seed * 100003 + k).")
        var trialSeed: Int?

        func run() throws {
            guard traceEvery.isFinite, traceEvery > 0 else {
                throw ValidationError("--trace-every must be a positive number of seconds, got \(traceEvery)")
            }
            guard traceTerms >= 1 else { throw ValidationError("--trace-terms must be at least 1, got \(traceTerms)") }
            let seed = options.seed
            let program = try StimulusProgram(stimulus)
            let handwriting = try digits.map { try DigitImages.load(contentsOf: URL(fileURLWithPath: $0)) }
            let buildStart = Date()
            let model = try options.model(handwriting: handwriting)
            let tracer = trace ? try SpaunLiteTrace(model) : nil
            let modelSeconds = Date().timeIntervalSince(buildStart)
            let simulator = try options.simulator(of: model)
            let buildSeconds = Date().timeIntervalSince(buildStart)
            print(String(
                format: "built %d neurons in %.1f s (model %.1f s, simulator %.1f s; threads %d)", model.neuronCount,
                buildSeconds, modelSeconds, buildSeconds - modelSeconds, simulator.threads))
            let schedule = try program.schedule(seed: trialSeed ?? seed)
            print("stimulus \(schedule.resolvedText): \(String(format: "%.1f", schedule.duration)) s")
            if profile { simulator.startProfiling() }
            let trial = try model.run(program, in: simulator, seed: trialSeed ?? seed)
            if profile, let steps = simulator.profile { print(steps) }
            if let tracer {
                for line in try tracer.lines(simulator, every: traceEvery, listTerms: traceTerms) { print(line) }
            }
            print("saw   \(trial.seen)")
            for stroke in trial.strokes {
                print(String(format: "  wrote %@ at %.3f s (began %.3f s, similarity %.2f)", String(stroke.symbol), stroke.written, stroke.onset, stroke.similarity))
            }
            let perSecond = trial.runSeconds / schedule.duration
            print("answer \(trial.answer), expected \(trial.expected ?? "none"): \(trial.correct ? "correct" : "wrong")")
            let onsets = trial.responseOnsets.map { String(format: "%.3f", $0) }.joined(separator: ", ")
            print(
                "{\"stimulus\": \"\(stimulus)\", \"answer\": \"\(trial.answer)\", \"expected\": \"\(trial.expected ?? "")\", "
                    + "\"correct\": \(trial.correct), \"seen\": \"\(trial.seen)\", \"response_onsets_s\": [\(onsets)], \"neurons\": \(model.neuronCount), "
                    + String(format: "\"build_s\": %.2f, \"run_s_per_sim_s\": %.3f}", buildSeconds, perSecond))
        }
    }
}
