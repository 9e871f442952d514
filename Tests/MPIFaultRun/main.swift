import BrainCore
import BrainMPI
import Foundation

// The distributed-failure tests' program (BrainMPITests runs it, alone or under mpirun). Each
// command writes what the tests compare into DIR: probe data as `probe-<k>.f64` (the k-th
// probe of the network, row-major little-endian Float64) with `probe-<k>.shape` ("rows
// columns").
//
//   single-fail DIR STEP                      one process; the fault node fails at STEP:
//                                             DIR/single/probe-<k>.* (the rows before STEP)
//   single-run DIR STEPS                      one process, STEPS steps: DIR/single/probe-<k>.*
//   distributed-fail DIR STEP RANK STORAGE    under mpirun -np 3; the fault node, on RANK,
//                                             fails at STEP; STORAGE is memory or stream
//                                             (DIR/stream, written out every 16 steps). Each
//                                             rank r writes DIR/rank-r/: error.txt (the
//                                             error's kind and description), refused.txt (a
//                                             step after it), local-<k>.* (localData),
//                                             probe-<k>.* (data), reset.txt (after a reset
//                                             and 10 steps: "failure-cleared steps"); with
//                                             streams, each rank copies its files as they are
//                                             after the failure to DIR/stream-at-failure
//   distributed-kill DIR STEP RANK            under mpirun -np 3, stream storage in DIR/stream
//                                             (written out every 100 steps); RANK kills itself
//                                             after STEP steps; rank 0 first writes
//                                             DIR/owners.txt ("k rank" per probe)

/// Five ensembles: a white signal through a chain of four (pinned two to rank 0, two to rank
/// 2 when failing; a, b / c / d on 0 / 1 / 2 otherwise), and one alone with a constant input,
/// pinned with the fault node to the failing rank (which then exchanges no values with any
/// rank). Probes of every kind, one sampled every 3 steps; a probe through a synapse may be
/// recorded on any rank (the partition places its filter).
func model(failAt step: Int?, failRank: Int) throws -> (Network, [RankPin]) {
    let net = try Network(label: "fault", seed: 5)
    let stimulus = try net.node(label: "stimulus", process: try WhiteSignal(period: 1, high: 5, rms: 0.3))
    var chain: [Ensemble] = []
    for name in ["a", "b", "c", "d"] {
        let ensemble = try net.ensemble(label: name, neurons: 50, dimensions: 1)
        if let last = chain.last {
            try net.connect(last, to: ensemble, synapse: 0.01)
        } else {
            try net.connect(stimulus, to: ensemble)
        }
        chain.append(ensemble)
    }
    let lone = try net.ensemble(label: "lone", neurons: 50, dimensions: 1)
    try net.connect(try net.node(label: "constant", output: 0.5), to: lone)
    try net.probe(stimulus)
    for ensemble in chain + [lone] { try net.probe(ensemble, synapse: 0.01) }
    try net.probe(chain[3].neurons)
    try net.probe(chain[2], synapse: 0.01, sampleEvery: 0.003)
    try net.probe(lone.neurons, .voltage)
    // Probes without a synapse are recorded where their target runs (one on each rank).
    try net.probe(chain[0].neurons)
    var pins: [RankPin]
    if let step {
        let failing = Double(step) * 0.001
        let fault = try net.node(label: "fault injection", function: { t in t >= failing - 1e-9 ? .nan : 0 })
        pins = [RankPin(fault, rank: failRank), RankPin(lone, rank: failRank)]
        pins += [RankPin(chain[0], rank: 0), RankPin(chain[1], rank: 0), RankPin(chain[2], rank: 2)]
        pins.append(RankPin(chain[3], rank: 2))
    } else {
        pins = [RankPin(chain[0], rank: 0), RankPin(chain[1], rank: 0), RankPin(chain[2], rank: 1)]
        pins += [RankPin(chain[3], rank: 2), RankPin(lone, rank: 2)]
    }
    return (net, pins)
}

func write(_ matrix: Matrix, _ name: String, in folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try matrix.values.withUnsafeBytes { Data($0) }.write(to: folder.appendingPathComponent("\(name).f64"))
    try "\(matrix.rows) \(matrix.columns)\n".write(
        to: folder.appendingPathComponent("\(name).shape"), atomically: true, encoding: .utf8)
}

func text(_ text: String, _ name: String, in folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let step = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: brainkit-mpi-fault COMMAND DIR STEP [RANK [STORAGE]]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[2])
let rankArgument = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1

switch arguments[1] {
case "single-fail", "single-run":
    let failing = arguments[1] == "single-fail"
    let (net, _) = try model(failAt: failing ? step : nil, failRank: 1)
    let sim = try Simulator(net, threads: 1)
    var failed = false
    do throws(BrainKitError) { try sim.run(steps: failing ? step + 50 : step) } catch { failed = true }
    guard failed == failing else {
        FileHandle.standardError.write(Data("the single-process run \(failed ? "failed" : "did not fail")\n".utf8))
        exit(1)
    }
    for (k, probe) in net.allProbes.enumerated() {
        try write(try sim.data(probe), "probe-\(k)", in: directory.appendingPathComponent("single"))
    }
case "distributed-fail":
    let (net, pins) = try model(failAt: step, failRank: rankArgument)
    let stream = arguments.count > 5 && arguments[5] == "stream"
    let sim = try DistributedSimulator(
        net, pins: pins, probeStorage: stream ? .stream(directory: directory.appendingPathComponent("stream")) : .memory,
        flushEvery: 16)
    let mine = directory.appendingPathComponent("rank-\(sim.rank)")
    var said = "no error"
    do throws(BrainKitError) { try sim.run(steps: step + 50) } catch { said = "\(error.kind) \(error)" }
    try text(said, "error.txt", in: mine)
    said = "stepped"
    do throws(BrainKitError) { try sim.step() } catch { said = "\(error.kind) \(error)" }
    try text(said, "refused.txt", in: mine)
    for (k, probe) in net.allProbes.enumerated() {
        if let local = try sim.localData(probe) { try write(local, "local-\(k)", in: mine) }
        try write(try sim.data(probe), "probe-\(k)", in: mine)
    }
    // Each rank's stream files as they are after the failure (a reset empties them).
    let kept = directory.appendingPathComponent("stream-at-failure")
    try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
    for probe in net.allProbes {
        guard let file = sim.probeFile(probe) else { continue }
        try FileManager.default.copyItem(at: file, to: kept.appendingPathComponent(file.lastPathComponent))
    }
    try sim.reset()
    try sim.run(steps: 10)
    try text("\(sim.failure == nil) \(sim.stepCount)", "reset.txt", in: mine)
case "distributed-kill":
    let (net, pins) = try model(failAt: nil, failRank: 1)
    let sim = try DistributedSimulator(
        net, pins: pins, probeStorage: .stream(directory: directory.appendingPathComponent("stream")))
    if sim.rank == 0 {
        let owners = net.allProbes.enumerated().map { k, probe in "\(k) \(sim.rank(of: probe) ?? -1)" }
        try text(owners.joined(separator: "\n") + "\n", "owners.txt", in: directory)
    }
    for done in 0..<(step + 200) {
        if done == step && sim.rank == rankArgument { kill(getpid(), SIGKILL) }
        try sim.step()
    }
default:
    FileHandle.standardError.write(Data("unknown command \(arguments[1])\n".utf8))
    exit(2)
}
