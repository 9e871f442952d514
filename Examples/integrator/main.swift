// A neural integrator holding a value (networks spec §D4): 100 LIF neurons fed back onto
// themselves through a 100 ms lowpass integrate an input of 1 from 0.2 s to 0.7 s (through the
// same lowpass), which drives them to 0.5; then the input stops and the memory has to hold for
// a second. Neurons make it drift: the drift per second is the headline figure.
//
//   swift run -c release integrator
//
// The Nengo 4.1 twin is bench/nengo/examples/integrator.py (same structure, so the same seed
// draws the same neurons). The last line printed is JSON.
import BrainKit
import Foundation

/// The mean of `values` over samples with `start < t ≤ end`.
func windowMean(_ values: [Double], times: [Double], from start: Double, to end: Double) -> Double {
    let rows = times.indices.filter { times[$0] > start && times[$0] <= end }
    return rows.reduce(0.0) { $0 + values[$1] } / Double(rows.count)
}

/// Seconds elapsed since `start`.
func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

do {
    let tau = 0.1
    let net = try Network(label: "integrator", seed: 0)
    let input = try net.node(label: "input", process: try Piecewise(data: [0: 0, 0.2: 1, 0.7: 0]))
    let integrator = try Integrator(in: net, recurrentTau: tau, neurons: 100, dimensions: 1)
    try net.connect(input, to: integrator.input, synapse: tau)
    let probe = try net.probe(integrator.output, synapse: 0.01)

    let start = DispatchTime.now()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let buildSeconds = seconds(since: start)
    let running = DispatchTime.now()
    try sim.run(seconds: 1.9)
    let runSeconds = seconds(since: running)

    let values = try sim.data(probe).column(0), times = sim.trange()
    let held = windowMean(values, times: times, from: 0.85, to: 0.9)
    let later = windowMean(values, times: times, from: 1.85, to: 1.9)
    let drift = (later - held) / 1.0

    print("integrator: 100 LIF neurons, recurrent Lowpass(0.1 s), input 1 from 0.2 s to 0.7 s, seed 0")
    print(String(format: "build %.3f s, run 1.9 s in %.3f s", buildSeconds, runSeconds))
    print(String(format: "held value (mean over 0.85–0.9 s): %.4f (ideal 0.5)", held))
    print(String(format: "a second later (1.85–1.9 s):      %.4f, drift %+.4f per second", later, drift))
    print(String(format: "{\"held_value\": %.4f, \"drift_per_s\": %.4f, \"build_s\": %.4f, \"run_s\": %.4f}",
                 held, drift, buildSeconds, runSeconds))
} catch {
    print("integrator failed: \(error)")
    exit(1)
}
