import CStepLoops

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

    /// `csl_firing` (CStepLoops): 64 entries at a time become a bit mask by vector compares
    /// (mask registers where the CPU has them), and only the set bits are visited.
    @inline(__always)
    private static func scan(
        _ x: UnsafePointer<Float>, count: Int, among: UnsafePointer<UInt64>?, into firing: UnsafeMutablePointer<Int32>
    ) -> Int {
        csl_firing(x, count, among, firing)
    }
}
