// A controlled oscillator (Nengo's docs example as a network): 500 LIF neurons represent
// (x₀, x₁, w) and feed back (x₀ − w·ω_max·τ·x₁, x₁ + w·ω_max·τ·x₀, 0) through a 100 ms lowpass,
// so (x₀, x₁) turns at w·ω_max rad/s. A 0.15 s kick starts it; the command w asks for 2 Hz
// (ω_max = 20 rad/s, so w = 4π/20). The frequency is measured from the slope of the phase of
// (x₀, x₁) over the last 2 of 4 seconds.
//
//   swift run -c release controlled-oscillator
//
// The Nengo 4.1 twin is bench/nengo/examples/controlled_oscillator.py. The last line printed
// is JSON.
import BrainKit
import Foundation

/// Seconds elapsed since `start`.
func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

do {
    let commandedHz = 2.0, maxFrequency = 20.0
    let command = 2 * Double.pi * commandedHz / maxFrequency
    let net = try Network(label: "controlled oscillator", seed: 0)
    let kick = try net.node(label: "kick", process: try Piecewise(data: [0: [1, 0], 0.15: [0, 0]]))
    let speed = try net.node(label: "command", output: command)
    let oscillator = try ControlledOscillator(in: net, maxFrequency: maxFrequency)
    try net.connect(kick, to: oscillator.input)
    try net.connect(speed, to: oscillator.control)
    let probe = try net.probe(oscillator.output, synapse: 0.03)

    let start = DispatchTime.now()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let buildSeconds = seconds(since: start)
    let running = DispatchTime.now()
    try sim.run(seconds: 4)
    let runSeconds = seconds(since: running)

    let states = try sim.data(probe), times = sim.trange()
    let measuredHz = try Oscillator.measuredFrequency(of: states, times: times, after: 2)
    let late = times.indices.filter { times[$0] > 2 }
    let radii = late.map { (states[$0, 0] * states[$0, 0] + states[$0, 1] * states[$0, 1]).squareRoot() }
    let amplitude = radii.reduce(0, +) / Double(radii.count)

    print("controlled oscillator: 500 LIF neurons, radius 1.7, τ = 0.1 s, ω_max = 20 rad/s, seed 0")
    print(String(format: "build %.3f s, run 4 s in %.3f s", buildSeconds, runSeconds))
    print(String(format: "command w = %.4f: %.3f Hz; measured over 2–4 s: %.3f Hz (%+.1f %%), amplitude %.2f",
                 command, commandedHz, measuredHz, 100 * (measuredHz / commandedHz - 1), amplitude))
    print(String(format: "{\"commanded_hz\": %.4f, \"measured_hz\": %.4f, \"build_s\": %.4f, \"run_s\": %.4f}",
                 commandedHz, measuredHz, buildSeconds, runSeconds))
} catch {
    print("controlled-oscillator failed: \(error)")
    exit(1)
}
