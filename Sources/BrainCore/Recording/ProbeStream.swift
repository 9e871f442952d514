import Foundation

/// One probe's samples on their way to an ``NPYStreamFile``: a fixed buffer of whole samples
/// (64 KiB, or one sample if larger), written out when full. Appending copies one sample and
/// allocates nothing; the write and header update happen once per buffer.
final class ProbeStream {
    /// The buffer's size in floats (64 KiB).
    static let bufferFloats = 16_384

    let file: NPYStreamFile
    private let size: Int
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<Float>
    private var buffered = 0
    /// The samples appended since the last ``clear()``: in the file, in the buffer, or lost
    /// by a write that failed.
    private var samples = 0

    init(file: NPYStreamFile) {
        self.file = file
        size = file.columns
        capacity = max(1, ProbeStream.bufferFloats / max(size, 1))
        buffer = .allocate(capacity: max(1, capacity * size))
    }

    deinit {
        try? flush()
        file.close()
        buffer.deallocate()
    }

    /// Appends one sample of `size` values from `source` (at `indices`, or contiguous);
    /// writes the buffer out when it is full.
    func append(_ source: UnsafeMutablePointer<Float>, indices: [Int]?) throws(BrainKitError) {
        let row = buffer + buffered * size
        if let indices {
            indices.withUnsafeBufferPointer { indices in
                for (k, i) in indices.enumerated() { row[k] = source[i] }
            }
        } else {
            row.update(from: source, count: size)
        }
        buffered += 1
        samples += 1
        if buffered == capacity { try flush() }
    }

    /// Writes the buffered samples out: the file then holds every sample recorded.
    func flush() throws(BrainKitError) {
        guard buffered > 0 else { return }
        let count = buffered
        buffered = 0
        try file.append(buffer, rows: count)
    }

    /// Forgets every sample: the buffer and the file are emptied.
    func clear() throws(BrainKitError) {
        buffered = 0
        samples = 0
        try file.truncate()
    }

    /// Forgets the newest sample appended: taken out of the buffer, or cut from the file when
    /// the buffer was written out since; a sample a failed write lost is not cut again.
    func removeLast() throws(BrainKitError) {
        guard samples > 0 else { return }
        samples -= 1
        if buffered > 0 {
            buffered -= 1
        } else if file.rows > samples {
            try file.truncate(keeping: samples)
        }
    }
}
