/// Copies each probe's signal out of the arena after every step (or every `sampleEvery`),
/// into storage reserved ahead of a run so that recording does not allocate.
final class ProbeRecorder {
    private struct Channel {
        let source: UnsafeMutablePointer<Float>
        let indices: [Int]?
        let size: Int
        let period: Double
        var data: [Float] = []
    }

    private var channels: [Channel]
    private var index: [ObjectIdentifier: Int] = [:]

    init(probes: [Probe], sources: [ObjectIdentifier: ProbeSource], arena: Arena) {
        var channels: [Channel] = []
        for probe in probes {
            guard let source = sources[ObjectIdentifier(probe)] else { continue }
            index[ObjectIdentifier(probe)] = channels.count
            var start = arena.pointer(source.signal)
            var indices = source.indices
            // A run of consecutive indices is a contiguous block: copied whole.
            if let first = indices?.first, indices!.enumerated().allSatisfy({ $0.element == first + $0.offset }) {
                start += first
                indices = nil
            }
            channels.append(Channel(source: start, indices: indices, size: source.size, period: source.period))
        }
        self.channels = channels
    }

    /// Whether a probe with sampling `period` (in steps) records at `step` (Nengo's rule:
    /// `step mod period < 1`).
    static func records(step: Int, period: Double) -> Bool {
        Double(step).truncatingRemainder(dividingBy: period) < 1
    }

    /// Reserves room for `steps` more steps of data.
    func reserve(steps: Int) {
        for c in channels.indices {
            let samples = Int((Double(steps) / channels[c].period).rounded(.up)) + 1
            channels[c].data.reserveCapacity(channels[c].data.count + samples * channels[c].size)
        }
    }

    /// Records every probe due at `step`.
    func record(step: Int) {
        for c in channels.indices where ProbeRecorder.records(step: step, period: channels[c].period) {
            let source = channels[c].source
            if let indices = channels[c].indices {
                indices.withUnsafeBufferPointer { indices in
                    for i in indices { channels[c].data.append(source[i]) }
                }
            } else {
                channels[c].data.append(contentsOf: UnsafeBufferPointer(start: source, count: channels[c].size))
            }
        }
    }

    /// Forgets all recorded data.
    func clear() {
        for c in channels.indices { channels[c].data.removeAll(keepingCapacity: true) }
    }

    /// The recorded data of `probe` as a samples x size matrix, or nil for an unknown probe.
    func data(_ probe: Probe) -> Matrix? {
        guard let c = index[ObjectIdentifier(probe)] else { return nil }
        let channel = channels[c]
        let rows = channel.size == 0 ? 0 : channel.data.count / channel.size
        return Matrix(rows: rows, columns: channel.size, values: channel.data.map { Double($0) })
    }
}
