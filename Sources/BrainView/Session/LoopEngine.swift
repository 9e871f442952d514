import BrainCore
import Foundation

/// The loop thread's own state: the simulator, the probes it may watch, and a ring per
/// watched channel.
struct LoopEngine {
    let simulator: Simulator
    /// Each channel's probe, by channel id.
    let probes: [Probe]
    /// Nodes with a constant output, by object id.
    let constantNodes: [Int: Node]
    /// The rings of the watched channels, in the order they were first watched.
    private var rings: [ChannelRing] = []
    /// The channels each client watches.
    private var watchers: [Int: Set<Int>] = [:]
    /// Steps between two samples of the watched channels: 1 at real time; more when a frame
    /// spans many steps, so that sampling stays a small part of a fast run.
    private(set) var stride = 1
    /// Steps until the next sample.
    private var countdown = 1
    /// Steps run since the last frame.
    private var stepsSinceFrame = 0
    /// Steps before a sample in which the watched channels' probes compute (8 time constants
    /// of ``ViewCatalog/valueSynapse``: their filters then hold their value to within e^-8 of
    /// a probe computed every step); the rest of the time they are stopped, as are the probes
    /// of channels nobody watches.
    let computingWindow: Int
    /// Whether the watched channels' probes compute now.
    private var computing = true

    /// The most rows a channel sends per frame before the stride grows.
    static let rowsPerFrame = 128

    init(simulator: Simulator, catalog: ViewCatalog) {
        self.simulator = simulator
        probes = catalog.probes
        constantNodes = catalog.constantNodes
        computingWindow = Int((8 * ViewCatalog.valueSynapse / simulator.dt).rounded(.up))
        switchProbes()
    }

    /// Lets the watched channels' probes compute (when ``computing``) and stops the others.
    private func switchProbes() {
        let watched = Set(rings.map(\.channel))
        for (channel, probe) in probes.enumerated() {
            try? simulator.setComputing(computing && watched.contains(channel), for: probe)
        }
    }

    var time: Double { simulator.time }
    var dt: Double { simulator.dt }
    var watchedCount: Int { rings.count }

    /// Runs up to `steps` steps, sampling every watched channel after each, and stops early
    /// once the monotonic clock passes `deadline` (checked every 8 steps). Returns the steps run.
    mutating func step(_ steps: Int, until deadline: Double) throws(BrainKitError) -> Int {
        var done = 0
        while done < steps {
            // The watched probes compute only in the window before the next sample.
            if (countdown <= computingWindow) != computing {
                computing.toggle()
                for ring in rings { try? simulator.setComputing(computing, for: probes[ring.channel]) }
            }
            try simulator.step()
            countdown -= 1
            if countdown == 0 {
                countdown = stride
                for r in rings.indices {
                    let channel = rings[r].channel
                    rings[r].sample(probes[channel], of: simulator)
                }
            }
            done += 1
            stepsSinceFrame += 1
            if done & 7 == 0, SimulationLoop.now() >= deadline { break }
        }
        return done
    }

    mutating func reset() throws(BrainKitError) {
        try simulator.reset()
        for r in rings.indices { rings[r].clear() }
    }

    /// Starts sending `channel` to the clients (if not already); an error message for an
    /// unknown channel.
    mutating func watch(_ channel: Int, client: Int) -> String? {
        guard probes.indices.contains(channel) else {
            return "there is no channel \(channel) (the model has \(probes.count))"
        }
        watchers[client, default: []].insert(channel)
        if !rings.contains(where: { $0.channel == channel }) {
            rings.append(ChannelRing(channel: channel, size: probes[channel].size))
            try? simulator.setComputing(computing, for: probes[channel])
        }
        return nil
    }

    mutating func unwatch(_ channel: Int, client: Int) {
        watchers[client]?.remove(channel)
        dropUnwatched()
    }

    /// Forgets what a departed client watched.
    mutating func release(client: Int) {
        watchers[client] = nil
        dropUnwatched()
    }

    private mutating func dropUnwatched() {
        let watched = watchers.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        for ring in rings where !watched.contains(ring.channel) {
            try? simulator.setComputing(false, for: probes[ring.channel])
        }
        rings.removeAll { !watched.contains($0.channel) }
    }

    /// Overrides a constant node's output with `texts` read as numbers; the values set, or
    /// why not.
    func setOutput(object: Int, texts: [String]) -> Result<[Double], ViewMessageError> {
        guard let node = constantNodes[object] else {
            return .failure(ViewMessageError("object \(object) is not a node with a constant output"))
        }
        var values: [Double] = []
        for text in texts {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                return .failure(ViewMessageError("\(node.name): output must be a number, got '\(text.prefix(40))'"))
            }
            values.append(value)
        }
        do throws(BrainKitError) {
            try simulator.setOutput(of: node, to: values)
            return .success(values)
        } catch {
            return .failure(ViewMessageError(error.description))
        }
    }

    /// A frame of every watched channel's rows since the last frame.
    mutating func frame(running: Bool, dropped: Int, rate: Double) -> [UInt8] {
        var writer = FrameWriter(
            running: running, channels: rings.count, dropped: dropped, time: simulator.time, rate: rate,
            step: simulator.stepCount)
        for r in rings.indices { rings[r].drain(into: &writer, stride: stride) }
        // The next frame's rows: about one per step, at most rowsPerFrame per channel.
        stride = max(1, stepsSinceFrame / LoopEngine.rowsPerFrame)
        countdown = min(countdown, stride)
        stepsSinceFrame = 0
        return writer.bytes
    }
}
