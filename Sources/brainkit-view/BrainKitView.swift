// brainkit-view: a model running live in the browser.
//
//   swift run -c release brainkit-view oscillator        # then open the printed URL
//   swift run -c release brainkit-view spa-sequence
//   swift run -c release brainkit-view spaun-lite 'A3[472]?XXX'
//
// Each subcommand builds its model, serves the live view on 127.0.0.1 (unless --host says
// otherwise) and runs until interrupted.
import ArgumentParser
import BrainView
import BrainViewDemos
import Foundation

struct ServeOptions: ParsableArguments {
    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0: any free one).")
    var port = 8080

    @Option(help: "Simulated seconds per second (1: real time; 0: as fast as possible).")
    var speed = 1.0

    @Flag(help: "Start paused.")
    var paused = false

    @Option(help: "The most threads stepping the simulation (default: every core).")
    var threads: Int?

    @Option(help: "Print the view's statistics every this many seconds (0: never).")
    var statisticsEvery = 0.0

    @Option(
        name: .customLong("plot"),
        help: "A plot the page opens, as label:kind (kind: value, xy, spikes, voltage, similarity); repeat for more. Replaces the model's default plots.")
    var plots: [String] = []

    /// The options asked for; `defaultPlots` when no `--plot` is given.
    func options(defaultPlots: [LiveViewOptions.Plot] = []) throws -> LiveViewOptions {
        var options = LiveViewOptions()
        options.host = host
        options.port = port
        options.speed = speed
        options.startsRunning = !paused
        options.threads = threads
        options.initialPlots = try plots.isEmpty ? defaultPlots : plots.map(ServeOptions.plot)
        return options
    }

    /// A `--plot` value: the label up to the last colon, then the kind.
    static func plot(_ text: String) throws -> LiveViewOptions.Plot {
        guard let colon = text.lastIndex(of: ":"),
            let kind = LiveViewOptions.PlotKind(rawValue: String(text[text.index(after: colon)...]))
        else {
            throw ValidationError(
                "--plot must be label:kind with kind one of \(LiveViewOptions.PlotKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return .init(label: String(text[..<colon]), kind: kind)
    }
}

/// Writes a line to standard output at once (unbuffered, also when piped).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Serves `view`, prints where, and its statistics every `statisticsEvery` seconds (if > 0).
func serve(_ view: LiveView, title: String, statisticsEvery: Double) async throws {
    let reporter = Task {
        guard statisticsEvery > 0 else { return }
        var last = view.statistics
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(statisticsEvery))
            let now = view.statistics
            let steps = now.steps - last.steps, seconds = now.stepSeconds - last.stepSeconds
            let cpu = now.stepCPUSeconds - last.stepCPUSeconds
            say(
                String(
                    format: "t %.2f s, %.2f× real time, %.0f steps/s while stepping, %.0f steps per CPU s, %d frames sent, %d dropped, behind %d times, %d clients, %d channels",
                    now.time, now.rate, seconds > 0 ? Double(steps) / seconds : 0, cpu > 0 ? Double(steps) / cpu : 0,
                    now.framesSent - last.framesSent,
                    now.framesDropped - last.framesDropped, now.fallsBehind, now.clients, now.watchedChannels))
            last = now
        }
    }
    defer { reporter.cancel() }
    try await view.run { url in
        say("\(title): open \(url) (Ctrl-C stops)")
    }
}

struct Oscillator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The talk's controlled oscillator: 1000 LIF neurons in 2-D, a 100-neuron shape ensemble and a stimulus slider.")

    @OptionGroup var serving: ServeOptions

    @Option(help: "The network seed.")
    var seed = 0

    @Option(
        help: "Run the same model without the view for this many wall-clock seconds, print its steps per second and exit (the baseline of the view's overhead, docs/benchmarks.md).")
    var withoutView: Double?

    func run() async throws {
        let model = try TalkOscillator(seed: seed)
        if let withoutView {
            let run = try PlainRun(of: model.network, threads: serving.threads, seconds: withoutView)
            say(
                String(
                    format: "without the view: %.0f steps/s, %.0f steps per CPU s (%d thread%@)", run.stepsPerSecond,
                    run.stepsPerCPUSecond, run.threads, run.threads == 1 ? "" : "s"))
            return
        }
        let options = try serving.options(defaultPlots: [
            .init(label: "oscillator", kind: .xy), .init(label: "oscillator", kind: .value),
            .init(label: "stimulus", kind: .value), .init(label: "oscillator", kind: .spikes),
        ])
        try await serve(try LiveView(network: model.network, options: options), title: "oscillator (1100 LIF neurons)",
            statisticsEvery: serving.statisticsEvery)
    }
}

struct SPASequence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spa-sequence",
        abstract: "nengo_spa's sequence: a State cycling A→B→C→D→E→A through basal ganglia and thalamus.")

    @OptionGroup var serving: ServeOptions

    @Option(help: "Vocabulary dimensions.")
    var dimensions = 16

    @Option(help: "The network and vocabulary seed.")
    var seed = 0

    func run() async throws {
        let model = try SPASequenceDemo(dimensions: dimensions, seed: seed)
        var options = try serving.options(defaultPlots: [
            .init(label: "cortex/output", kind: .similarity), .init(label: "cortex/output", kind: .value),
        ])
        options.vocabularies = [model.vocabulary]
        let title = "spa-sequence (\(model.network.neuronCount) neurons)"
        let view = try LiveView(network: model.network, options: options)
        try await serve(view, title: title, statisticsEvery: serving.statisticsEvery)
    }
}

struct SpaunLiteView: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spaun-lite",
        abstract: "Spaun-lite shown a stimulus from t = 0 (and after every reset): vision, memory, action selection, motor.")

    @OptionGroup var serving: ServeOptions

    @Argument(help: "The stimulus in Spaun 2.0's language.")
    var stimulus = "A3[472]?XXX"

    @Option(help: "Dimensions of the main vocabulary.")
    var dimensions = 64

    @Option(help: "The model's seed.")
    var seed = 0

    func run() async throws {
        say("building Spaun-lite (\(dimensions)-D)...")
        let demo = try SpaunLiteDemo(stimulus: stimulus, dimensions: dimensions, seed: seed)
        var options = try serving.options(defaultPlots: [
            .init(label: "Vision/visual pointer", kind: .similarity),
            .init(label: "Working memory/MB1/output", kind: .similarity),
            .init(label: "Motor/plan/output", kind: .similarity),
        ])
        // Spaun-lite's module outputs are nodes (free to watch); decoded probes on its
        // thousands of ensembles would slow the build and every step.
        options.decodedEnsembleLimit = 0
        options.vocabularies = [demo.vocabulary]
        let title = "Spaun-lite (\(demo.model.neuronCount) neurons; stimulus \(stimulus), "
            + String(format: "%.2f s)", demo.duration)
        let view = try LiveView(network: demo.model.network, options: options)
        try await serve(view, title: title, statisticsEvery: serving.statisticsEvery)
    }
}

@main
struct BrainKitView: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brainkit-view",
        abstract: "Runs a model live in the browser: its graph, live plots and sliders.",
        subcommands: [Oscillator.self, SPASequence.self, SpaunLiteView.self])
}
