/// Identifies a signal of a ``BuiltModel``.
struct SignalID: Hashable, Comparable, Sendable {
    let index: Int

    static func < (a: SignalID, b: SignalID) -> Bool { a.index < b.index }
}

/// A named block of `Float` state in the built model: a vector, or a row-major matrix.
/// Its ``initial`` values are what the simulator starts from and returns to on reset.
struct Signal {
    let name: String
    let count: Int
    /// Initial values; empty means all zeros.
    var initial: [Float]
    /// For matrices: rows x columns == count.
    let rows: Int
    let columns: Int

    init(name: String, count: Int, initial: [Float] = []) {
        precondition(initial.isEmpty || initial.count == count, "Signal \(name): \(initial.count) initial values for \(count)")
        self.name = name
        self.count = count
        self.initial = initial
        self.rows = count
        self.columns = 1
    }

    init(name: String, matrix: Matrix) {
        self.name = name
        self.count = matrix.rows * matrix.columns
        self.initial = matrix.values.map { Float($0) }
        self.rows = matrix.rows
        self.columns = matrix.columns
    }
}

/// A contiguous part of a signal: `count` values starting at `offset`.
struct SignalSlice {
    let signal: SignalID
    let offset: Int
    let count: Int

    init(_ signal: SignalID, offset: Int = 0, count: Int) {
        self.signal = signal
        self.offset = offset
        self.count = count
    }
}
