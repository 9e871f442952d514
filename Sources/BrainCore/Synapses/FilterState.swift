/// A scalar signal running through a ``DiscreteFilter``, one sample at a time, in `Double`,
/// with the step semantics of ``DiscreteFilter`` (no delay: the output at step k includes
/// the input at step k). For analysis and tests; the simulator has its own `Float` kernels.
///
/// ```swift
/// var state = FilterState(try Lowpass(0.005).discretized(dt: 0.001))
/// let y1 = state.step(1)   // 0.18126924692201812
/// ```
public struct FilterState: Sendable {
    /// The filter being run.
    public let filter: DiscreteFilter
    private let form: Form
    /// The states X (for the one-state advanced form, the output y itself).
    private var state: [Double]
    /// Room for `a·X` while it is computed.
    private var next: [Double]

    private enum Form: Sendable {
        /// No states: `y = d u`.
        case feedThrough
        /// One state, d = 0: `y ← a y + (b c) u` (the output itself is the state).
        case firstOrder(a: Double, gain: Double)
        /// d = 0: `X ← a X + b u`, `y = c·X`.
        case advanced
        /// `y = c·X + d u`, then `X ← a X + b u`.
        case general
    }

    /// A filter at rest (all states 0).
    public init(_ filter: DiscreteFilter) {
        self.filter = filter
        let n = filter.stateCount
        if n == 0 {
            form = .feedThrough
        } else if n == 1 && filter.isAdvancedForm {
            form = .firstOrder(a: filter.a[0, 0], gain: filter.b[0] * filter.c[0])
        } else {
            form = filter.isAdvancedForm ? .advanced : .general
        }
        state = [Double](repeating: 0, count: n)
        next = [Double](repeating: 0, count: n)
    }

    /// Returns the states to rest.
    public mutating func reset() {
        for i in 0..<state.count { state[i] = 0 }
    }

    /// Feeds `input` (this step's u_k) and returns this step's output y_k. Does not allocate.
    public mutating func step(_ input: Double) -> Double {
        switch form {
        case .feedThrough:
            return filter.d * input
        case .firstOrder(let a, let gain):
            state[0] = a * state[0] + gain * input
            return state[0]
        case .advanced:
            advance(input)
            return dotC()
        case .general:
            let output = dotC() + filter.d * input
            advance(input)
            return output
        }
    }

    /// `c · X`.
    private func dotC() -> Double {
        var sum = 0.0
        for i in 0..<state.count { sum += filter.c[i] * state[i] }
        return sum
    }

    /// `X ← a X + b u`.
    private mutating func advance(_ input: Double) {
        let n = state.count
        let a = filter.a.values
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n { sum += a[i * n + j] * state[j] }
            next[i] = sum + filter.b[i] * input
        }
        swap(&state, &next)
    }
}
