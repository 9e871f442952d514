import Foundation
import Testing
import BrainCore
@testable import BrainPlot

/// Plots made straight from a simulator's probes and built ensembles.
@Suite("Plots of a simulation")
struct SimulatorPlotTests {
    /// 20 LIF neurons driven by sin(2πt), with decoded, spike and voltage probes.
    static func model() throws -> (Simulator, decoded: Probe, spikes: Probe, voltage: Probe, ensemble: Ensemble) {
        let net = try Network(label: "raster", seed: 3)
        let input = try net.node(function: { sin(2 * Double.pi * $0) })
        let ensemble = try net.ensemble(label: "a", neurons: 20, dimensions: 1)
        try net.connect(input, to: ensemble)
        let decoded = try net.probe(ensemble, synapse: 0.01, label: "decoded")
        let spikes = try net.probe(ensemble.neurons, label: "spikes")
        let voltage = try net.probe(ensemble.neurons, .voltage, label: "voltage")
        return (try Simulator(net, threads: 1), decoded, spikes, voltage, ensemble)
    }

    @Test func decodedProbeAgainstTime() throws {
        let (sim, decoded, _, _, _) = try Self.model()
        try sim.run(seconds: 0.5)
        let svg = try SVGDocument(try LinePlot(sim, decoded).svg())
        let points = try #require(svg.elements("polyline", classes: "series").first).points
        #expect(points.count == 500)
        #expect(svg.elements("text", classes: "title").first?.stringValue == "decoded")
        #expect(svg.tickLabels("x").map(\.text).last == "0.5")
    }

    @Test func voltageAndTuningCurves() throws {
        let (sim, _, _, voltage, ensemble) = try Self.model()
        try sim.run(seconds: 0.2)
        let traces = try SVGDocument(try LinePlot.voltages(sim, voltage, neurons: [0, 3]).svg())
        #expect(traces.elements("polyline", classes: "series").count == 2)
        #expect(traces.elements("text", classes: "legend-label").compactMap(\.stringValue) == ["neuron 0", "neuron 3"])
        let tuning = try SVGDocument(try LinePlot.tuningCurves(sim, ensemble).svg())
        #expect(tuning.elements("polyline", classes: "series").count == 20)
        #expect(tuning.elements("text").compactMap(\.stringValue).contains("Firing rate (Hz)"))
        #expect(try SVGDocument(try LinePlot.responseCurves(sim, ensemble).svg())
            .elements("polyline", classes: "series").count == 20)
    }

    @Test func emptyProbesAreTypedErrors() throws {
        let (sim, decoded, spikes, _, _) = try Self.model()
        let line = #expect(throws: BrainKitError.self) { try LinePlot(sim, decoded) }
        #expect(line?.kind == .validation && line?.object == "Probe 'decoded'")
        #expect(throws: BrainKitError.self) { try SpikeRaster(sim, spikes) }
    }
}
