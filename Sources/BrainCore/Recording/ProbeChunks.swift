/// One probe's samples in memory, as a list of chunks of about ``chunkBytes`` each (whole
/// samples; one sample per chunk when a sample is larger).
///
/// Appending never moves recorded data: a full chunk is kept and the next one is allocated at
/// its full size, so the cost of recording is proportional to the samples recorded, and the
/// memory held is the data plus at most one chunk not yet full. Emptying keeps the chunks
/// for reuse: after a reset, a run no longer than the one before allocates nothing.
struct ProbeChunks {
    /// The size of a chunk: 256 KiB of `Float`s.
    static let chunkBytes = 256 << 10

    /// The values in one sample.
    let sampleSize: Int
    /// The values a chunk holds (a whole number of samples, at least one).
    let chunkValues: Int
    private var chunks: [[Float]] = []
    /// The chunks in use (the first ones); the rest are empty, kept from before a reset.
    private var used = 0
    /// The values recorded.
    private(set) var count = 0

    init(sampleSize: Int) {
        self.sampleSize = sampleSize
        let perChunk = max(1, ProbeChunks.chunkBytes / 4 / max(sampleSize, 1))
        chunkValues = perChunk * max(sampleSize, 1)
    }

    /// Appends one sample: `source[0..<sampleSize]`, or `source[i]` for each of `indices`.
    mutating func append(_ source: UnsafeMutablePointer<Float>, indices: [Int]?) {
        guard sampleSize > 0 else { return }
        if used == 0 || chunks[used - 1].count + sampleSize > chunkValues {
            if used == chunks.count {
                var chunk = [Float]()
                chunk.reserveCapacity(chunkValues)
                chunks.append(chunk)
            }
            used += 1
        }
        let last = used - 1
        if let indices {
            indices.withUnsafeBufferPointer { indices in
                for i in indices { chunks[last].append(source[i]) }
            }
        } else {
            chunks[last].append(contentsOf: UnsafeBufferPointer(start: source, count: sampleSize))
        }
        count += sampleSize
    }

    /// The chunks allocated so far, in use or kept from before a reset.
    var allocatedChunks: Int { chunks.count }

    /// Where each allocated chunk's values are stored; appending never changes an address.
    var chunkAddresses: [UInt] {
        chunks.map { chunk in chunk.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
    }

    /// Forgets the newest sample (nothing when there is none).
    mutating func removeLast() {
        guard sampleSize > 0, count > 0 else { return }
        chunks[used - 1].removeLast(sampleSize)
        count -= sampleSize
        if chunks[used - 1].isEmpty { used -= 1 }
    }

    /// Forgets every sample, keeping the chunks' memory for the samples to come.
    mutating func removeAll() {
        for c in chunks.indices { chunks[c].removeAll(keepingCapacity: true) }
        used = 0
        count = 0
    }

    /// The samples as a samples x sampleSize matrix of `Double`s.
    func matrix() -> Matrix {
        let rows = sampleSize == 0 ? 0 : count / sampleSize
        var values = [Double]()
        values.reserveCapacity(count)
        for chunk in chunks[..<used] {
            for value in chunk { values.append(Double(value)) }
        }
        return Matrix(rows: rows, columns: sampleSize, values: values)
    }
}
