import BrainKit

/// The single-cell figures: NEURON's cell and Brette & Gerstner's AdEx cell.
enum CellFigures {
    /// The NEURON cell of neuron-demo: a 40 µm × 20 µm HH soma and a 150 µm × 3 µm passive
    /// dendrite, 1 nA at soma(0.5) from 0 ms, initialised at −60 mV, dt 0.025 ms, 100 ms shown.
    static func neuronCell() throws -> Figure {
        let soma = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh])
        var dendrite = try Section(name: "dend", length: 150, diameter: 3, mechanisms: [.pas])
        try dendrite.connect(at: 0, to: soma, at: 1)
        let cell = try Cell(sections: [soma, dendrite])
        let clamp = try CurrentClamp(at: soma(0.5), delay: 0, duration: 500, amplitude: 1)
        var sim = try CellSimulation(cell: cell, clamps: [clamp], timeStep: 0.025)
        let recording = try sim.run(duration: 100, initialVoltage: -60, recording: [soma(0.5), dendrite(1)])
        let plot = try LinePlot(
            [
                try Series(label: "soma(0.5)", x: recording.time, y: recording.voltages[0]),
                try Series(label: "dend(1)", x: recording.time, y: recording.voltages[1]),
            ],
            title: "HH soma + passive dendrite, 1 nA clamp", xLabel: AxisLabel("Time", unit: "ms"),
            yLabel: AxisLabel("Membrane potential", unit: "mV"))
        return try Figure(rows: 1, columns: 1, panels: [plot])
    }

    /// The AdEx cell of adex-demo at 1.5 nA for 500 ms (Brian2's Euler, dt 0.1 ms). The voltage
    /// is reset below Vcut within the step that spikes, so each spike is drawn as Brian2's
    /// example does: the sample at the spike's step set to 20 mV.
    static func adex() throws -> Figure {
        let cell = try AdEx.bretteGerstner2005(integrationMethod: .euler)
        let trace = try cell.simulate(current: 1.5 * SI.nanoampere, duration: 0.5, dt: 0.1 * SI.millisecond)
        let times = trace.times.map { $0 / SI.millisecond }
        var voltage = trace.voltage.map { $0 / SI.millivolt }
        for spike in trace.spikeTimes {
            let step = Int((spike / trace.dt).rounded())
            if voltage.indices.contains(step) { voltage[step] = 20 }
        }
        let v = try LinePlot(
            [try Series(x: times, y: voltage)], title: "AdEx, 1.5 nA (\(trace.spikeTimes.count) spikes)",
            xLabel: AxisLabel("Time", unit: "ms"), yLabel: AxisLabel("V", unit: "mV"))
        let w = try LinePlot(
            [try Series(x: times, y: trace.adaptation.map { $0 / SI.nanoampere })], title: "Adaptation current",
            xLabel: AxisLabel("Time", unit: "ms"), yLabel: AxisLabel("w", unit: "nA"))
        return try Figure(rows: 2, columns: 1, panels: [v, w], panelHeight: 360)
    }
}
