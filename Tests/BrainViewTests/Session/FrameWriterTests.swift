import Testing

@testable import BrainView

struct FrameWriterTests {
    private func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private func f64(_ bytes: [UInt8], _ offset: Int) -> Double {
        Double(bitPattern: (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) })
    }

    @Test func layoutIsLittleEndianAndAligned() {
        var frame = FrameWriter(running: true, channels: 1, dropped: 7, time: 1.5, rate: 0.98, step: 1500)
        frame.channelHeader(id: 4, rows: 2, size: 3, stride: 5, lastStep: 1495)
        frame.floats([1, 2, 3, 4, 5, 6][...])
        let bytes = frame.bytes
        #expect(bytes.count == 40 + 24 + 6 * 4)
        #expect(u32(bytes, 0) == FrameWriter.magic && Array(bytes[0..<4]) == Array("BKV1".utf8))
        #expect(u32(bytes, 4) == 1 && u32(bytes, 8) == 1 && u32(bytes, 12) == 7)
        #expect(f64(bytes, 16) == 1.5 && f64(bytes, 24) == 0.98 && f64(bytes, 32) == 1500)
        #expect(u32(bytes, 40) == 4 && u32(bytes, 44) == 2 && u32(bytes, 48) == 3 && u32(bytes, 52) == 5)
        #expect(f64(bytes, 56) == 1495)
        #expect((0..<6).map { Float(bitPattern: u32(bytes, 64 + 4 * $0)) } == [1, 2, 3, 4, 5, 6])
    }
}
