import Testing
@testable import BrainCore

/// ``HugePages`` gives memory aligned for what it is: a huge page's alignment from one huge
/// page up (so the advice can cover it), a cache line's below; the memory holds what is
/// written to it.
@Suite("Huge pages")
struct HugePagesTests {
    @Test(arguments: [1, 4096, HugePages.size - 4, HugePages.size, 3 * HugePages.size + 12])
    func allocationsAreAlignedAndUsable(byteCount: Int) {
        let raw = HugePages.allocate(byteCount: byteCount)
        defer { raw.deallocate() }
        let address = UInt(bitPattern: raw)
        #expect(address % 64 == 0)
        if byteCount >= HugePages.size {
            #expect(address % UInt(HugePages.size) == 0)
        }
        let bytes = raw.bindMemory(to: UInt8.self, capacity: byteCount)
        for i in stride(from: 0, to: byteCount, by: 4093) { bytes[i] = UInt8(truncatingIfNeeded: i) }
        bytes[byteCount - 1] = 7
        for i in stride(from: 0, to: byteCount - 1, by: 4093) { #expect(bytes[i] == UInt8(truncatingIfNeeded: i)) }
        #expect(bytes[byteCount - 1] == 7)
    }
}
