/// What the page is told about the model (sent as JSON at `/model.json`): its networks,
/// objects, connections and the channels it may watch.
struct ModelDescription: Codable, Sendable {
    /// A network or subnetwork: a box on the graph that can be collapsed.
    struct NetworkEntry: Codable, Sendable {
        let id: Int
        let label: String
        /// The enclosing network's id; nil for the top-level network.
        let parent: Int?
    }

    /// An ensemble or node: a shape on the graph.
    struct ObjectEntry: Codable, Sendable {
        let id: Int
        /// `ensemble` or `node`.
        let kind: String
        let label: String
        /// The network it belongs to.
        let network: Int
        /// Represented dimensions (ensembles) or output size (nodes).
        let dimensions: Int
        /// Neurons (ensembles; 0 for Direct ensembles and nodes).
        let neurons: Int
        /// A constant node's output, which a slider may override; nil otherwise.
        let constant: [Double]?
        /// The channels watching it, by plot kind (`value`, `spikes`, `voltage`).
        let channels: [String: Int]
    }

    /// A connection between two objects.
    struct ConnectionEntry: Codable, Sendable {
        let pre: Int
        let post: Int
    }

    /// Something the page can watch: one probe of the model.
    struct ChannelEntry: Codable, Sendable {
        let id: Int
        let object: Int
        /// `value` (decoded or node output), `spikes` or `voltage`.
        let kind: String
        /// Values per sample.
        let size: Int
        /// The first neuron a neuron channel shows (its neurons are `first ..< first + size`).
        let firstNeuron: Int
    }

    /// A vocabulary for similarity plots of values with its dimensions.
    struct VocabularyEntry: Codable, Sendable {
        let name: String
        let dimensions: Int
        let keys: [String]
        /// One vector per key (the page computes the similarities).
        let vectors: [[Float]]
    }

    /// A plot the page opens when it loads.
    struct PlotEntry: Codable, Sendable {
        let object: Int
        let kind: String
    }

    let name: String
    let dt: Double
    /// The initial speed (simulated seconds per second; 0 for as fast as possible).
    let speed: Double
    let networks: [NetworkEntry]
    let objects: [ObjectEntry]
    let connections: [ConnectionEntry]
    let channels: [ChannelEntry]
    let vocabularies: [VocabularyEntry]
    let initialPlots: [PlotEntry]
}
