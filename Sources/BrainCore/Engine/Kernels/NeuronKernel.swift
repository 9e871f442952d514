/// Steps a population of neurons of one type with the type's own kernel.
final class NeuronKernel: Kernel, @unchecked Sendable {
    let type: any NeuronType
    let current: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let state: UnsafeMutablePointer<Float>
    let count: Int
    let stateStride: Int
    let dt: Double

    init(type: any NeuronType, current: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
         state: UnsafeMutablePointer<Float>, count: Int, stateStride: Int, dt: Double) {
        self.type = type
        self.current = current
        self.output = output
        self.state = state
        self.count = count
        self.stateStride = stateStride
        self.dt = dt
    }

    override func run(time: Double) {
        type.step(dt: dt, count: count, current: current, output: output, state: state, stateStride: stateStride)
    }

    override var cost: Int { count * 4 }

    /// Ranges of whole SIMD blocks of neurons; neurons are independent.
    override func split(into parts: Int) -> [Kernel]? {
        let block = 16
        let perPart = (count + parts * block - 1) / (parts * block) * block
        guard parts > 1, perPart < count else { return nil }
        return stride(from: 0, to: count, by: perPart).map { start in
            NeuronKernel(
                type: type, current: current + start, output: output + start, state: state + start,
                count: min(perPart, count - start), stateStride: stateStride, dt: dt)
        }
    }
}
