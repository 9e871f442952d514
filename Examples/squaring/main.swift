// The squaring model from the talk BrainKit started from: a constant 0.5 drives 40 LIF
// neurons representing x; a second population of 40 LIF neurons receives x² through decoders
// solved for the square. Both are probed through a 30 ms lowpass for one second.
//
//   swift run -c release squaring
//
// The last line printed is JSON with the mean decoded values over the last half second.
import BrainKit
import Foundation

do {
    let net = try Network(label: "squaring", seed: 14)
    let value = try net.node(label: "value", output: 0.5)
    let x = try net.ensemble(label: "x", neurons: 40, dimensions: 1)
    let squared = try net.ensemble(label: "x squared", neurons: 40, dimensions: 1)
    try net.connect(value, to: x)
    try net.connect(x, to: squared, function: { x in [x[0] * x[0]] })
    let xProbe = try net.probe(x, synapse: 0.03)
    let squaredProbe = try net.probe(squared, synapse: 0.03)

    let start = Date()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let built = Date()
    try sim.run(seconds: 1.0)
    let finished = Date()

    let times = sim.trange()
    let window = times.indices.filter { times[$0] > 0.5 }
    let xData = try sim.data(xProbe), squaredData = try sim.data(squaredProbe)
    let meanX = window.reduce(0.0) { $0 + xData[$1, 0] } / Double(window.count)
    let meanSquared = window.reduce(0.0) { $0 + squaredData[$1, 0] } / Double(window.count)

    print("squaring: 0.5 -> x (40 LIF) -> x² (40 LIF), 1 s at dt = 1 ms, seed 14")
    print(String(format: "build %.3f s, run %.4f s (%.0fx real time)",
                 built.timeIntervalSince(start), finished.timeIntervalSince(built),
                 1.0 / finished.timeIntervalSince(built)))
    print(String(format: "mean decoded x over the last 0.5 s:  %.4f (ideal 0.5)", meanX))
    print(String(format: "mean decoded x² over the last 0.5 s: %.4f (ideal 0.25)", meanSquared))
    print(String(format: "{\"x\": %.4f, \"x_squared\": %.4f}", meanX, meanSquared))
} catch {
    print("squaring failed: \(error)")
    exit(1)
}
