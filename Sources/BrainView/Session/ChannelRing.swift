import BrainCore

/// The newest samples of one watched probe: a fixed ring of rows, filled after every step
/// without allocating, emptied into each frame.
struct ChannelRing {
    /// Rows kept between two frames; older rows are overwritten (the page then misses them).
    static let capacity = 512

    let channel: Int
    let size: Int
    private var values: [Float]
    /// The next row to write.
    private var head = 0
    /// Rows written since the last frame (at most ``capacity``).
    private(set) var pending = 0
    /// The step after which the newest row was taken.
    private var lastStep = 0

    init(channel: Int, size: Int) {
        self.channel = channel
        self.size = size
        values = [Float](repeating: 0, count: ChannelRing.capacity * max(size, 1))
    }

    /// Copies `probe`'s value after the step just run into the next row.
    mutating func sample(_ probe: Probe, of simulator: Simulator) {
        lastStep = simulator.stepCount
        let start = head * size
        let size = self.size
        values.withUnsafeMutableBufferPointer { buffer in
            let row = UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + size)])
            try? simulator.latest(probe, into: row)
        }
        head = (head + 1) % ChannelRing.capacity
        pending = min(pending + 1, ChannelRing.capacity)
    }

    /// Appends the pending rows, oldest first, taken every `stride` steps, to `frame` and
    /// forgets them.
    mutating func drain(into frame: inout FrameWriter, stride: Int) {
        frame.channelHeader(id: channel, rows: pending, size: size, stride: stride, lastStep: lastStep)
        // The pending rows are one run of the ring, or two when they wrap past its end.
        let first = (head - pending + ChannelRing.capacity) % ChannelRing.capacity
        let beforeEnd = min(pending, ChannelRing.capacity - first)
        frame.floats(values[(first * size)..<((first + beforeEnd) * size)])
        frame.floats(values[0..<((pending - beforeEnd) * size)])
        pending = 0
    }

    /// Forgets the pending rows.
    mutating func clear() { pending = 0 }
}
