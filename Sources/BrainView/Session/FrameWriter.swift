/// Writes one binary frame for the page: what the simulation did since the last frame.
///
/// Little-endian, every field 4-byte aligned (the page reads the samples as a `Float32Array`
/// without copying):
///
/// ```
/// header (40 bytes)
///   u32  magic 0x31564B42 ("BKV1")
///   u32  flags: bit 0 running
///   u32  channels in the frame
///   u32  frames dropped so far (all clients)
///   f64  simulated time after the last step, seconds
///   f64  simulated seconds per wall-clock second, over the last second
///   f64  steps run since the last reset (the last row's step)
/// per channel (24 bytes, then the rows)
///   u32  channel id, u32 rows, u32 values per row, u32 stride (steps between rows)
///   f64  the step after which the last row was taken (row r: that − (rows − 1 − r) · stride)
///   f32  rows × values, oldest row first
/// ```
struct FrameWriter {
    static let magic: UInt32 = 0x3156_4B42

    private(set) var bytes: [UInt8] = []

    init(running: Bool, channels: Int, dropped: Int, time: Double, rate: Double, step: Int) {
        bytes.reserveCapacity(4096)
        u32(FrameWriter.magic)
        u32(running ? 1 : 0)
        u32(UInt32(clamping: channels))
        u32(UInt32(clamping: dropped))
        f64(time)
        f64(rate)
        f64(Double(step))
    }

    mutating func channelHeader(id: Int, rows: Int, size: Int, stride: Int, lastStep: Int) {
        u32(UInt32(clamping: id))
        u32(UInt32(clamping: rows))
        u32(UInt32(clamping: size))
        u32(UInt32(clamping: stride))
        f64(Double(lastStep))
    }

    /// Appends `values` as little-endian f32s (one copy of the whole run on a little-endian
    /// machine).
    mutating func floats(_ values: ArraySlice<Float>) {
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            for value in values { u32(value.bitPattern) }
        #endif
    }

    private mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func f64(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
