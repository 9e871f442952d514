/// Rewrites a built model's operators into fewer, equivalent ones before scheduling (what
/// Nengo's optimizer does by merging, here by removing needless copies):
///
/// - **Pass-through sums.** A signal that is cleared each step and then receives exactly one
///   whole-signal copy (an ensemble's decoded input fed by one connection without synapse,
///   for example) holds the same values as the copy's source; its readers read the source
///   directly and the clear and the copy go.
/// - **Products straight into their sink.** A matrix (or scaled, or element-wise) product
///   written into a scratch signal whose only use is to be added into another signal adds
///   into that signal directly.
/// - **Encodings of silent inputs.** A signal that is only ever cleared to zero (the decoded
///   input of an ensemble driven only through its neurons) contributes nothing: an encoding
///   `J = bias + E·x` of it is the copy `J = bias`, and a product added from it is dropped.
///
/// - **Uniform fan-outs.** A one-value signal spread over many by a constant column of equal
///   entries (a gate inhibiting a population: `−3 · ones`), filtered by a synapse without a
///   state signal and only added (or scaled element-wise) into its targets, holds the same value in
///   every element at every step (its elements start equal): the product and the synapse
///   run on the first element alone, and the additions and products read that one value.
///
/// None changes a single value computed: the same sums are formed in the same order.
/// Signals that probes record are left alone.
enum Optimizer {
    static func optimize(_ operators: [Operator], protecting observed: Set<SignalID>, signals: [Signal]) -> [Operator] {
        var ops = operators
        var removed = Set<Int>()
        var accesses = Accesses(ops)

        // Pass-through sums.
        for (signal, writers) in accesses.writers where !observed.contains(signal) && writers.count == 2 {
            let count = signals[signal.index].count
            guard let resetIndex = writers.first(where: { isWholeReset(ops[$0].operation, signal, count) }),
                let copyIndex = writers.first(where: { $0 != resetIndex }),
                case .copy(let source, let target, true) = ops[copyIndex].operation,
                target.signal == signal, target.offset == 0, target.count == count, source.signal != signal,
                !removed.contains(resetIndex), !removed.contains(copyIndex)
            else { continue }
            let readers = accesses.readers[signal] ?? []
            var rewritten: [(Int, Operation)] = []
            for reader in readers {
                guard let op = redirect(ops[reader].operation, from: signal, to: source) else { break }
                rewritten.append((reader, op))
            }
            guard rewritten.count == readers.count else { continue }
            for (index, op) in rewritten { accesses.replace(index, in: &ops, with: Operator(operation: op, owner: ops[index].owner)) }
            for index in [resetIndex, copyIndex] { accesses.remove(index, ops[index]) }
            removed.insert(resetIndex)
            removed.insert(copyIndex)
        }

        // Products straight into their sink.
        for index in ops.indices where !removed.contains(index) {
            guard let scratch = setsWholly(ops[index].operation, signals: signals), !observed.contains(scratch),
                (accesses.writers[scratch] ?? []) == [index],
                let readers = accesses.readers[scratch], readers.count == 1,
                case .copy(let from, let sink, true) = ops[readers[0]].operation,
                from.signal == scratch, from.offset == 0, from.count == signals[scratch.index].count,
                sink.signal != scratch,
                let fused = accumulating(ops[index].operation, into: sink)
            else { continue }
            accesses.replace(index, in: &ops, with: Operator(operation: fused, owner: ops[index].owner))
            accesses.remove(readers[0], ops[readers[0]])
            removed.insert(readers[0])
        }
        // Encodings of silent inputs.
        for (signal, writers) in accesses.writers where !observed.contains(signal) && writers.count == 1 {
            guard isWholeReset(ops[writers[0]].operation, signal, signals[signal.index].count) else { continue }
            for reader in accesses.readers[signal] ?? [] where !removed.contains(reader) {
                switch ops[reader].operation {
                case .affine(let m, _, _, let x, let bias, let y) where x.signal == signal && m != signal:
                    accesses.replace(
                        reader, in: &ops,
                        with: Operator(operation: .copy(from: bias, to: y, accumulate: false), owner: ops[reader].owner))
                case .matrixVector(let m, _, _, let x, _, true) where x.signal == signal && m != signal:
                    accesses.remove(reader, ops[reader])
                    removed.insert(reader)
                default:
                    continue
                }
            }
            if (accesses.readers[signal] ?? []).isEmpty {
                accesses.remove(writers[0], ops[writers[0]])
                removed.insert(writers[0])
            }
        }
        // Uniform fan-outs.
        for index in ops.indices where !removed.contains(index) {
            guard case .matrixVector(let matrix, let rows, 1, let x, let spread, false) = ops[index].operation,
                rows > 1, wholeSignal(spread, signals), !observed.contains(spread.signal),
                (accesses.writers[matrix] ?? []).isEmpty, isUniform(signals[matrix.index], count: rows),
                (accesses.writers[spread.signal] ?? []) == [index],
                let filterIndex = (accesses.readers[spread.signal] ?? []).first,
                accesses.readers[spread.signal]?.count == 1,
                case .filter(let filter, let input, let output, nil, let delayed) = ops[filterIndex].operation,
                input.signal == spread.signal, input.offset == 0, input.count == rows, wholeSignal(output, signals),
                output.count == rows, !observed.contains(output.signal),
                (accesses.writers[output.signal] ?? []) == [filterIndex], isUniform(signals[output.signal.index], count: rows),
                let targets = accesses.readers[output.signal], !targets.isEmpty,
                targets.allSatisfy({ readsElementwise(ops[$0].operation, output) })
            else { continue }
            func first(_ slice: SignalSlice) -> SignalSlice { SignalSlice(slice.signal, offset: 0, count: 1) }
            accesses.replace(
                index, in: &ops,
                with: Operator(
                    operation: .matrixVector(matrix: matrix, rows: 1, columns: 1, x: x, y: first(spread), accumulate: false),
                    owner: ops[index].owner))
            accesses.replace(
                filterIndex, in: &ops,
                with: Operator(
                    operation: .filter(filter, input: first(input), output: first(output), state: nil, delayed: delayed),
                    owner: ops[filterIndex].owner))
            for target in targets {
                let spreadOp: Operation
                switch ops[target].operation {
                case .elementwise(let scale, _, let y, let accumulate):
                    spreadOp = .elementwise(scale: scale, x: first(output), y: y, accumulate: accumulate)
                case .copy(_, let to, let accumulate):
                    spreadOp = .copy(from: first(output), to: to, accumulate: accumulate)
                default:
                    continue
                }
                accesses.replace(target, in: &ops, with: Operator(operation: spreadOp, owner: ops[target].owner))
            }
        }
        return ops.indices.filter { !removed.contains($0) }.map { ops[$0] }
    }

