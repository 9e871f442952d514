import Testing
@testable import BrainCore

/// Sums round exactly as numpy's `np.sum` does (distributions.json, `pairwise_sum`).
@Suite("PairwiseSum follows numpy's summation order")
struct PairwiseSumTests {
    @Test func prefixSumsMatchNumpy() throws {
        let f = try DistributionFixture.load().object("pairwise_sum")
        let values = f.doubles("values")
        let lengths = f.ints("lengths"), sums = f.doubles("sums")
        #expect(lengths.count >= 4)
        for (length, expected) in zip(lengths, sums) {
            let prefix = Array(values.prefix(length))
            #expect(PairwiseSum.sum(prefix) == expected)
            // The fixture keeps only lengths where the order matters.
            #expect(prefix.reduce(0, +) != expected)
        }
        #expect(PairwiseSum.sum([]) == 0)
        #expect(PairwiseSum.sum([1, 2, 3]) == 6)
    }
}
