/// What a ``LiveView`` has done so far (``LiveView/statistics``): for tests, benchmarks and
/// the page's status line.
public struct LiveStatistics: Sendable, Equatable {
    /// Steps run since the view started (resets do not lower it).
    public var steps = 0
    /// The simulation time now, in seconds (0 after a reset).
    public var time = 0.0
    /// Whether the simulation is running (false while paused).
    public var running = false
    /// Simulated seconds per wall-clock second asked for; 0 for as fast as possible.
    public var speed = 1.0
    /// Wall-clock seconds spent running steps (and sampling the watched probes after each).
    public var stepSeconds = 0.0
    /// CPU seconds the simulation thread used in that time: less than ``stepSeconds`` when
    /// other threads or processes share its core (worker threads of a model that shares its
    /// steps among threads are not counted).
    public var stepCPUSeconds = 0.0
    /// Frames handed to clients.
    public var framesSent = 0
    /// Frames replaced by a newer one before a slow client took them.
    public var framesDropped = 0
    /// Clients connected now.
    public var clients = 0
    /// Channels watched now (by any client).
    public var watchedChannels = 0
    /// Simulated seconds per wall-clock second over the last second of running.
    public var rate = 0.0
    /// Times the simulation fell more than 0.2 s behind its pace and gave up catching up.
    public var fallsBehind = 0

    /// Steps per wall-clock second spent stepping (0 before any step).
    public var stepsPerSecond: Double { stepSeconds > 0 ? Double(steps) / stepSeconds : 0 }
    /// Steps per CPU second of the simulation thread (0 before any step): the work a step
    /// costs, whatever share of a core the thread got.
    public var stepsPerCPUSecond: Double { stepCPUSeconds > 0 ? Double(steps) / stepCPUSeconds : 0 }
}
