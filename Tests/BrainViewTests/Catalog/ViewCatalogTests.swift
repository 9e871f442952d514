import BrainCore
import BrainViewDemos
import Testing

@testable import BrainView

struct ViewCatalogTests {
    @Test func theOscillatorsObjectsChannelsAndConnections() throws {
        let model = try TalkOscillator(seed: 0)
        let catalog = try ViewCatalog(network: model.network, options: LiveViewOptions())
        let objects = catalog.description.objects
        #expect(objects.map(\.label) == ["shape", "oscillator", "kick", "stimulus"])
        let oscillator = try #require(objects.first { $0.label == "oscillator" })
        #expect(oscillator.neurons == 1000 && oscillator.dimensions == 2)
        #expect(Set(oscillator.channels.keys) == ["value", "spikes", "voltage"])
        let spikes = catalog.description.channels[oscillator.channels["spikes"]!]
        #expect(spikes.size == ViewCatalog.spikeNeurons)
        #expect(catalog.description.channels[oscillator.channels["voltage"]!].size == ViewCatalog.voltageNeurons)
        let stimulus = try #require(objects.first { $0.label == "stimulus" })
        #expect(stimulus.constant == [0] && catalog.constantNodes[stimulus.id] === model.stimulus)
        #expect(objects.first { $0.label == "kick" }?.constant == nil)
        let edges = Set(catalog.description.connections.map { [$0.pre, $0.post] })
        #expect(edges.contains([oscillator.id, oscillator.id]))
        #expect(edges.count == 4)
        #expect(catalog.probes.count == catalog.description.channels.count)
    }

    @Test func decodedValuesStopAtTheLimit() throws {
        let model = try TalkOscillator(seed: 0)
        var options = LiveViewOptions()
        options.decodedEnsembleLimit = 1
        let catalog = try ViewCatalog(network: model.network, options: options)
        let ensembles = catalog.description.objects.filter { $0.kind == "ensemble" }
        #expect(ensembles.map { $0.channels["value"] != nil } == [true, false])
    }

    @Test func initialPlotsMustNameAnObjectWithTheChannel() throws {
        var options = LiveViewOptions()
        options.initialPlots = [.init(label: "nowhere", kind: .value)]
        #expect(throws: BrainKitError.self) { try ViewCatalog(network: try TalkOscillator().network, options: options) }
        options.initialPlots = [.init(label: "stimulus", kind: .spikes)]
        #expect(throws: BrainKitError.self) { try ViewCatalog(network: try TalkOscillator().network, options: options) }
        options.initialPlots = [.init(label: "oscillator", kind: .xy)]
        let catalog = try ViewCatalog(network: try TalkOscillator().network, options: options)
        #expect(catalog.description.initialPlots.map(\.kind) == ["xy"])
    }

    @Test func nodesWithAnInputAreFilteredAndOthersShownAsTheyAre() throws {
        let net = try Network(label: "nodes", seed: 0)
        let constant = try net.node(label: "constant", output: [0.5, 1])
        let passthrough = try net.node(label: "passthrough", sizeIn: 2)
        try net.connect(constant, to: passthrough)
        let catalog = try ViewCatalog(network: net, options: LiveViewOptions())
        let channels = catalog.description.objects.map { catalog.probes[$0.channels["value"]!] }
        #expect(channels.map { $0.synapse == nil } == [true, false])
        #expect((channels[1].synapse as? Lowpass)?.tau == ViewCatalog.valueSynapse)
    }

    @Test func initialPlotsMayNameAnObjectByItsPath() throws {
        let net = try Network(label: "model", seed: 0)
        let outer = try net.node(label: "output", output: 1)
        let module = try net.network(label: "module")
        let inner = try module.node(label: "output", sizeIn: 1)
        try net.connect(outer, to: inner)
        var options = LiveViewOptions()
        options.initialPlots = [.init(label: "module/output", kind: .value), .init(label: "output", kind: .value)]
        let catalog = try ViewCatalog(network: net, options: options)
        let objects = catalog.description.objects
        #expect(catalog.description.initialPlots.map { objects[$0.object].network } == [1, 0])
        options.initialPlots = [.init(label: "elsewhere/output", kind: .value)]
        #expect(throws: BrainKitError.self) { try ViewCatalog(network: net, options: options) }
    }
}
