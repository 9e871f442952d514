import BrainCore
import Foundation

/// Serves a running model to a browser: its graph, live plots of its values, spikes and
/// voltages, and sliders on its constant inputs.
///
/// ```swift
/// let net = try Network(label: "my model", seed: 0)
/// // ... ensembles, nodes, connections ...
/// let view = try LiveView(network: net)          // builds the model
/// try await view.run { url in print("open \(url)") }   // serves until interrupted
/// ```
///
/// The simulation runs on a thread of its own, paced to ``LiveViewOptions/speed`` (real time
/// by default; the page changes it, pauses, plays and resets). About 30 times a second the
/// view sends each connected page a binary frame with the samples of the channels the page
/// watches; a page that has not taken the previous frame loses it, so a slow browser never
/// slows the simulation. The server answers on a thread of its own too, so the page stays
/// live while the program's other `async` work keeps Swift's shared threads busy. It listens
/// on 127.0.0.1 unless ``LiveViewOptions/host`` says otherwise.
///
/// The view adds probes to `network` (labelled `view: ...`): a decoded value for each
/// ensemble (up to ``LiveViewOptions/decodedEnsembleLimit``), the first neurons' spikes and
/// voltages, and each node's output (filtered when the node has an input). They keep no
/// history (`ProbeStorage.latestOnly`), and a decoded value or a filter computes only while
/// its channel is watched, in the steps just before each sample; none of them changes the
/// model's values.
public final class LiveView: Sendable {
    /// The options the view was made with.
    public let options: LiveViewOptions
    private let loop: SimulationLoop
    private let model: [UInt8]
    private let page = PageFiles()

    /// Builds `network` for viewing (adding the view's probes to it). The network is handed
    /// over (`sending`): the view's simulation thread owns it from here on.
    /// - Throws: `BrainKitError` for an invalid option (naming `LiveView` and the option),
    ///   or when the model cannot be built.
    public init(network: sending Network, options: LiveViewOptions = LiveViewOptions()) throws(BrainKitError) {
        try options.validate()
        let catalog = try ViewCatalog(network: network, options: options)
        let simulator = try Simulator(
            network, dt: options.dt, seed: options.seed, threads: options.threads, probeStorage: .latestOnly)
        self.options = options
        model = (try? Array(JSONEncoder().encode(catalog.description))) ?? Array("{}".utf8)
        let speed = options.speed.isFinite ? options.speed : 0
        loop = SimulationLoop(
            engine: LoopEngine(simulator: simulator, catalog: catalog), running: options.startsRunning, speed: speed)
    }

    /// What the view has done so far.
    public var statistics: LiveStatistics { loop.statistics }

    /// Runs the simulation and serves the page until the task is cancelled (or the process
    /// receives SIGINT or SIGTERM), then stops the simulation. Call it once per view.
    /// - Parameter onListening: called once the server listens, with the page's address
    ///   (`http://127.0.0.1:8080/`; the port the system chose when ``LiveViewOptions/port``
    ///   is 0).
    /// - Throws: the server's error when it cannot listen (for example, the port is taken).
    public func run(onListening: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let thread = Thread { [loop] in loop.run() }
        thread.name = "brainkit-view simulation"
        thread.start()
        defer { loop.stop() }
        let host = options.host
        let app = ViewServer.application(host: host, port: options.port, page: page, model: model, loop: loop) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            if let url = URL(string: "http://\(shown):\(port)/") { await onListening(url) }
        }
        let executor = ServerThreadExecutor(name: "brainkit-view server")
        defer { executor.stop() }
        try await withTaskExecutorPreference(executor) { try await app.runService() }
    }
}
