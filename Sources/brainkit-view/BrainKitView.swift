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

    func options() -> LiveViewOptions {
        var options = LiveViewOptions()
        options.host = host
        options.port = port
        options.speed = speed
        options.startsRunning = !paused
        options.threads = threads
        return options
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
            say(
                String(
                    format: "t %.2f s, %.2f× real time, %.0f steps/s while stepping, %d frames sent, %d dropped, behind %d times, %d clients, %d channels",
                    now.time, now.rate, seconds > 0 ? Double(steps) / seconds : 0, now.framesSent - last.framesSent,
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

    func run() async throws {
        let model = try TalkOscillator(seed: seed)
        var options = serving.options()
        options.initialPlots = [
            .init(label: "oscillator", kind: .xy), .init(label: "oscillator", kind: .value),
            .init(label: "stimulus", kind: .value), .init(label: "oscillator", kind: .spikes),
        ]
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
        var options = serving.options()
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
        var options = serving.options()
        // Spaun-lite's module outputs are nodes (free to watch); decoded probes on its
        // thousands of ensembles would slow the build and every step.
        options.decodedEnsembleLimit = 0
        options.vocabularies = [demo.vocabulary]
        let title = "Spaun-lite (\(demo.model.neuronCount) neurons; stimulus \(stimulus), \(demo.duration) s)"
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
