/// The simulator's state: one 64-byte-aligned block of `Float` holding every signal (on huge
/// pages where the system allows it, ``HugePages``).
///
/// Signals start on 16-float boundaries, except members of a **band**: a list of signals laid
/// end to end with no gap (the band itself starts on a boundary and is padded to one). Bands
/// let one kernel step many ensembles' neurons as one contiguous population; consecutive bands
/// of equal length put each state variable of a neuron at a fixed stride from the first.
///
/// The arena owns its memory and lends pointers to kernels, which live no longer than the
/// arena (both are owned by one ``Simulator``). ``restoreInitialValues()`` returns every
/// signal to its built initial value (a reset).
final class Arena {
    /// Offset (in floats) of each signal, indexed by `SignalID.index`.
    let offsets: [Int]
    /// The total number of floats.
    let count: Int
    let base: UnsafeMutablePointer<Float>
    private let initial: [Float]

    static let alignmentFloats = 16

    init(signals: [Signal], bands: [[SignalID]] = []) {
        func padded(_ count: Int) -> Int {
            (count + Arena.alignmentFloats - 1) / Arena.alignmentFloats * Arena.alignmentFloats
        }
        var offsets = [Int](repeating: -1, count: signals.count)
        var next = 0
        for band in bands {
            var position = next
            for id in band {
                precondition(offsets[id.index] < 0, "Arena: signal \(signals[id.index].name) is in two bands")
                offsets[id.index] = position
                position += signals[id.index].count
            }
            next += padded(position - next)
        }
        for (index, signal) in signals.enumerated() where offsets[index] < 0 {
            offsets[index] = next
            next += padded(signal.count)
        }
        self.offsets = offsets
        self.count = max(next, Arena.alignmentFloats)
        var initial = [Float](repeating: 0, count: count)
        for (signal, offset) in zip(signals, offsets) where !signal.initial.isEmpty {
            for i in 0..<signal.count { initial[offset + i] = signal.initial[i] }
        }
        self.initial = initial
        let raw = HugePages.allocate(byteCount: count * MemoryLayout<Float>.stride)
        base = raw.bindMemory(to: Float.self, capacity: count)
        restoreInitialValues()
    }

    deinit {
        base.deallocate()
    }

    /// Sets every signal back to its initial value.
    func restoreInitialValues() {
        initial.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: count) }
    }

    /// A pointer to the start of `slice`.
    func pointer(_ slice: SignalSlice) -> UnsafeMutablePointer<Float> {
        base + offsets[slice.signal.index] + slice.offset
    }

    /// A pointer to the start of `signal`.
    func pointer(_ signal: SignalID) -> UnsafeMutablePointer<Float> {
        base + offsets[signal.index]
    }
}
