import BrainCore
import Foundation
import Synchronization

/// Runs the simulation on a thread of its own, paced to the asked speed, and hands frames to
/// the connected clients.
///
/// Two locks: `shared` (commands in, clients, statistics) is taken briefly by both sides;
/// `engine` (the simulator and the rings) is only ever taken by the loop thread, while it
/// runs, so stepping never waits for a client. Frames go to each client through a stream
/// that keeps only the newest one: a client that has not taken the last frame loses it
/// (counted as dropped), and the simulation does not wait.
final class SimulationLoop: Sendable {
    /// A client's two outgoing streams: frames (newest only) and text messages (all).
    struct Outbox: Sendable {
        let frames: AsyncStream<[UInt8]>.Continuation
        let messages: AsyncStream<String>.Continuation
    }

    struct Shared {
        var commands: [(client: Int, command: ClientCommand?)] = []
        var clients: [Int: Outbox] = [:]
        var nextClient = 0
        var stopped = false
        var statistics = LiveStatistics()
    }

    private let shared: Mutex<Shared>
    private let engine: Mutex<LoopEngine>
    /// Seconds between frames while running, and while paused.
    static let frameInterval = 1.0 / 30, pausedFrameInterval = 0.2

    init(engine: consuming sending LoopEngine, running: Bool, speed: Double) {
        var statistics = LiveStatistics()
        statistics.running = running
        statistics.speed = speed
        shared = Mutex(Shared(statistics: statistics))
        self.engine = Mutex(engine)
    }

    // MARK: - Clients

    /// Registers a client; its frames and messages go to `outbox`.
    func connect(_ outbox: Outbox) -> Int {
        shared.withLock { shared in
            let id = shared.nextClient
            shared.nextClient += 1
            shared.clients[id] = outbox
            shared.statistics.clients = shared.clients.count
            return id
        }
    }

    /// Forgets a client and what it watched.
    func disconnect(_ client: Int) {
        shared.withLock { shared in
            if let outbox = shared.clients.removeValue(forKey: client) {
                outbox.frames.finish()
                outbox.messages.finish()
            }
            shared.statistics.clients = shared.clients.count
            shared.commands.append((client, nil))
        }
    }

    /// Takes a message from `client`: a command for the loop, or an error sent back.
    func receive(_ text: String, from client: Int) {
        do throws(ViewMessageError) {
            let command = try ClientCommand.parse(text)
            shared.withLock { $0.commands.append((client, command)) }
        } catch {
            send(Reply.error(error.message), to: client)
        }
    }

    /// Sends a text message to one client.
    func send(_ message: String, to client: Int) {
        shared.withLock { _ = $0.clients[client]?.messages.yield(message) }
    }

    var statistics: LiveStatistics { shared.withLock { $0.statistics } }

    /// Ends ``run()`` after its current batch of steps.
    func stop() {
        shared.withLock { $0.stopped = true }
    }

    // MARK: - The loop

