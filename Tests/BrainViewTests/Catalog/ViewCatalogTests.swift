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
}
