/// The simulator's state: one 64-byte-aligned block of `Float` holding every signal, each
/// starting on a 16-float boundary so SIMD kernels can load whole vectors.
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

    init(signals: [Signal]) {
        var offsets = [Int]()
        offsets.reserveCapacity(signals.count)
        var next = 0
        for signal in signals {
            offsets.append(next)
            next += (signal.count + Arena.alignmentFloats - 1) / Arena.alignmentFloats * Arena.alignmentFloats
        }
        self.offsets = offsets
        self.count = max(next, Arena.alignmentFloats)
        var initial = [Float](repeating: 0, count: count)
        for (signal, offset) in zip(signals, offsets) where !signal.initial.isEmpty {
            for i in 0..<signal.count { initial[offset + i] = signal.initial[i] }
        }
        self.initial = initial
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
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
