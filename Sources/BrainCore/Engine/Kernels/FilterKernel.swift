import CStepLoops

/// A synapse in update mode over `count` elements, each filtered independently by the same
/// ``DiscreteFilter``; states are stored state-major (`state[k * stateStride + i]`, the stride
/// being the whole signal's length, so that a part of the kernel indexes the same storage).
///
/// - no states: `y = d·u`;
/// - one state and `d == 0` (Lowpass): `y = a·y + (b·c)·u`, the output being its own state
///   (Nengo's form for one state; no state signal, one array less to read and write);
/// - `d == 0`: `X = a·X + b·u`, `y = c·X` (the output includes the current input);
/// - otherwise: `y = c·X + d·u` with the old X, then `X = a·X + b·u`.
///
/// No states, Lowpass and the last form with one state run as CStepLoops' loops
/// (`csl_scale`, `csl_lowpass`, `csl_first_order`), compiled for several instruction sets.
final class FilterKernel: Kernel, @unchecked Sendable {
    let input: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let state: UnsafeMutablePointer<Float>?
    let count: Int
    let stateStride: Int
    let order: Int
    let advanced: Bool
    /// Coefficients as Float: a (order x order, row-major), b, c, d.
    let a: [Float], b: [Float], c: [Float], d: Float
    /// Scratch for the new state of one element (order values), allocated once.
    let scratch: UnsafeMutablePointer<Float>

    convenience init(filter: DiscreteFilter, input: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
                     state: UnsafeMutablePointer<Float>?, count: Int) {
        self.init(
            input: input, output: output, state: state, count: count, stateStride: count, order: filter.stateCount,
            advanced: filter.isAdvancedForm, a: filter.a.values.map { Float($0) }, b: filter.b.map { Float($0) },
            c: filter.c.map { Float($0) }, d: Float(filter.d))
    }

    private init(input: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
                 state: UnsafeMutablePointer<Float>?, count: Int, stateStride: Int, order: Int, advanced: Bool,
                 a: [Float], b: [Float], c: [Float], d: Float) {
        self.input = input
        self.output = output
        self.state = state
        self.count = count
        self.stateStride = stateStride
        self.order = order
        self.advanced = advanced
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.scratch = .allocate(capacity: max(order, 1))
    }

    deinit { scratch.deallocate() }

    override func run(time: Double) {
        if FilterKernel.keepsStateInOutput(order: order, advanced: advanced) {
            csl_lowpass(count, a[0], b[0] * c[0], input, output)
            return
        }
        guard let state, order > 0 else {
            csl_scale(count, input, d, output, false)
            return
        }
        if order == 1 {
            csl_first_order(count, a[0], b[0], c[0], d, input, state, output)
            return
        }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeBufferPointer { c in
                    runGeneral(state: state, a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!)
                }
            }
        }
    }

    @inline(__always)
    private func runGeneral(
        state: UnsafeMutablePointer<Float>, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafePointer<Float>
    ) {
        var i = 0
        while i < count {
            let u = input[i]
            if !advanced {
                var y = d * u
                var k = 0
                while k < order {
                    y += c[k] * state[k * stateStride + i]
                    k += 1
                }
                output[i] = y
            }
            var row = 0
            while row < order {
                var x = b[row] * u
                var k = 0
                while k < order {
                    x += a[row * order + k] * state[k * stateStride + i]
                    k += 1
                }
                scratch[row] = x
                row += 1
            }
            var y = Float(0)
            row = 0
            while row < order {
                state[row * stateStride + i] = scratch[row]
                y += c[row] * scratch[row]
                row += 1
            }
            if advanced { output[i] = y }
            i += 1
        }
    }

    /// Whether a filter of this form keeps its one state in its output (then it has no state
    /// signal: ``Builder``).
    static func keepsStateInOutput(order: Int, advanced: Bool) -> Bool { order == 1 && advanced }

    override var cost: Int { count * (order + 1) * (order + 1) }
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        let start = range.lowerBound
        return FilterKernel(
            input: input + start, output: output + start, state: state.map { $0 + start }, count: range.count,
            stateStride: stateStride, order: order, advanced: advanced, a: a, b: b, c: c, d: d)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(input, count: count)
        footprint.writes(output, count: count)
        if let state {
            for k in 0..<order { footprint.writes(state + k * stateStride, count: count) }
        }
        return footprint
    }
}
