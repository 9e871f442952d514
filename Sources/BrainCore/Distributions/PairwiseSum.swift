/// numpy's summation order for `float64` reductions (`np.sum`, `add.reduce` along a
/// contiguous axis), so that sums feeding a random draw round exactly as in Nengo.
///
/// Fewer than 8 values are added left to right from 0. Up to 128 values use eight running
/// partial sums (value `i` goes to sum `i mod 8`), combined as
/// `((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))`, then the leftover `count mod 8`
/// values are added in order. Longer runs split at `half - half mod 8` (with
/// `half = count / 2`) and add the two recursive sums.
enum PairwiseSum {
    /// The numpy-ordered sum of `count` values starting at `start`.
    static func sum(_ start: UnsafePointer<Double>, count: Int) -> Double {
        if count < 8 {
            var total = 0.0
            var i = 0
            while i < count {
                total += start[i]
                i += 1
            }
            return total
        }
        if count <= 128 {
            var s0 = start[0], s1 = start[1], s2 = start[2], s3 = start[3]
            var s4 = start[4], s5 = start[5], s6 = start[6], s7 = start[7]
            let blocked = count - count % 8
            var i = 8
            while i < blocked {
                s0 += start[i]
                s1 += start[i + 1]
                s2 += start[i + 2]
                s3 += start[i + 3]
                s4 += start[i + 4]
                s5 += start[i + 5]
                s6 += start[i + 6]
                s7 += start[i + 7]
                i += 8
            }
            var total = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
            while i < count {
                total += start[i]
                i += 1
            }
            return total
        }
        var half = count / 2
        half -= half % 8
        return sum(start, count: half) + sum(start + half, count: count - half)
    }

    /// The numpy-ordered sum of `values`.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return sum(base, count: buffer.count)
        }
    }
}
