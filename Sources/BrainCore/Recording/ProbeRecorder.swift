import Foundation

/// Copies each probe's signal out of the arena after every step (or every `sampleEvery`):
/// into memory that grows in chunks (``ProbeStorage/memory``), or into a ``ProbeStream`` per
/// probe (``ProbeStorage/stream(directory:)``); or keeps nothing (``ProbeStorage/latestOnly``),
/// leaving each probe's newest value to be read from the arena with ``latest(_:into:)``.
///
/// In memory, a probe's samples go into chunks of ``ProbeChunks/chunkBytes`` (or one sample,
/// if larger): a full chunk is kept and a new one begun, so recorded data is never copied
/// while running, a run of n steps costs O(n) however it is split into calls, and memory is
/// the recorded data plus at most one partly filled chunk per probe. A run is refused before
/// it starts when its probes' data would exceed the simulator's memory limit.
final class ProbeRecorder {
    private struct Channel {
        let name: String
        let source: UnsafeMutablePointer<Float>
        let indices: [Int]?
        let size: Int
        let period: Double
        var data: ProbeChunks
        let stream: ProbeStream?
    }

    private var channels: [Channel]
    private var index: [ObjectIdentifier: Int] = [:]
    /// False for ``ProbeStorage/latestOnly``: nothing is recorded after a step.
    private let keepsHistory: Bool
    /// The first write that failed during ``record(step:)``, for the simulator to throw.
    var fault: BrainKitError?

    /// Records the probes of `probes` that have a source in `sources` (the others are
    /// skipped); a stream file is named after the probe's position in `probes`.
    /// - Throws: ``BrainKitError`` (`.io`) when a stream's directory (naming `object` and
    ///   `probeStorage`) or a probe's file (naming the probe) cannot be created.
    init(
        probes: [Probe], sources: [ObjectIdentifier: ProbeSource], arena: Arena, storage: ProbeStorage,
        object: String = "Simulator"
    ) throws(BrainKitError) {
        var channels: [Channel] = []
        keepsHistory = storage != .latestOnly
        let directory = try ProbeRecorder.directory(of: storage, object: object)
        for (position, probe) in probes.enumerated() {
            guard let source = sources[ObjectIdentifier(probe)] else { continue }
            var start = arena.pointer(source.signal)
            var indices = source.indices
            // A run of consecutive indices is a contiguous block: copied whole.
            if let first = indices?.first, indices!.enumerated().allSatisfy({ $0.element == first + $0.offset }) {
                start += first
                indices = nil
            }
            var stream: ProbeStream?
            if let directory {
                let url = directory.appendingPathComponent(ProbeRecorder.fileName(probe, position: position))
                stream = ProbeStream(file: try NPYStreamFile(url: url, columns: source.size, object: probe.name))
            }
            index[ObjectIdentifier(probe)] = channels.count
            channels.append(
                Channel(
                    name: probe.name, source: start, indices: indices, size: source.size, period: source.period,
                    data: ProbeChunks(sampleSize: source.size), stream: stream))
        }
        self.channels = channels
    }