    /// Steps, paces and publishes until ``stop()``; call on a thread of its own.
    func run() {
        engine.withLock { engine in
            var pace = Pace(now: SimulationLoop.now(), time: engine.time)
            var lastFrame = -Double.infinity
            var rateWindow = (wall: SimulationLoop.now(), time: engine.time)
            while true {
                let (commands, stopped, running, speed) = shared.withLock { shared in
                    let commands = shared.commands
                    shared.commands.removeAll(keepingCapacity: true)
                    return (commands, shared.stopped, shared.statistics.running, shared.statistics.speed)
                }
                if stopped { return }
                for (client, command) in commands {
                    apply(command, from: client, engine: &engine, pace: &pace)
                }
                let now = SimulationLoop.now()
                // A command may change the speed or the time: the pace starts again from here.
                if !commands.isEmpty { pace = Pace(now: now, time: engine.time) }
                var ran = 0
                if running {
                    let started = SimulationLoop.now(), startedCPU = SimulationLoop.threadCPUTime()
                    let due = pace.stepsDue(now: now, time: engine.time, dt: engine.dt, speed: speed)
                    // A batch ends after 20 ms, or sooner when the next frame is due.
                    let deadline = min(started + 0.02, lastFrame + SimulationLoop.frameInterval)
                    do throws(BrainKitError) {
                        ran = try engine.step(due.steps, until: deadline)
                    } catch {
                        broadcast(Reply.error("the simulation stopped: \(error)"))
                        shared.withLock { $0.statistics.running = false }
                    }
                    let finished = SimulationLoop.now(), finishedCPU = SimulationLoop.threadCPUTime()
                    if due.behind { pace = Pace(now: finished, time: engine.time) }
                    shared.withLock { shared in
                        shared.statistics.steps += ran
                        shared.statistics.stepSeconds += finished - started
                        shared.statistics.stepCPUSeconds += finishedCPU - startedCPU
                        shared.statistics.time = engine.time
                        if due.behind { shared.statistics.fallsBehind += 1 }
                        if finished - rateWindow.wall >= 1 {
                            shared.statistics.rate = (engine.time - rateWindow.time) / (finished - rateWindow.wall)
                            rateWindow = (finished, engine.time)
                        }
                    }
                } else {
                    rateWindow = (now, engine.time)
                    shared.withLock {
                        $0.statistics.rate = 0
                        $0.statistics.time = engine.time
                    }
                }
                let after = SimulationLoop.now()
                if after - lastFrame >= (running ? SimulationLoop.frameInterval : SimulationLoop.pausedFrameInterval) {
                    lastFrame = after
                    publish(engine: &engine, running: running)
                }
                if ran == 0 {
                    // Nothing due: wait for the next step (at most 5 ms, to stay responsive).
                    let wait = running && speed > 0 && speed.isFinite ? min(engine.dt / speed, 0.005) : 0.005
                    Thread.sleep(forTimeInterval: wait)
                }
            }
        }
    }

    /// Carries out one command (nil: the client left).
    private func apply(_ command: ClientCommand?, from client: Int, engine: inout LoopEngine, pace: inout Pace) {
        switch command {
        case nil:
            engine.release(client: client)
        case .play:
            shared.withLock { $0.statistics.running = true }
        case .pause:
            shared.withLock { $0.statistics.running = false }
        case .speed(let speed):
            shared.withLock { $0.statistics.speed = speed }
        case .reset:
            do throws(BrainKitError) {
                try engine.reset()
                broadcast(Reply.reset)
            } catch {
                send(Reply.error("reset failed: \(error)"), to: client)
            }
        case .watch(let channel):
            if let message = engine.watch(channel, client: client) { send(Reply.error(message), to: client) }
        case .unwatch(let channel):
            engine.unwatch(channel, client: client)
        case .set(let object, let texts):
            switch engine.setOutput(object: object, texts: texts) {
            case .success(let values): broadcast(Reply.set(object: object, values: values))
            case .failure(let error): send(Reply.error(error.message, object: object), to: client)
            }
        }
        let watched = engine.watchedCount
        shared.withLock { $0.statistics.watchedChannels = watched }
    }

    private func broadcast(_ message: String) {
        shared.withLock { shared in
            for outbox in shared.clients.values { outbox.messages.yield(message) }
        }
    }

    /// Builds a frame of the rows since the last one and offers it to every client.
    private func publish(engine: inout LoopEngine, running: Bool) {
        let (dropped, rate) = shared.withLock { ($0.statistics.framesDropped, $0.statistics.rate) }
        let frame = engine.frame(running: running, dropped: dropped, rate: rate)
        shared.withLock { shared in
            for outbox in shared.clients.values {
                shared.statistics.framesSent += 1
                if case .dropped = outbox.frames.yield(frame) { shared.statistics.framesDropped += 1 }
            }
        }
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// The CPU seconds the calling thread has used.
    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Where the simulation should be: `time` at wall-clock `now`, advancing at the speed asked.
struct Pace {
    let wall: Double
    let time: Double

    init(now: Double, time: Double) {
        wall = now
        self.time = time
    }

    /// The steps due at `now`, and whether the simulation is more than 0.2 s of wall-clock
    /// time behind (then it should not try to catch up: the pace restarts from where it is).
    /// As fast as possible (speed 0 or infinite): 10,000 steps, cut by the loop's time limit.
    func stepsDue(now: Double, time current: Double, dt: Double, speed: Double) -> (steps: Int, behind: Bool) {
        guard speed > 0, speed.isFinite else { return (10_000, false) }
        let target = time + (now - wall) * speed
        let steps = ((target - current) / dt).rounded(.down)
        guard steps > 0 else { return (0, false) }
        let behind = (target - current) / speed > 0.2
        return (Int(min(steps, 1e6)), behind)
    }
}
