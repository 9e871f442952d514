/// Lists the nonzero entries of a mostly-zero vector (spikes: in a step only a few neurons
/// fire) without a test per entry: 64 entries at a time become a bit mask (vector tests, no
/// branch), and the loop visits only the set bits, so its one unpredictable branch is taken
/// once per 64 entries rather than once per spike.
enum SpikeScan {
    /// Writes the indices `j` in `0..<count` with `x[j] ≠ 0` (±0 count as zero) to `firing`,
    /// in ascending order, and returns how many there are. `firing` holds `count` indices.
    @inline(__always)
    static func firing(_ x: UnsafePointer<Float>, count: Int, into firing: UnsafeMutablePointer<Int32>) -> Int {
        scan(x, count: count, among: nil, into: firing)
    }

    /// The same, but only indices `j` whose bit is set in `among` (bit `j % 64` of word
    /// `j / 64`).
    @inline(__always)
    static func firing(
        _ x: UnsafePointer<Float>, count: Int, among: UnsafePointer<UInt64>, into firing: UnsafeMutablePointer<Int32>
    ) -> Int {
        scan(x, count: count, among: among, into: firing)
    }

    @inline(__always)
    private static func scan(
        _ x: UnsafePointer<Float>, count: Int, among: UnsafePointer<UInt64>?, into firing: UnsafeMutablePointer<Int32>
    ) -> Int {
        let words = UnsafeRawPointer(x).assumingMemoryBound(to: UInt32.self)
        var found = 0
        var base = 0
        while base < count {
            var mask: UInt64 = 0
            if base + 64 <= count {
                mask = nonzeroBits(words + base)
            } else {
                for j in base..<count where isNonzero(words[j]) { mask |= 1 << UInt64(j - base) }
            }
            if let among { mask &= among[base / 64] }
            while mask != 0 {
                firing[found] = Int32(truncatingIfNeeded: base &+ mask.trailingZeroBitCount)
                found &+= 1
                mask &= mask &- 1
            }
            base += 64
        }
        return found
    }

    /// Bit `j` set when `words[j]` is a nonzero float, for `j` in `0..<64`. Written as a plain
    /// loop of a fixed length, which the compiler turns into vector tests into mask registers
    /// (lane shifts with `wrappedSum()` became calls and shuffles, 2–3 times slower).
    @inline(__always)
    private static func nonzeroBits(_ words: UnsafePointer<UInt32>) -> UInt64 {
        var mask: UInt64 = 0
        for j in 0..<64 { mask |= UInt64(isNonzero(words[j]) ? 1 : 0) << UInt64(j) }
        return mask
    }

    /// Whether a float's bit pattern is nonzero other than in the sign (±0 are zero).
    @inline(__always)
    private static func isNonzero(_ bits: UInt32) -> Bool {
        bits & 0x7FFF_FFFF != 0
    }
}
