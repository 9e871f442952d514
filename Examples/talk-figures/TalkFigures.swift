// Regenerates the figures of the talk BrainKit started from as SVG files (BrainPlot), into
// docs/figures/ by default:
//
//   swift run -c release talk-figures [--output docs/figures]
//
//   neuron-cell.svg          the NEURON cell (HH soma + passive dendrite, 1 nA clamp): voltage
//   adex.svg                 the AdEx cell at 1.5 nA: voltage with spikes drawn to 20 mV, and w
//   tuning-curves.svg        tuning curves of 15 LIF neurons (ensemble seed 10)
//   squaring-constant.svg    the squaring model driven by 0.5: voltage of neuron 0, raster,
//                            decoded x and x²
//   squaring-sine.svg        the same driven by sin(2πt)
//   basal-ganglia.svg        action selection: basal ganglia and thalamus outputs
//   oscillator.svg           the controlled oscillator at 2 Hz: its shape (x₁ against x₀) and
//                            x₀, x₁ against time
//
// Every figure is deterministic (fixed seeds, SVG written with fixed decimals). Progress bars
// go to stderr when it is a terminal. The last line printed is JSON: file names and sizes.
import ArgumentParser
import BrainKit
import Foundation

@main
struct TalkFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talk-figures",
        abstract: "Writes the talk's figures (single cells, tuning curves, squaring, action selection, oscillator) as SVG.")

    @Option(help: "The directory to write the figures into (created if missing).")
    var output = "docs/figures"

    func run() throws {
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let figures: [(name: String, make: () throws -> Figure)] = [
            ("neuron-cell", CellFigures.neuronCell),
            ("adex", CellFigures.adex),
            ("tuning-curves", EnsembleFigures.tuningCurves),
            ("squaring-constant", { try EnsembleFigures.squaring(input: .constant) }),
            ("squaring-sine", { try EnsembleFigures.squaring(input: .sine) }),
            ("basal-ganglia", NetworkFigures.basalGanglia),
            ("oscillator", NetworkFigures.oscillator),
        ]
        var written: [String] = []
        for (name, make) in figures {
            let url = directory.appendingPathComponent(name + ".svg")
            try make().write(to: url)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print("\(url.path): \(bytes) bytes")
            written.append("{\"file\": \"\(name).svg\", \"bytes\": \(bytes)}")
        }
        print("{\"figures\": [" + written.joined(separator: ", ") + "]}")
    }
}
