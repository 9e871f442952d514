/// Lists the nonzero entries of a mostly-zero vector (spikes: in a step only a few neurons
/// fire) without a test per entry: 64 entries at a time become a bit mask (vector compares, no
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
        let raw = UnsafeRawPointer(x)
        var found = 0
        var base = 0
        while base < count {
            var mask: UInt64
            if base + 64 <= count {
                mask = nonzeroBits(raw, base) | nonzeroBits(raw, base + 16) << 16
                    | nonzeroBits(raw, base + 32) << 32 | nonzeroBits(raw, base + 48) << 48
            } else {
                let bits = raw.assumingMemoryBound(to: UInt32.self)
                mask = 0
                for j in base..<count { mask |= UInt64(isNonzero(bits[j])) << UInt64(j - base) }
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

    /// Bit `i` set when `x[start + i] ≠ 0`, for `i` in `0..<16`.
    @inline(__always)
    private static func nonzeroBits(_ x: UnsafeRawPointer, _ start: Int) -> UInt64 {
        let lanes = SIMD16<UInt32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let words = x.loadUnaligned(fromByteOffset: start * 4, as: SIMD16<UInt32>.self)
        // The shifted bits are distinct, so their sum is their union.
        return UInt64(truncatingIfNeeded: (isNonzero(words) &<< lanes).wrappedSum())
    }

    /// 1 for a nonzero float's bit pattern, 0 for ±0: with the sign bit cleared,
    /// `magnitude + 0x7FFF_FFFF` reaches bit 31 exactly when the magnitude is nonzero.
    @inline(__always)
    private static func isNonzero(_ bits: UInt32) -> UInt32 {
        ((bits & 0x7FFF_FFFF) &+ 0x7FFF_FFFF) >> 31
    }

    @inline(__always)
    private static func isNonzero(_ bits: SIMD16<UInt32>) -> SIMD16<UInt32> {
        ((bits & 0x7FFF_FFFF) &+ 0x7FFF_FFFF) &>> 31
    }
}
