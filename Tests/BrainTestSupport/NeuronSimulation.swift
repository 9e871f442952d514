import BrainCore

/// Runs a neuron type's `step` the way the simulator does (one state block with a
/// stride, here deliberately larger than the population) and records every step.
public struct NeuronSimulation {
    /// Output of each step, `[step][neuron]`.
    public var outputs: [[Float]] = []
    /// State after each step, `[variable][step][neuron]`, variables in `stateVariables` order.
    public var states: [[[Float]]]

    /// - Parameters:
    ///   - initialState: `[variable][neuron]`, one row per state variable of `neuron`.
    public init(_ neuron: any NeuronType, dt: Double, currents: [Float], initialState: [[Float]], steps: Int) {
        precondition(initialState.count == neuron.stateVariables.count)
        let count = currents.count
        let stride = count + 3
        var state = [Float](repeating: .nan, count: max(1, initialState.count) * stride)
        for (v, row) in initialState.enumerated() {
            for i in 0..<count { state[v * stride + i] = row[i] }
        }
        var output = [Float](repeating: .nan, count: count + 3)
        states = Array(repeating: [], count: initialState.count)
        for _ in 0..<steps {
            currents.withUnsafeBufferPointer { j in
                output.withUnsafeMutableBufferPointer { out in
                    state.withUnsafeMutableBufferPointer { s in
                        neuron.step(
                            dt: dt, count: count, current: j.baseAddress!, output: out.baseAddress!,
                            state: s.baseAddress!, stateStride: stride)
                    }
                }
            }
            outputs.append(Array(output[0..<count]))
            for v in 0..<initialState.count {
                states[v].append(Array(state[(v * stride)..<(v * stride + count)]))
                let padding = state[(v * stride + count)..<((v + 1) * stride)]
                paddingUntouched = paddingUntouched && padding.allSatisfy(\.isNaN)
            }
            paddingUntouched = paddingUntouched && output[count...].allSatisfy(\.isNaN)
        }
    }

    /// Whether the step left everything outside its `count` neurons alone (the padding of
    /// the state rows and of the output, all NaN).
    public private(set) var paddingUntouched = true

    /// The 1-based steps in which `neuron` had a non-zero output.
    public func spikeSteps(neuron: Int) -> [Int] {
        outputs.indices.filter { outputs[$0][neuron] != 0 }.map { $0 + 1 }
    }
}
