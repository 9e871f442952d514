import BrainCore

/// The objects of a network the live view can show, and the probes it adds to watch them.
///
/// Every ensemble gets a value channel (its decoded output through `Lowpass(0.01)`, for the
/// first ``LiveViewOptions/decodedEnsembleLimit`` ensembles), a spikes channel (its first
/// ``spikeNeurons`` neurons) and, when its neuron type has a voltage, a voltage channel (the
/// first ``voltageNeurons``); every node with an output gets a value channel: its output,
/// through the same `Lowpass(0.01)` when the node has an input (a passthrough node carries
/// the spiky decoded values of the ensembles that feed it), as it is otherwise (a constant
/// or a function of time, which a slider's change shows at once).
/// Neuron probes and the probes of nodes without input read signals the simulation computes
/// anyway; a decoded probe's product and filter, and a node's filter, run only while the
/// channel is watched (``LoopEngine``).
struct ViewCatalog {
    /// Neurons a spikes channel shows (the first ones of the ensemble).
    static let spikeNeurons = 100
    /// Neurons a voltage channel shows.
    static let voltageNeurons = 10
    /// The lowpass time constant of value channels of ensembles, in seconds.
    static let valueSynapse = 0.01

    /// The page's view of the model.
    private(set) var description: ModelDescription
    /// Each channel's probe, by channel id.
    let probes: [Probe]
    /// The nodes with a constant output, by object id.
    let constantNodes: [Int: Node]

    /// Adds the view's probes to `network` (labelled `view: ...`) and describes it.
    /// - Throws: `BrainKitError` when a probe cannot be made, or an initial plot or a
    ///   vocabulary is invalid (naming `LiveView` and the option).
    init(network: Network, options: LiveViewOptions) throws(BrainKitError) {
        var networks: [ModelDescription.NetworkEntry] = []
        var objects: [ModelDescription.ObjectEntry] = []
        var channels: [ModelDescription.ChannelEntry] = []
        var probes: [Probe] = []
        var constantNodes: [Int: Node] = [:]
        var objectIDs: [ObjectIdentifier: Int] = [:]
        var decodedEnsembles = 0

        func addChannel(_ probe: Probe, object: Int, kind: String, firstNeuron: Int = 0) -> Int {
            let id = channels.count
            channels.append(.init(id: id, object: object, kind: kind, size: probe.size, firstNeuron: firstNeuron))
            probes.append(probe)
            return id
        }

        func visit(_ net: Network, parent: Int?) throws(BrainKitError) {
            let networkID = networks.count
            networks.append(.init(id: networkID, label: net.label ?? (parent == nil ? "model" : "network"), parent: parent))
            for ensemble in net.ensembles {
                let id = objects.count
                objectIDs[ObjectIdentifier(ensemble)] = id
                let neurons = ensemble.neuronType.isDirect ? 0 : ensemble.neuronCount
                var kinds: [String: Int] = [:]
                if decodedEnsembles < options.decodedEnsembleLimit {
                    decodedEnsembles += 1
                    let probe = try net.probe(
                        ensemble, synapse: ViewCatalog.valueSynapse, label: "view: \(ensemble.label ?? "ensemble") value")
                    kinds["value"] = addChannel(probe, object: id, kind: "value")
                }
                if neurons > 0 {
                    let shown = min(neurons, ViewCatalog.spikeNeurons)
                    let spikes = try net.probe(
                        ensemble.neurons[0..<shown], label: "view: \(ensemble.label ?? "ensemble") spikes")
                    kinds["spikes"] = addChannel(spikes, object: id, kind: "spikes")
                    let traced = min(neurons, ViewCatalog.voltageNeurons)
                    if let voltage = try? net.probe(
                        ensemble.neurons[0..<traced], .voltage, label: "view: \(ensemble.label ?? "ensemble") voltage")
                    {
                        kinds["voltage"] = addChannel(voltage, object: id, kind: "voltage")
                    }
                }
                objects.append(
                    .init(
                        id: id, kind: "ensemble", label: ensemble.label ?? "ensemble \(id)", network: networkID,
                        dimensions: ensemble.dimensions, neurons: neurons, constant: nil, channels: kinds))
            }
            for node in net.nodes {
                let id = objects.count
                objectIDs[ObjectIdentifier(node)] = id
                var kinds: [String: Int] = [:]
                if node.sizeOut > 0 {
                    let probe = try net.probe(
                        node, synapse: node.sizeIn > 0 ? try Lowpass(ViewCatalog.valueSynapse) : nil,
                        label: "view: \(node.label ?? "node") value")
                    kinds["value"] = addChannel(probe, object: id, kind: "value")
                }
                var constant: [Double]?
                if case .constant(let values) = node.output {
                    constant = values
                    constantNodes[id] = node
                }
                objects.append(
                    .init(
                        id: id, kind: "node", label: node.label ?? "node \(id)", network: networkID,
                        dimensions: max(node.sizeOut, node.sizeIn), neurons: 0, constant: constant, channels: kinds))
            }
            for child in net.networks { try visit(child, parent: networkID) }
        }
        try visit(network, parent: nil)

        var connections: [ModelDescription.ConnectionEntry] = []
        var seen = Set<[Int]>()
        for connection in network.allConnections {
            guard let pre = ViewCatalog.object(of: connection.pre, in: objectIDs),
                let post = ViewCatalog.object(of: connection.post, in: objectIDs), seen.insert([pre, post]).inserted
            else { continue }
            connections.append(.init(pre: pre, post: post))
        }

        let vocabularies = options.vocabularies.map {
            ModelDescription.VocabularyEntry(
                name: $0.name, dimensions: $0.dimensions, keys: $0.keys, vectors: $0.vectors.map { $0.map(Float.init) })
        }

        // An object's path: the labels of its enclosing networks below the top one, then its own.
        func path(of object: ModelDescription.ObjectEntry) -> String {
            var labels = [object.label]
            var network: Int? = object.network
            while let id = network, let parent = networks[id].parent {
                labels.append(networks[id].label)
                network = parent
            }
            return labels.reversed().joined(separator: "/")
        }
        var plots: [ModelDescription.PlotEntry] = []
        for plot in options.initialPlots {
            guard let object = objects.first(where: { $0.label == plot.label || path(of: $0) == plot.label }) else {
                throw .validation("LiveView", "initialPlots", "no ensemble or node is labelled '\(plot.label)'")
            }
            let needs = plot.kind == .similarity || plot.kind == .xy ? "value" : plot.kind.rawValue
            guard object.channels[needs] != nil else {
                throw .validation(
                    "LiveView", "initialPlots", "'\(plot.label)' has no \(needs) channel for a \(plot.kind.rawValue) plot")
            }
            plots.append(.init(object: object.id, kind: plot.kind.rawValue))
        }

        description = ModelDescription(
            name: network.label ?? "model", dt: options.dt, speed: options.speed.isFinite ? options.speed : 0,
            networks: networks, objects: objects, connections: connections, channels: channels,
            vocabularies: vocabularies, initialPlots: plots)
        self.probes = probes
        self.constantNodes = constantNodes
    }

    /// The object id of a connection's end (an ensemble, its neurons, or a node).
    private static func object(of endpoint: Endpoint, in ids: [ObjectIdentifier: Int]) -> Int? {
        switch endpoint.object {
        case .ensemble(let e), .neurons(let e): return ids[ObjectIdentifier(e)]
        case .node(let n): return ids[ObjectIdentifier(n)]
        case .learningRule: return nil
        }
    }
}
