/// One probe's samples in memory, as a list of chunks of about ``chunkBytes`` each (whole
/// samples; one sample per chunk when a sample is larger).
///
/// Appending never moves recorded data: a full chunk is kept and the next one is allocated at
/// its full size, so the cost of recording is proportional to the samples recorded, and the
/// memory held is the data plus at most one chunk not yet full.
struct ProbeChunks {
    /// The size of a chunk: 256 KiB of `Float`s.
    static let chunkBytes = 256 << 10

    /// The values in one sample.
    let sampleSize: Int
    /// The values a chunk holds (a whole number of samples, at least one).
    let chunkValues: Int
    private var chunks: [[Float]] = []
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
        if chunks.isEmpty || chunks[chunks.count - 1].count + sampleSize > chunkValues {
            var chunk = [Float]()
            chunk.reserveCapacity(chunkValues)
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        if let indices {
            indices.withUnsafeBufferPointer { indices in
                for i in indices { chunks[last].append(source[i]) }
            }
        } else {
            chunks[last].append(contentsOf: UnsafeBufferPointer(start: source, count: sampleSize))
        }
        count += sampleSize
    }

    /// Forgets every sample and releases the chunks.
    mutating func removeAll() {
        chunks = []
        count = 0
    }

    /// The samples as a samples x sampleSize matrix of `Double`s.
    func matrix() -> Matrix {
        let rows = sampleSize == 0 ? 0 : count / sampleSize
        var values = [Double]()
        values.reserveCapacity(count)
        for chunk in chunks {
            for value in chunk { values.append(Double(value)) }
        }
        return Matrix(rows: rows, columns: sampleSize, values: values)
    }
}
