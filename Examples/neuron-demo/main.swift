// The talk's NEURON cell: a 40 µm × 20 µm soma with Hodgkin–Huxley channels and a
// 150 µm × 3 µm passive dendrite whose 0 end sits on the soma's 1 end, driven by a 1 nA
// current clamp at the soma's middle from 0 to 500 ms, initialised at −60 mV and integrated
// with NEURON's default fixed step (backward Euler, Hines tree solve, dt = 0.025 ms).
//
//   swift run -c release neuron-demo [--dt 0.025] [--duration 500] [--v-init -60] [--csv neuron-demo.csv]
//
// Writes the trace (every step) as CSV: t_ms, soma_v_mV, dendrite_end_v_mV. Spikes are
// upward crossings of 0 mV at soma(0.5), linearly interpolated between steps. The last line
// printed is JSON: spike_count, first_spike_times_ms (five), first_isi_ms, last_isi_ms,
// v_min_mV, v_max_mV (over the soma trace).
import ArgumentParser
import BrainKit
import Foundation

@main
struct NeuronDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neuron-demo",
        abstract: "The talk's soma + dendrite Hodgkin–Huxley cell under a 1 nA clamp, as NEURON runs it.")

    @Option(name: .long, help: "Time step (ms).")
    var dt = 0.025

    @Option(name: .long, help: "Simulated time (ms).")
    var duration = 500.0

    @Option(name: .customLong("v-init"), help: "Initial membrane potential (mV).")
    var vInit = -60.0

    @Option(name: .long, help: "Write the voltage trace to this CSV file.")
    var csv = "neuron-demo.csv"

    mutating func run() throws {
        let soma = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh])
        var dendrite = try Section(name: "dend", length: 150, diameter: 3, mechanisms: [.pas])
        try dendrite.connect(at: 0, to: soma, at: 1)
        let cell = try Cell(sections: [soma, dendrite])
        let clamp = try CurrentClamp(at: soma(0.5), delay: 0, duration: 500, amplitude: 1)
        var sim = try CellSimulation(cell: cell, clamps: [clamp], timeStep: dt)

        let start = Date()
        let recording = try sim.run(duration: duration, initialVoltage: vInit, recording: [soma(0.5), dendrite(1)])
        let elapsed = Date().timeIntervalSince(start)

        let somaTrace = recording.voltages[0], dendriteTrace = recording.voltages[1]
        var text = "t_ms,soma_v_mV,dendrite_end_v_mV\n"
        for k in recording.time.indices {
            text += String(format: "%.4f,%.6f,%.6f\n", recording.time[k], somaTrace[k], dendriteTrace[k])
        }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)

        let spikes = recording.spikeTimes(at: soma(0.5), threshold: 0)
        let firstISI = spikes.count > 1 ? spikes[1] - spikes[0] : Double.nan
        let lastISI = spikes.count > 1 ? spikes[spikes.count - 1] - spikes[spikes.count - 2] : Double.nan
        let vMin = somaTrace.min() ?? .nan, vMax = somaTrace.max() ?? .nan

        print("neuron-demo: soma (L 40 µm, diam 20 µm, hh) + dendrite (L 150 µm, diam 3 µm, pas) on soma(1)")
        print(String(format: "IClamp 1 nA at soma(0.5), 0–500 ms; finitialize(%.1f mV); %.0f ms at dt = %g ms "
                     + "(%d steps)",
                     vInit, duration, dt, recording.time.count - 1))
        print(String(format: "simulated in %.3f s; trace written to %@", elapsed, csv))
        print("spikes (upward 0 mV crossings at soma(0.5)): \(spikes.count)")
        let firstTimes = spikes.prefix(5).map { String(format: "%.4f", $0) }.joined(separator: ", ")
        print("first five spike times (ms): " + firstTimes)
        print(String(format: "first ISI %.4f ms, last ISI %.4f ms; soma v in [%.4f, %.4f] mV",
                     firstISI, lastISI, vMin, vMax))

        func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6f", x) : "null" }
        let firstFive = spikes.prefix(5).map(number).joined(separator: ", ")
        print("{\"spike_count\": \(spikes.count), \"first_spike_times_ms\": [\(firstFive)], "
              + "\"first_isi_ms\": \(number(firstISI)), \"last_isi_ms\": \(number(lastISI)), "
              + "\"v_min_mV\": \(number(vMin)), \"v_max_mV\": \(number(vMax))}")
    }
}