    /// Whether `slice` is the whole of its signal.
    private static func wholeSignal(_ slice: SignalSlice, _ signals: [Signal]) -> Bool {
        slice.offset == 0 && slice.count == signals[slice.signal.index].count
    }

    /// Whether the first `count` initial values of `signal` are all equal (no initial values:
    /// all zeros).
    private static func isUniform(_ signal: Signal, count: Int) -> Bool {
        guard let first = signal.initial.first else { return true }
        return signal.initial.prefix(count).allSatisfy { $0.bitPattern == first.bitPattern }
    }

    /// Whether `op` reads a part of `signal` element by element into another signal:
    /// `y (+)= scale ⊙ x` or `y (+)= x`, x a slice of `signal`.
    private static func readsElementwise(_ op: Operation, _ signal: SignalSlice) -> Bool {
        let x: SignalSlice, others: [SignalID]
        switch op {
        case .elementwise(let scale, let input, let y, _):
            (x, others) = (input, [scale.signal, y.signal])
        case .copy(let from, let to, _):
            (x, others) = (from, [to.signal])
        default:
            return false
        }
        return x.signal == signal.signal && !others.contains(signal.signal)
    }

    /// Who writes (sets or increments) and who reads each signal: operator indices in
    /// ascending order, kept up to date as operators are rewritten or removed (so each change
    /// costs the size of the operator's own accesses, not a pass over every operator).
    private struct Accesses {
        var writers: [SignalID: [Int]] = [:]
        var readers: [SignalID: [Int]] = [:]

