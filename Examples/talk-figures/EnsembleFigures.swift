import BrainKit
import Foundation

/// The LIF ensemble figures: tuning curves and the squaring model.
enum EnsembleFigures {
    /// Tuning curves of 15 LIF neurons, seed 10 (Nengo's defaults otherwise).
    static func tuningCurves() throws -> Figure {
        let net = try Network(label: "tuning curves")
        let ensemble = try net.ensemble(label: "15 neurons", neurons: 15, dimensions: 1, seed: 10)
        let sim = try Simulator(net, threads: 1)
        let plot = try LinePlot.tuningCurves(sim, ensemble, title: "Tuning curves, 15 LIF neurons")
        return try Figure(rows: 1, columns: 1, panels: [plot])
    }

    enum Input {
        case constant, sine
    }

    /// The squaring model of the squaring example (seed 14: input → x, 40 LIF → x², 40 LIF;
    /// probes through 30 ms): voltage of x's neuron 0, the raster of x's neurons, and decoded
    /// x and x², for 1 s of a constant 0.5 or 2 s of sin(2πt).
    static func squaring(input: Input) throws -> Figure {
        let net = try Network(label: "squaring", seed: 14)
        let value = try input == .constant
            ? net.node(label: "value", output: 0.5) : net.node(label: "value", function: { t in sin(2 * .pi * t) })
        let x = try net.ensemble(label: "x", neurons: 40, dimensions: 1)
        let squared = try net.ensemble(label: "x squared", neurons: 40, dimensions: 1)
        try net.connect(value, to: x)
        try net.connect(x, to: squared, function: { x in [x[0] * x[0]] })
        let xProbe = try net.probe(x, synapse: 0.03)
        let squaredProbe = try net.probe(squared, synapse: 0.03)
        let voltage = try net.probe(x.neurons, .voltage)
        let spikes = try net.probe(x.neurons)
        let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
        try sim.run(seconds: input == .constant ? 1 : 2)

        let name = input == .constant ? "input 0.5" : "input sin(2πt)"
        let times = sim.trange()
        // Neuron 0 is silent at a constant 0.5: its trace is shown with the most active
        // neuron's for contrast.
        let spikeData = try sim.data(spikes)
        let counts = (0..<spikeData.columns).map { n in spikeData.column(n).filter { $0 > 0 }.count }
        let busiest = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        let shown = counts[0] == 0 && busiest != 0 ? [0, busiest] : [0]
        let pairs = zip(try sim.data(xProbe).values, try sim.data(squaredProbe).values)
        let decoded = Matrix(rows: times.count, columns: 2, values: pairs.flatMap { [$0, $1] })
        let panels: [any Plot] = [
            try LinePlot.voltages(
                sim, voltage, neurons: shown,
                title: shown.count == 1 ? "Voltage of neuron 0 of x (\(name))" : "Voltages of x's neurons (\(name))"),
            try SpikeRaster(sim, spikes, title: "Spikes of x's 40 neurons"),
            try LinePlot.timeSeries(times: times, data: decoded, labels: ["x", "x²"], title: "Decoded x and x²",
                yLabel: "Decoded value", yLimits: input == .constant ? -0.2...1 : -1.5...2),
        ]
        return try Figure(rows: 3, columns: 1, panels: panels, panelHeight: 360)
    }
}
