// PES learning a 1-D communication channel from zero decoders (the PES figure; the
// Nengo side is bench/nengo/examples/learning.py):
//
//   stimulus = WhiteSignal(period: 10, high: 5, rms: 0.5) -> pre (100 LIF, 1-D)
//   pre -> post (100 LIF, 1-D): zero decoders (NoSolver), PES(learningRate: 1e-4)
//   error = post − pre (a passthrough node) -> the connection's learning rule
//
// 10 s at dt = 1 ms, network seed 0; RMSE of post against the stimulus (both probed through
// Lowpass(0.01)) over the first and the last 2 s.
//
//   swift run -c release learning
//
// The last line printed is JSON with the headline figures and the build and run times.
import BrainKit
import Dispatch
import Foundation

do {
    let seconds = 10.0
    let net = try Network(label: "learning", seed: 0)
    let stimulus = try net.node(label: "stimulus", process: try WhiteSignal(period: seconds, high: 5, rms: 0.5))
    let pre = try net.ensemble(label: "pre", neurons: 100, dimensions: 1)
    let post = try net.ensemble(label: "post", neurons: 100, dimensions: 1)
    try net.connect(stimulus, to: pre)
    let learned = try net.connect(pre, to: post, solver: NoSolver(), learningRule: try PES(learningRate: 1e-4))
    let error = try net.node(label: "error", sizeIn: 1)
    try net.connect(post, to: error)
    try net.connect(pre, to: error, transform: -1)
    try net.connect(error, to: learned.learningRule!)
    let stimulusProbe = try net.probe(stimulus, synapse: 0.01)
    let postProbe = try net.probe(post, synapse: 0.01)

    let start = DispatchTime.now()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let built = DispatchTime.now()
    try sim.run(seconds: seconds)
    let finished = DispatchTime.now()
    let buildSeconds = Double(built.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let runSeconds = Double(finished.uptimeNanoseconds - built.uptimeNanoseconds) / 1e9

    let times = sim.trange()
    let output = try sim.data(postProbe).column(0), input = try sim.data(stimulusProbe).column(0)
    func rmse(_ window: (Double) -> Bool) -> Double {
        let steps = times.indices.filter { window(times[$0]) }
        let sum = steps.reduce(0.0) { $0 + (output[$1] - input[$1]) * (output[$1] - input[$1]) }
        return (sum / Double(steps.count)).squareRoot()
    }
    let first = rmse { $0 <= 2 }, last = rmse { $0 > seconds - 2 }

    print("learning: PES learns a 1-D communication channel (100 LIF -> 100 LIF) from zero decoders, seed 0")
    print(String(format: "build %.3f s, run %.3f s for %.0f s simulated", buildSeconds, runSeconds, seconds))
    print(String(format: "RMSE of post vs. stimulus over the first 2 s: %.4f", first))
    print(String(format: "RMSE of post vs. stimulus over the last 2 s:  %.4f", last))
    print(String(format: "{\"rmse_first_2s\": %.6f, \"rmse_last_2s\": %.6f, \"build_s\": %.4f, \"run_s\": %.4f}",
                 first, last, buildSeconds, runSeconds))
} catch {
    print("learning failed: \(error)")
    exit(1)
}
