// The talk's AdEx cell (Brette & Gerstner 2005; Brian2's AdEx example): C = 281 pF,
// gL = 30 nS, EL = -70.6 mV, VT = -50.4 mV, ΔT = 2 mV, Vcut = VT + 5 ΔT, τw = 144 ms,
// a = 4 nS, b = 0.0805 nA, Vr = -70.6 mV, driven by 1.5 nA from V = EL, w = 0.
//
//   swift run -c release adex-demo [--dt 0.1] [--method euler|rk4] [--duration 500] [--csv adex-demo.csv]
//                                  [--equations]
//
// Defaults follow Brian2: dt 0.1 ms and forward Euler (the method Brian2 2.9 picks for this
// model). With --equations the same cell runs as an EquationNeuron parsed from Brian's
// notation (AdEx.brianEquations) instead of the built-in type. Writes the trace as CSV
// (t_ms, v_mV, w_nA); the last line printed is JSON.
import ArgumentParser
import BrainKit
import Foundation

struct AdExDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adex-demo",
        abstract: "Simulates the talk's AdEx cell at 1.5 nA and reports its spikes (last line JSON).")

    @Option(help: "Integration step (ms).")
    var dt = 0.1

    @Option(help: "Integration method: euler (Brian2's choice for this model) or rk4.")
    var method = AdExIntegrationMethod.euler.rawValue

    @Option(help: "Simulated time (ms).")
    var duration = 500.0

    @Option(help: "Injected current (nA).")
    var current = 1.5

    @Option(help: "Where to write the trace CSV (t_ms, v_mV, w_nA).")
    var csv = "adex-demo.csv"

    @Flag(help: "Run the cell as an EquationNeuron written in Brian's notation instead of the built-in AdEx.")
    var equations = false

    func validate() throws {
        guard AdExIntegrationMethod(rawValue: method) != nil else {
            let known = AdExIntegrationMethod.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown method '\(method)'; expected one of \(known)")
        }
    }

    func run() throws {
        let integration = AdExIntegrationMethod(rawValue: method) ?? .euler
        let trace = try equations ? equationTrace(method: integration) : builtInTrace(method: integration)
        print("AdEx cell (Brette & Gerstner 2005), I = \(current) nA, dt = \(dt) ms, method \(integration), \(trace.source)")
        try report(trace)
    }

    /// The run with the cell written as equations (an ``EquationNeuron``), in Double.
    func equationTrace(method: AdExIntegrationMethod) throws -> DemoTrace {
        let cell = try AdEx.bretteGerstner2005(integrationMethod: method)
        let neuron = try cell.equationNeuron(current: current * SI.nanoampere)
        print("equations:")
        for line in AdEx.brianEquations.split(separator: "\n") { print("  \(line)") }
        let result = try neuron.simulate(duration: duration * SI.millisecond, dt: dt * SI.millisecond)
        return DemoTrace(
            source: "EquationNeuron",
            timesMs: result.times.map { $0 / SI.millisecond },
            voltageMV: (result.traces["vm"] ?? []).map { $0 / SI.millivolt },
            adaptationNA: (result.traces["w"] ?? []).map { $0 / SI.nanoampere },
            spikeTimesMs: result.spikeTimes.map { $0 / SI.millisecond })
    }

    /// The run with the built-in ``AdEx`` type, in Double.
    func builtInTrace(method: AdExIntegrationMethod) throws -> DemoTrace {
        let cell = try AdEx.bretteGerstner2005(integrationMethod: method)
        let result = try cell.simulate(
            current: current * SI.nanoampere, duration: duration * SI.millisecond, dt: dt * SI.millisecond)
        return DemoTrace(
            source: "built-in AdEx",
            timesMs: result.times.map { $0 / SI.millisecond },
            voltageMV: result.voltage.map { $0 / SI.millivolt },
            adaptationNA: result.adaptation.map { $0 / SI.nanoampere },
            spikeTimesMs: result.spikeTimes.map { $0 / SI.millisecond })
    }

    /// Writes the CSV, prints the human-readable lines, then the JSON line last.
    func report(_ trace: DemoTrace) throws {
        try trace.writeCSV(to: csv)
        print("trace written to \(csv) (\(trace.timesMs.count) samples: t_ms, v_mV, w_nA)")
        for line in trace.summaryLines { print(line) }
        print(trace.summaryJSON)
    }
}

AdExDemo.main()
