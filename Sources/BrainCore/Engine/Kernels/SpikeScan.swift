/// Lists the nonzero entries of a mostly-zero vector (spikes: in a step only a few neurons
/// fire) without a branch per entry, so that randomly placed spikes cost no mispredictions.
enum SpikeScan {
    /// Writes the indices `j` in `0..<count` with `x[j] ≠ 0` (±0 count as zero) to `firing`,
    /// in ascending order, and returns how many there are. `firing` holds `count` indices.
    @inline(__always)
    static func firing(_ x: UnsafePointer<Float>, count: Int, into firing: UnsafeMutablePointer<Int32>) -> Int {
        // With the sign bit cleared, `magnitude + 0x7FFF_FFFF` reaches bit 31 exactly when the
        // magnitude is nonzero.
        let bits = UnsafeRawPointer(x).assumingMemoryBound(to: UInt32.self)
        var found = 0
        for j in 0..<count {
            firing[found] = Int32(truncatingIfNeeded: j)
            found &+= Int(truncatingIfNeeded: ((bits[j] & 0x7FFF_FFFF) &+ 0x7FFF_FFFF) >> 31)
        }
        return found
    }
}
