/// Elements of a signal an operator writes: a range, or the whole signal (`elements == nil`).
struct WrittenRegion: Hashable {
    let signal: SignalID
    let elements: Range<Int>?

    init(_ signal: SignalID) {
        self.signal = signal
        elements = nil
    }

    init(_ slice: SignalSlice) {
        signal = slice.signal
        elements = slice.offset..<(slice.offset + slice.count)
    }

    /// Whether this region shares an element with `other` of the same signal.
    func overlaps(_ other: Range<Int>?) -> Bool {
        guard let elements, let other else { return true }
        return elements.overlaps(other)
    }
}
