import ArgumentParser
import BrainKit
import BrainMPI
import Foundation

/// `brainkit-bench --mpi`: each benchmark once (the first seed) across the processes of an
/// MPI job; rank 0 prints the times and, with --probe-data, writes the probes' data (and, when
/// a rank fails during the run, the error every rank stops with).
struct DistributedRun {
    let options: BrainKitBench

    func run(_ networks: [StandardNetwork]) throws {
        for network in networks {
            let (net, _) = try network.make(options.seed, options.seconds)
            var pins: [RankPin] = []
            if let failRank = options.failRank {
                let failing = Double(options.failAtStep) * 0.001
                let node = try net.node(label: "fault injection") { t in t >= failing - 1e-9 ? .nan : 0 }
                pins.append(RankPin(node, rank: failRank))
            }
            let start = DispatchTime.now()
            let sim = try DistributedSimulator(net, threads: options.threads, pins: pins)
            let built = DispatchTime.now()
            let steps = Int((options.seconds / sim.dt).rounded())
            do {
                if let killRank = options.killRank {
                    for step in 0..<steps {
                        if step == options.failAtStep && sim.rank == killRank { kill(getpid(), SIGKILL) }
                        try sim.step()
                    }
                } else {
                    try sim.run(steps: steps)
                }
            } catch {
                // Every rank stops with the same error: rank 0 prints it, the others only fail,
                // so the job's error output holds it once and whole (mpirun interleaves what
                // several ranks write at once).
                if sim.rank != 0 { throw ExitCode.failure }
                throw error
            }
            let finished = DispatchTime.now()
            if sim.rank == 0 {
                let buildSeconds = Double(built.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                let runSeconds = Double(finished.uptimeNanoseconds - built.uptimeNanoseconds) / 1e9
                let loads = sim.loads.map(String.init).joined(separator: " ")
                print(
                    "\(network.name): \(sim.ranks) ranks x \(sim.threads) threads, build \(format(buildSeconds)) s, "
                        + "run \(format(runSeconds / options.seconds)) s per simulated s, "
                        + "\(sim.valuesSentPerStep) values sent per step, loads \(loads)")
            }
            if let directory = options.probeData {
                var collected: [ObjectIdentifier: Matrix] = [:]
                for probe in net.allProbes { collected[ObjectIdentifier(probe)] = try sim.data(probe) }
                if sim.rank == 0 {
                    try ProbeDataFiles.write(net.allProbes, of: network.name, to: directory) {
                        collected[ObjectIdentifier($0)]!
                    }
                }
            }
        }
    }

    private func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
