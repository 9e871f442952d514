/// Visits the nonzero entries of a mostly-zero vector (spikes: in a step only a few neurons
/// fire), skipping eight silent entries at a time.
enum SpikeScan {
    /// Calls `body(j, x[j])` for every `j` in `0..<count` with `x[j] != 0`, in ascending order.
    @inline(__always)
    static func forEachNonzero(_ x: UnsafePointer<Float>, count: Int, _ body: (Int, Float) -> Void) {
        let raw = UnsafeRawPointer(x)
        var j = 0
        while j + 8 <= count {
            let block = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<UInt32>.self)
            // +0 and -0 both count as silent: compare the bits with the sign cleared.
            if (block & 0x7FFF_FFFF) != SIMD8() {
                for k in j..<(j + 8) where x[k] != 0 { body(k, x[k]) }
            }
            j += 8
        }
        while j < count {
            if x[j] != 0 { body(j, x[j]) }
            j += 1
        }
    }
}
