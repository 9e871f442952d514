import BrainCore

/// How a ``LiveView`` serves and runs its model.
///
/// ```swift
/// var options = LiveViewOptions()
/// options.port = 8080
/// options.speed = 1                      // real time; 0.5 half speed; 0 as fast as possible
/// options.initialPlots = [.init(label: "oscillator", kind: .xy)]
/// ```
public struct LiveViewOptions: Sendable {
    /// The address the server listens on: `127.0.0.1` (loopback, the default) unless another
    /// is asked for, such as `0.0.0.0` to accept other machines.
    public var host = "127.0.0.1"
    /// The TCP port, 0...65535; 0 lets the system choose a free one (``LiveView/run(onListening:)``
    /// reports it).
    public var port = 8080
    /// Simulated seconds per second of wall-clock time: 1 is real time, 0.5 half of it, 0 as
    /// fast as the machine allows. The page changes it while running.
    public var speed = 1.0
    /// Whether the simulation starts running (true) or paused.
    public var startsRunning = true
    /// The simulation time step in seconds.
    public var dt = 0.001
    /// The simulator's seed; nil for the network's seed + 1.
    public var seed: Int?
    /// The most threads stepping the simulation; nil for every core.
    public var threads: Int?
    /// How many ensembles (in network order, depth first) get a value channel: each is a
    /// decoded probe, which adds a decoder solve to the build and, while its value is
    /// watched, a product to the steps before each sample. Spikes, voltages and node values
    /// cost nothing until watched.
    public var decodedEnsembleLimit = 1000
    /// Plots the page opens when it loads.
    public var initialPlots: [Plot] = []
    /// Vocabularies whose keys similarity plots compare values with (a value of the
    /// vocabulary's dimensions may be shown as one similarity per key).
    public var vocabularies: [Vocabulary] = []

    /// The default options: loopback, port 8080, real time.
    public init() {}

    /// A plot to open when the page loads.
    public struct Plot: Sendable, Equatable {
        /// The ensemble or node to plot: its label (the first object so labelled, depth first),
        /// or its path, the labels of its enclosing networks below the top one and its own
        /// joined by `/` (`cortex/output`).
        public var label: String
        /// What to plot.
        public var kind: PlotKind

        /// A plot of `kind` for the ensemble or node labelled `label`.
        public init(label: String, kind: PlotKind) {
            self.label = label
            self.kind = kind
        }
    }

    /// What a plot shows.
    public enum PlotKind: String, Sendable, Equatable, CaseIterable {
        /// Decoded values (ensembles) or outputs (nodes) against time, over a sliding window.
        case value
        /// The first two dimensions against each other.
        case xy
        /// A spike raster of the ensemble's first neurons.
        case spikes
        /// Membrane voltages of the ensemble's first neurons.
        case voltage
        /// The value's similarity (dot product) with each key of a vocabulary.
        case similarity
    }

    /// Named unit vectors for similarity plots (a semantic-pointer vocabulary's keys).
    public struct Vocabulary: Sendable, Equatable {
        /// A name for the legend.
        public var name: String
        /// The keys, in order.
        public var keys: [String]
        /// One vector per key, each of ``dimensions`` values.
        public var vectors: [[Double]]
        /// The vectors' length.
        public var dimensions: Int { vectors.first?.count ?? 0 }

        /// A vocabulary of `keys` and their `vectors` (one per key, all of one length).
        /// - Throws: `BrainKitError` when the counts differ, the vectors have unequal
        ///   lengths, or a value is not finite.
        public init(name: String, keys: [String], vectors: [[Double]]) throws(BrainKitError) {
            guard keys.count == vectors.count, !keys.isEmpty else {
                throw BrainKitError(
                    .validation, object: "LiveView vocabulary '\(name)'", parameter: "vectors",
                    message: "must have one vector per key (\(keys.count) keys, \(vectors.count) vectors)")
            }
            let length = vectors[0].count
            guard length > 0, vectors.allSatisfy({ $0.count == length }) else {
                throw BrainKitError(
                    .validation, object: "LiveView vocabulary '\(name)'", parameter: "vectors",
                    message: "must all have the same number of values, at least 1")
            }
            guard vectors.allSatisfy({ $0.allSatisfy { Float($0).isFinite } }) else {
                throw BrainKitError(
                    .validation, object: "LiveView vocabulary '\(name)'", parameter: "vectors",
                    message: "must be finite in single precision")
            }
            self.name = name
            self.keys = keys
            self.vectors = vectors
        }
    }

    /// Checks every option, naming `LiveView` and the option in the error.
    func validate() throws(BrainKitError) {
        func fail(_ parameter: String, _ message: String) -> BrainKitError {
            BrainKitError(.validation, object: "LiveView", parameter: parameter, message: message)
        }
        guard (0...65535).contains(port) else { throw fail("port", "must be in 0...65535, got \(port)") }
        guard speed >= 0, !speed.isNaN else { throw fail("speed", "must be >= 0 (0: as fast as possible), got \(speed)") }
        guard dt > 0, dt.isFinite else { throw fail("dt", "must be > 0 and finite, got \(dt)") }
        guard decodedEnsembleLimit >= 0 else {
            throw fail("decodedEnsembleLimit", "must be >= 0, got \(decodedEnsembleLimit)")
        }
        guard !host.isEmpty else { throw fail("host", "must name an address, got an empty string") }
    }
}