    /// The stream directory (created if missing; another process creating it at the same
    /// time is no error), or nil for memory storage.
    private static func directory(of storage: ProbeStorage, object: String) throws(BrainKitError) -> URL? {
        guard case .stream(let directory) = storage else { return nil }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw .io(
                    object, "probeStorage", "cannot create directory \(directory.path): \(error.localizedDescription)")
            }
        }
        return directory
    }

    /// A probe's stream file name: its position among the network's probes (3 digits) and its
    /// name with every character but letters, digits, `-` and `.` as `_`:
    /// `000_Probe_of_Ensemble_a.npy`.
    static func fileName(_ probe: Probe, position: Int) -> String {
        let digits = String(position)
        let slug = String(probe.name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == ".")
                ? Character(scalar) : "_"
        })
        let trimmed = slug.split(separator: "_").joined(separator: "_")
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits + "_" + trimmed + ".npy"
    }

    /// Whether a probe with sampling `period` (in steps) records at `step` (Nengo's rule:
    /// `step mod period < 1`).
    static func records(step: Int, period: Double) -> Bool {
        Double(step).truncatingRemainder(dividingBy: period) < 1
    }

    /// Checks that `steps` more steps of data fit in `limit` bytes with what is recorded
    /// already (4 bytes per value; streams need none), in arithmetic that cannot overflow;
    /// the error names the probe that needs the most.
    func checkMemory(steps: Int, limit: Int, object: String, parameter: String) throws(BrainKitError) {
        guard keepsHistory else { return }
        var total: Int? = 0
        var largest: (name: String, bytes: Int?)?
        for channel in channels where channel.stream == nil {
            let samples = (Double(steps) / channel.period).rounded(.up) + 1
            let newValues = samples < 0x1p62 ? Size.product(Int(samples), channel.size) : nil
            let bytes = newValues.flatMap { Size.sum([$0, channel.data.count]) }.flatMap { Size.product($0, 4) }
            total = total.flatMap { t in bytes.flatMap { Size.sum([t, $0]) } }
            if largest == nil || (largest!.bytes ?? .max) < (bytes ?? .max) { largest = (channel.name, bytes) }
        }
        guard let largest else { return }
        try Check.fits(
            bytes: total, limit: limit,
            "probe data for \(steps) more steps (\(largest.name) alone: "
                + (largest.bytes.map { MemoryBudget.describe(bytes: $0) } ?? "beyond Int.max bytes")
                + "; stream it with probeStorage: .stream(directory:) or sample less often)",
            object, parameter)
    }

    /// Records every probe due at `step`; a stream that cannot be written sets ``fault``.
    func record(step: Int) {
        guard keepsHistory else { return }
        for c in channels.indices where ProbeRecorder.records(step: step, period: channels[c].period) {
            let source = channels[c].source
            if let stream = channels[c].stream {
                do throws(BrainKitError) {
                    try stream.append(source, indices: channels[c].indices)
                } catch {
                    if fault == nil { fault = error }
                }
            } else {
                channels[c].data.append(source, indices: channels[c].indices)
            }
        }
    }

    /// Forgets the samples recorded at `step`, the last step recorded (a sample a failed
    /// stream write lost is not cut again).
    func discard(step: Int) throws(BrainKitError) {
        guard keepsHistory else { return }
        for c in channels.indices where ProbeRecorder.records(step: step, period: channels[c].period) {
            if let stream = channels[c].stream {
                try stream.removeLast()
            } else {
                channels[c].data.removeLast()
            }
        }
    }

    /// Copies the value `probe` would record now (after the last step) into `values`, without
    /// allocating; false for an unknown probe or a buffer whose count is not the probe's size.
    func latest(_ probe: Probe, into values: UnsafeMutableBufferPointer<Float>) -> Bool {
        guard let c = index[ObjectIdentifier(probe)], values.count == channels[c].size,
            let target = values.baseAddress
        else { return false }
        let source = channels[c].source
        if let indices = channels[c].indices {
            indices.withUnsafeBufferPointer { indices in
                for (k, i) in indices.enumerated() { target[k] = source[i] }
            }
        } else {
            target.update(from: source, count: values.count)
        }
        return true
    }

    /// Writes every stream's buffered samples to its file.
    func flush() throws(BrainKitError) {
        for channel in channels { try channel.stream?.flush() }
    }

    /// Writes out and closes every stream file (data stays readable from the files).
    func close() throws(BrainKitError) {
        try flush()
        for channel in channels { channel.stream?.file.close() }
    }

    /// Forgets all recorded data (and empties the stream files).
    func clear() throws(BrainKitError) {
        for c in channels.indices {
            channels[c].data.removeAll()
            try channels[c].stream?.clear()
        }
        fault = nil
    }

    /// The stream file of `probe`, or nil for memory storage or an unknown probe.
    func file(_ probe: Probe) -> URL? {
        guard let c = index[ObjectIdentifier(probe)] else { return nil }
        return channels[c].stream?.file.url
    }

    /// The recorded data of `probe` as a samples x size matrix (read back from its file when
    /// streamed), or nil for an unknown probe.
    func data(_ probe: Probe) throws(BrainKitError) -> Matrix? {
        guard let c = index[ObjectIdentifier(probe)] else { return nil }
        let channel = channels[c]
        if let stream = channel.stream {
            try stream.flush()
            return try NPYStreamFile.read(stream.file.url, object: probe.name)
        }
        return channel.data.matrix()
    }
}