        init(_ ops: [Operator]) {
            for (i, op) in ops.enumerated() { add(i, op) }
        }

        mutating func add(_ i: Int, _ op: Operator) {
            for s in op.writtenSignals { Self.insert(i, into: &writers[s, default: []]) }
            for s in op.reads { Self.insert(i, into: &readers[s, default: []]) }
        }

        mutating func remove(_ i: Int, _ op: Operator) {
            for s in op.writtenSignals { writers[s]?.removeAll { $0 == i } }
            for s in op.reads { readers[s]?.removeAll { $0 == i } }
        }

        /// Puts `op` in place of operator `i` of `ops`.
        mutating func replace(_ i: Int, in ops: inout [Operator], with op: Operator) {
            remove(i, ops[i])
            ops[i] = op
            add(i, op)
        }

        /// Inserts `i` after the last index not above it, as a rebuild in order would.
        private static func insert(_ i: Int, into list: inout [Int]) {
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle] <= i { low = middle + 1 } else { high = middle }
            }
            list.insert(i, at: low)
        }
    }

    private static func isWholeReset(_ op: Operation, _ signal: SignalID, _ count: Int) -> Bool {
        if case .reset(let target, 0) = op, target.signal == signal, target.offset == 0, target.count == count {
            return true
        }
        return false
    }

    /// `op` reading `source` where it read `signal` (a slice of `signal` becomes the same
    /// slice of `source`), or nil when `op` reads `signal` in a way that cannot be redirected.
    private static func redirect(_ op: Operation, from signal: SignalID, to source: SignalSlice) -> Operation? {
        func map(_ slice: SignalSlice) -> SignalSlice {
            slice.signal == signal ? SignalSlice(source.signal, offset: source.offset + slice.offset, count: slice.count)
                : slice
        }
        switch op {
        case .copy(let from, let to, let acc):
            return .copy(from: map(from), to: to, accumulate: acc)
        case .matrixVector(let m, let rows, let columns, let x, let y, let acc) where m != signal:
            return .matrixVector(matrix: m, rows: rows, columns: columns, x: map(x), y: y, accumulate: acc)
        case .affine(let m, let rows, let columns, let x, let bias, let y) where m != signal && bias.signal != signal:
            return .affine(matrix: m, rows: rows, columns: columns, x: map(x), bias: bias, y: y)
        case .scaled(let factor, let x, let y, let acc):
            return .scaled(factor: factor, x: map(x), y: y, accumulate: acc)
        case .elementwise(let scale, let x, let y, let acc) where scale.signal != signal:
            return .elementwise(scale: scale, x: map(x), y: y, accumulate: acc)
        case .filter(let filter, let input, let output, let state, let delayed):
            return .filter(filter, input: map(input), output: output, state: state, delayed: delayed)
        case .gather(let from, let indices, let to, let acc) where from == signal:
            return .gather(from: source.signal, indices: indices.map { $0 + source.offset }, to: to, accumulate: acc)
        case .function(let f, let input, let output):
            return .function(f, input: map(input), output: output)
        default:
            return nil
        }
    }

    /// The scratch signal `op` sets as a whole, for the products that can instead add into a
    /// slice elsewhere.
    private static func setsWholly(_ op: Operation, signals: [Signal]) -> SignalID? {
        let y: SignalSlice
        switch op {
        case .matrixVector(_, _, _, _, let out, false), .scaled(_, _, let out, false),
            .elementwise(_, _, let out, false):
            y = out
        default:
            return nil
        }
        return y.offset == 0 && y.count == signals[y.signal.index].count ? y.signal : nil
    }

    /// `op` adding into `sink` instead of setting its scratch output.
    private static func accumulating(_ op: Operation, into sink: SignalSlice) -> Operation? {
        switch op {
        case .matrixVector(let m, let rows, let columns, let x, _, false):
            return .matrixVector(matrix: m, rows: rows, columns: columns, x: x, y: sink, accumulate: true)
        case .scaled(let factor, let x, _, false):
            return .scaled(factor: factor, x: x, y: sink, accumulate: true)
        case .elementwise(let scale, let x, _, false):
            return .elementwise(scale: scale, x: x, y: sink, accumulate: true)
        default:
            return nil
        }
    }
}
