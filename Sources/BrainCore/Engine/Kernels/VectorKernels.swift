import CStepLoops

/// `target = value`.
final class ResetKernel: Kernel, @unchecked Sendable {
    let target: UnsafeMutablePointer<Float>
    let count: Int
    let value: Float

    init(target: UnsafeMutablePointer<Float>, count: Int, value: Float) {
        self.target = target
        self.count = count
        self.value = value
    }

    override func run(time: Double) {
        run(elements: 0..<count)
    }

    override var runsElementwise: Bool { true }

    override func run(elements range: Range<Int>) {
        (target + range.lowerBound).update(repeating: value, count: range.count)
    }

    override var cost: Int { count }
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        ResetKernel(target: target + range.lowerBound, count: range.count, value: value)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.writes(target, count: count)
        return footprint
    }
}

/// `target (+)= source`, element by element; when `broadcast`, `source` is one value for
/// every element (`target[i] (+)= source[0]`).
final class CopyKernel: Kernel, @unchecked Sendable {
    let source: UnsafeMutablePointer<Float>
    let target: UnsafeMutablePointer<Float>
    let count: Int
    let accumulate: Bool
    /// Whether `source` is a single value for every element.
    let broadcast: Bool

    init(source: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool,
         broadcast: Bool = false) {
        self.source = source
        self.target = target
        self.count = count
        self.accumulate = accumulate
        self.broadcast = broadcast
    }

    override func run(time: Double) {
        run(elements: 0..<count)
    }

    override var runsElementwise: Bool { true }

    override func run(elements range: Range<Int>) {
        if broadcast {
            let v = source[0]
            if accumulate {
                csl_add_value(range.count, v, target + range.lowerBound)
            } else {
                (target + range.lowerBound).update(repeating: v, count: range.count)
            }
        } else if accumulate {
            csl_add(range.count, source + range.lowerBound, target + range.lowerBound)
        } else {
            (target + range.lowerBound).update(from: source + range.lowerBound, count: range.count)
        }
    }

    override var cost: Int { count }
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        CopyKernel(
            source: broadcast ? source : source + range.lowerBound, target: target + range.lowerBound,
            count: range.count, accumulate: accumulate, broadcast: broadcast)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(source, count: broadcast ? 1 : count)
        footprint.writes(target, count: count)
        return footprint
    }
}

/// `target[k] (+)= source[indices[k]]`.
final class GatherKernel: Kernel, @unchecked Sendable {
    let source: UnsafeMutablePointer<Float>
    let target: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int>
    let count: Int
    let accumulate: Bool

    init(source: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>, indices: [Int], accumulate: Bool) {
        self.source = source
        self.target = target
        self.count = indices.count
        self.indices = .allocate(capacity: max(indices.count, 1))
        self.indices.initialize(from: indices, count: indices.count)
        self.accumulate = accumulate
    }

    deinit { indices.deallocate() }

    override func run(time: Double) {
        var k = 0
        if accumulate {
            while k < count {
                target[k] += source[indices[k]]
                k += 1
            }
        } else {
            while k < count {
                target[k] = source[indices[k]]
                k += 1
            }
        }
    }

    override var cost: Int { count }
}

/// `target[indices[k]] += source[k]`, repeated indices accumulating in order.
final class ScatterAddKernel: Kernel, @unchecked Sendable {
    let source: UnsafeMutablePointer<Float>
    let target: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int>
    let count: Int

    init(source: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>, indices: [Int]) {
        self.source = source
        self.target = target
        self.count = indices.count
        self.indices = .allocate(capacity: max(indices.count, 1))
        self.indices.initialize(from: indices, count: indices.count)
    }

    deinit { indices.deallocate() }

    override func run(time: Double) {
        var k = 0
        while k < count {
            target[indices[k]] += source[k]
            k += 1
        }
    }

    override var cost: Int { count }
}

/// `y (+)= scale ⊙ x`, or `y = bias + scale ⊙ x` (a bias copy and the product fused:
/// ``NeuronInputFusion``; the same operations, in one pass). When `broadcast`, `x` is one
/// value used for every element (`y[i] (+)= scale[i] · x[0]`).
final class ElementwiseKernel: Kernel, @unchecked Sendable {
    let scale: UnsafeMutablePointer<Float>
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let count: Int
    let accumulate: Bool
    /// When set, `y = bias + scale ⊙ x` (and `accumulate` is false).
    let bias: UnsafeMutablePointer<Float>?
    /// Whether `x` is a single value for every element.
    let broadcast: Bool

    init(scale: UnsafeMutablePointer<Float>, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
         count: Int, accumulate: Bool, bias: UnsafeMutablePointer<Float>? = nil, broadcast: Bool = false) {
        precondition(bias == nil || !accumulate, "ElementwiseKernel: a bias replaces y")
        self.scale = scale
        self.x = x
        self.y = y
        self.count = count
        self.accumulate = accumulate
        self.bias = bias
        self.broadcast = broadcast
    }

    override func run(time: Double) {
        run(elements: 0..<count)
    }

    override var runsElementwise: Bool { true }

    override func run(elements range: Range<Int>) {
        if broadcast {
            runBroadcast(elements: range)
            return
        }
        let start = range.lowerBound, count = range.count
        if let bias {
            csl_multiply_plus(count, scale + start, x + start, bias + start, y + start)
        } else {
            csl_multiply(count, scale + start, x + start, y + start, accumulate)
        }
    }

    /// The same operations with the one value `x[0]` (the matrix-vector scaling loops:
    /// `scale[i] · x₀` is `x₀ · scale[i]`, and addition commutes, bit for bit).
    private func runBroadcast(elements range: Range<Int>) {
        let start = range.lowerBound, count = range.count
        if let bias {
            csl_scale_plus(count, scale + start, x[0], bias + start, y + start)
        } else {
            csl_scale(count, scale + start, x[0], y + start, accumulate)
        }
    }

    override var cost: Int { count }
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        let start = range.lowerBound
        return ElementwiseKernel(
            scale: scale + start, x: broadcast ? x : x + start, y: y + start, count: range.count,
            accumulate: accumulate, bias: bias.map { $0 + start }, broadcast: broadcast)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(scale, count: count)
        footprint.reads(x, count: broadcast ? 1 : count)
        if let bias { footprint.reads(bias, count: count) }
        footprint.writes(y, count: count)
        return footprint
    }
}

/// `y (+)= factor · x`.
final class ScaledKernel: Kernel, @unchecked Sendable {
    let factor: Float
    let x: UnsafeMutablePointer<Float>
    let y: UnsafeMutablePointer<Float>
    let count: Int
    let accumulate: Bool

    init(factor: Float, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        self.factor = factor
        self.x = x
        self.y = y
        self.count = count
        self.accumulate = accumulate
    }

    override func run(time: Double) {
        run(elements: 0..<count)
    }

    override var runsElementwise: Bool { true }

    override func run(elements range: Range<Int>) {
        csl_scale(range.count, x + range.lowerBound, factor, y + range.lowerBound, accumulate)
    }

    override var cost: Int { count }
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        let start = range.lowerBound
        return ScaledKernel(factor: factor, x: x + start, y: y + start, count: range.count, accumulate: accumulate)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(x, count: count)
        footprint.writes(y, count: count)
        return footprint
    }
}
