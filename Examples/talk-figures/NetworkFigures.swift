import BrainKit

/// The network figures: action selection and the controlled oscillator.
enum NetworkFigures {
    /// The basal-ganglia example (seed 0): utilities [0.8, 0.4, 0.6, 0.3, 0.5] into a basal
    /// ganglia and thalamus for 0.3 s; both outputs through 10 ms.
    static func basalGanglia() throws -> Figure {
        let utilities = [0.8, 0.4, 0.6, 0.3, 0.5]
        let net = try Network(label: "basal-ganglia", seed: 0)
        let input = try net.node(label: "utilities", output: utilities)
        let basalGanglia = try BasalGanglia(in: net, dimensions: utilities.count)
        let thalamus = try Thalamus(in: net, dimensions: utilities.count)
        try net.connect(input, to: basalGanglia.input, synapse: nil)
        try net.connect(basalGanglia.output, to: thalamus.input)
        let bgProbe = try net.probe(basalGanglia.output, synapse: 0.01)
        let thalamusProbe = try net.probe(thalamus.output, synapse: 0.01)
        let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
        try sim.run(seconds: 0.3)
        let labels = utilities.enumerated().map { "action \($0.offset) (\($0.element))" }
        let panels: [any Plot] = [
            try LinePlot(sim, bgProbe, labels: labels, title: "Basal ganglia output", yLabel: "Output", yLimits: -2.5...2),
            try LinePlot(
                sim, thalamusProbe, labels: labels, title: "Thalamus output: action 0 selected", yLabel: "Output",
                yLimits: -0.2...2),
        ]
        return try Figure(rows: 2, columns: 1, panels: panels, panelHeight: 400)
    }

    /// The controlled-oscillator example (seed 0): a 0.15 s kick, command 2 Hz, 4 s; the
    /// state (x₀, x₁) through 30 ms as a phase plot and against time.
    static func oscillator() throws -> Figure {
        let maxFrequency = 20.0
        let net = try Network(label: "controlled oscillator", seed: 0)
        let kick = try net.node(label: "kick", process: try Piecewise(data: [0: [1, 0], 0.15: [0, 0]]))
        let speed = try net.node(label: "command", output: 2 * Double.pi * 2 / maxFrequency)
        let oscillator = try ControlledOscillator(in: net, maxFrequency: maxFrequency)
        try net.connect(kick, to: oscillator.input)
        try net.connect(speed, to: oscillator.control)
        let probe = try net.probe(oscillator.output, synapse: 0.03)
        let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
        try sim.run(seconds: 4)
        let state = try sim.data(probe)
        // Equal scales on both axes: a square plot area (the margins take 112 px across and
        // 118 px down) over equal limits, so a circle is drawn round.
        let panels: [any Plot] = [
            try LinePlot(
                [try Series(x: state.column(0), y: state.column(1))], title: "Oscillator at 2 Hz: shape",
                xLabel: "x₀", yLabel: "x₁", xLimits: -2...2, yLimits: -2...2),
            try LinePlot(sim, probe, labels: ["x₀", "x₁"], title: "Oscillator state", yLabel: "Decoded value", yLimits: -2...3),
        ]
        return try Figure(rows: 1, columns: 2, panels: panels, panelWidth: 470, panelHeight: 476)
    }
}
