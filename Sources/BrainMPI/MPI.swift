import BrainCore
import CMPI
import Foundation

/// The MPI calls BrainKit makes, on `MPI_COMM_WORLD`: the one file that talks to Open MPI
/// (through CMPI, which loads libmpi at run time).
///
/// A failed call throws `BrainKitError` naming `MPI` and the function; a missing
/// Open MPI is `.unavailable`. Only the thread that started MPI may call it.
enum MPI {
    /// A send, receive or reduction in flight.
    typealias Request = bkmpi_request?

    /// Loads Open MPI and initialises it, unless already done; returns this process's rank and
    /// the number of processes.
    /// - Throws: `.unavailable` when Open MPI cannot be loaded, `.simulation` when MPI cannot
    ///   start.
    static func start() throws(BrainKitError) -> (rank: Int, size: Int) {
        var message = [CChar](repeating: 0, count: 512)
        guard bkmpi_load(&message, message.count) == 0 else {
            let reason = message.withUnsafeBufferPointer { String(decoding: $0.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self) }
            throw BrainKitError(
                .unavailable, object: "MPI",
                message: "is not installed: \(reason). Install Open MPI (Debian/Ubuntu: apt-get install openmpi-bin "
                    + "libopenmpi-dev) and launch with mpirun")
        }
        var initialized: Int32 = 0
        try check(bkmpi_initialized(&initialized), "MPI_Initialized")
        if initialized == 0 { try check(bkmpi_init(), "MPI_Init_thread") }
        var rank: Int32 = 0, size: Int32 = 0
        try check(bkmpi_rank(&rank), "MPI_Comm_rank")
        try check(bkmpi_size(&size), "MPI_Comm_size")
        return (Int(rank), Int(size))
    }

    /// Starts sending `bytes` bytes at `buffer` to `rank`.
    static func send(_ buffer: UnsafeRawPointer, bytes: Int, to rank: Int, tag: Int = 0) throws(BrainKitError)
        -> Request
    {
        var request: Request = nil
        try check(bkmpi_isend(buffer, Int32(bytes), Int32(rank), Int32(tag), &request), "MPI_Isend")
        return request
    }

    /// Starts receiving `bytes` bytes from `rank` into `buffer`.
    static func receive(_ buffer: UnsafeMutableRawPointer, bytes: Int, from rank: Int, tag: Int = 0)
        throws(BrainKitError) -> Request
    {
        var request: Request = nil
        try check(bkmpi_irecv(buffer, Int32(bytes), Int32(rank), Int32(tag), &request), "MPI_Irecv")
        return request
    }

    /// Starts a reduction of one `Int32` per process to the smallest: `result.pointee` holds
    /// it on every process once the request completes. `value` and `result` must stay valid
    /// until then.
    static func minimum(of value: UnsafePointer<Int32>, into result: UnsafeMutablePointer<Int32>)
        throws(BrainKitError) -> Request
    {
        var request: Request = nil
        try check(bkmpi_iallreduce_min_int(value, result, &request), "MPI_Iallreduce")
        return request
    }

    /// Waits for every request to complete.
    static func waitAll(_ requests: inout [Request]) throws(BrainKitError) {
        guard !requests.isEmpty else { return }
        let count = Int32(requests.count)
        let result = requests.withUnsafeMutableBufferPointer { bkmpi_waitall(count, $0.baseAddress) }
        try check(result, "MPI_Waitall")
    }

    /// Broadcasts `values[elements]` (all of them when nil) from `root` to every process.
    static func broadcast<Element>(_ values: inout [Element], _ elements: Range<Int>? = nil, from root: Int)
        throws(BrainKitError)
    {
        let range = elements ?? values.indices
        let stride = MemoryLayout<Element>.stride
        let result = values.withUnsafeMutableBytes {
            bkmpi_bcast($0.baseAddress! + range.lowerBound * stride, Int32(range.count * stride), Int32(root))
        }
        try check(result, "MPI_Bcast")
    }

    /// The most bytes one call moves (MPI counts are `int`).
    static let maxBytes = Int(Int32.max)

    private static func check(_ result: Int32, _ function: String) throws(BrainKitError) {
        guard result != 0 else { return }
        var text = [CChar](repeating: 0, count: 512)
        bkmpi_error_string(result, &text, text.count)
        let reason = text.withUnsafeBufferPointer { String(decoding: $0.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self) }
        throw BrainKitError(.simulation, object: "MPI", parameter: function, message: "failed: \(reason)")
    }
}
