import BrainCore
import Testing

@testable import BrainView

struct ChannelRingTests {
    /// A node whose output is the time: each row's value says which step it was taken after.
    private func clock() throws -> (Simulator, Probe) {
        let net = try Network(label: "clock", seed: 0)
        let time = try net.node(label: "time", function: { t in t })
        let probe = try net.probe(time)
        return (try Simulator(net, threads: 1, probeStorage: .latestOnly), probe)
    }

    /// The floats of a frame with one channel, after its headers.
    private func rows(_ frame: FrameWriter) -> (count: Int, values: [Float]) {
        let bytes = frame.bytes
        let count = (0..<4).reduce(0) { $0 | Int(bytes[44 + $1]) << (8 * $1) }
        let values = stride(from: 64, to: bytes.count, by: 4).map { offset in
            Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) })
        }
        return (count, values)
    }

    @Test func drainsThePendingRowsOldestFirstAcrossTheRingsEnd() throws {
        let (simulator, probe) = try clock()
        var ring = ChannelRing(channel: 0, size: 1)
        // More rows than the ring holds: the oldest are overwritten, the newest 512 kept.
        for _ in 0..<600 {
            try simulator.step()
            ring.sample(probe, of: simulator)
        }
        var frame = FrameWriter(running: true, channels: 1, dropped: 0, time: simulator.time, rate: 0, step: 600)
        ring.drain(into: &frame, stride: 1)
        let first = rows(frame)
        #expect(first.count == ChannelRing.capacity && first.values.count == ChannelRing.capacity)
        #expect(first.values == (89...600).map { Float(Double($0) * simulator.dt) })
        // The next frame holds only the rows since, which wrap past the ring's end.
        for _ in 0..<3 {
            try simulator.step()
            ring.sample(probe, of: simulator)
        }
        var next = FrameWriter(running: true, channels: 1, dropped: 0, time: simulator.time, rate: 0, step: 603)
        ring.drain(into: &next, stride: 1)
        #expect(rows(next).count == 3)
        #expect(rows(next).values == (601...603).map { Float(Double($0) * simulator.dt) })
    }
}
