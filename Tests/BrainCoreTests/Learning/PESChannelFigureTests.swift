import BrainTestSupport
import Foundation
@testable import BrainCore

import Testing

/// The issue's PES figure: a 1-D communication channel learned from zero decoders (learning
/// rate 1e-4, 100 LIF pre and post, a WhiteSignal(10, high: 5, rms: 0.5) stimulus, error =
/// post − pre through a node) ends a 10 s run with an RMSE over the last 2 s no worse than
/// Nengo 4.1's on the same network and seeds (pes_nengo.json, from
/// bench/nengo/examples/learning.py), averaged over the seeds.
///
/// Both simulators draw the same neurons and stimulus, so the runs are the same trajectory
/// until Float32 rounding moves a spike by one step (after about a second); from then on the
/// figure differs by spike-timing noise of about 1e-4 relative, in either direction per seed.
/// Nengo's own Float32 run of the same seeds moves its mean by 1.2e-4 relative. "No worse"
/// is therefore judged at the figure's reproducible precision: 0.1 % of Nengo's mean.
@Suite("PES communication channel figure")
struct PESChannelFigureTests {
    /// RMSE of post against the stimulus over the first and the last 2 s of a 10 s run.
    static func rmses(seed: Int) throws -> (first: Double, last: Double) {
        let net = try Network(label: "learning", seed: seed)
        let stimulus = try net.node(label: "stimulus", process: try WhiteSignal(period: 10, high: 5, rms: 0.5))
        let pre = try net.ensemble(label: "pre", neurons: 100, dimensions: 1)
        let post = try net.ensemble(label: "post", neurons: 100, dimensions: 1)
        try net.connect(stimulus, to: pre)
        let learned = try net.connect(
            pre, to: post, solver: NoSolver(), learningRule: try PES(learningRate: 1e-4))
        let error = try net.node(label: "error", sizeIn: 1)
        try net.connect(post, to: error)
        try net.connect(pre, to: error, transform: -1)
        try net.connect(error, to: learned.learningRule!)
        let stimulusProbe = try net.probe(stimulus, synapse: 0.01)
        let postProbe = try net.probe(post, synapse: 0.01)

        let sim = try Simulator(net)
        try sim.run(seconds: 10)
        let difference = zip(try sim.data(postProbe).column(0), try sim.data(stimulusProbe).column(0)).map { $0 - $1 }
        func rmse(_ window: ArraySlice<Double>) -> Double {
            (window.reduce(0) { $0 + $1 * $1 } / Double(window.count)).squareRoot()
        }
        return (rmse(difference[..<2000]), rmse(difference[8000...]))
    }

    @Test func endsNoWorseThanNengo() async throws {
        let nengo = try Fixture("pes_nengo")
        let seeds = nengo.ints("seeds")
        let runs = try await withThrowingTaskGroup(of: (Int, Double, Double).self) { group in
            for seed in seeds {
                group.addTask {
                    let (first, last) = try PESChannelFigureTests.rmses(seed: seed)
                    return (seed, first, last)
                }
            }
            var runs: [(Int, Double, Double)] = []
            for try await run in group { runs.append(run) }
            return runs.sorted { $0.0 < $1.0 }
        }
        for (seed, first, last) in runs {
            #expect(last < first / 2, "seed \(seed): first 2 s \(first), last 2 s \(last)")
        }
        let ours = mean(runs.map(\.2))
        let nengoMean = nengo.double("mean_rmse_last_2s")
        #expect(
            ours <= nengoMean * (1 + 1e-3),
            "ours \(runs.map(\.2)) (mean \(ours)), Nengo \(nengo.doubles("rmse_last_2s")) (mean \(nengoMean))")
    }
}
