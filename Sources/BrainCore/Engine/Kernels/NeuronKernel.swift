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

    /// Neurons are independent.
    override var splittableLength: Int { count }

    override func part(_ range: Range<Int>) -> Kernel {
        NeuronKernel(
            type: type, current: current + range.lowerBound, output: output + range.lowerBound,
            state: state + range.lowerBound, count: range.count, stateStride: stateStride, dt: dt)
    }

    override var footprint: MemoryFootprint? {
        var footprint = MemoryFootprint()
        footprint.reads(current, count: count)
        footprint.writes(output, count: count)
        for variable in type.stateVariables.indices {
            footprint.writes(state + variable * stateStride, count: count)
        }
        return footprint
    }
}
