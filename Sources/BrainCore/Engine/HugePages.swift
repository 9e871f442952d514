#if canImport(Glibc)
import Glibc
#endif

/// Memory that a simulation step streams through, backed by 2 MiB pages where the system
/// allows it.
///
/// A step reads megabytes of signals spread over thousands of 4 KiB pages, more than the
/// CPU's address-translation cache covers; on 2 MiB pages a few entries cover them (the
/// gain is measured in docs/engine.md). On Linux an allocation of at least one huge page is
/// aligned to 2 MiB and advised with
/// `madvise(MADV_HUGEPAGE)`, which transparent huge pages honour in their `madvise` and
/// `always` modes (a hint: where they are off, or on other systems, the memory is ordinary).
/// Values are the same either way.
enum HugePages {
    /// The size of a huge page, and the alignment of an allocation of at least that size.
    static let size = 2 << 20

    /// `byteCount` bytes, 64-byte aligned, advised for huge pages when at least ``size``;
    /// release with `deallocate()`.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        guard byteCount >= size else { return .allocate(byteCount: max(byteCount, 1), alignment: 64) }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: size)
        #if os(Linux)
        _ = madvise(raw, byteCount, MADV_HUGEPAGE)
        #endif
        return raw
    }
}
