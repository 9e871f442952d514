/// Steps a population of neurons of one type with the type's own kernel.
final class NeuronKernel: Kernel, @unchecked Sendable {
    let type: any NeuronType
    let current: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let state: UnsafeMutablePointer<Float>
    let count: Int
    let stateStride: Int
    let dt: Float

    init(type: any NeuronType, current: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
         state: UnsafeMutablePointer<Float>, count: Int, stateStride: Int, dt: Float) {
        self.type = type
        self.current = current
        self.output = output
        self.state = state
        self.count = count
        self.stateStride = stateStride
        self.dt = dt
    }

    func run(time: Double) {
        type.step(dt: dt, count: count, current: current, output: output, state: state, stateStride: stateStride)
    }

    var cost: Int { count * 4 }
}
