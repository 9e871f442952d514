import Testing
@testable import BrainCore

/// The element-wise kernels forming a population's input current, run inside its neuron
/// kernel (``NeuronInputFusion``), compute exactly what they compute on their own.
@Suite("Neuron input fusion")
struct NeuronInputFusionTests {
    /// `J = bias` (two members' copies), `J += gain ⊙ input`, then LIF: separately, fused
    /// into the whole population, and fused into parts cut across the copies' boundary and
    /// the 1024-neuron blocks — bit-identical currents, voltages and spikes over many steps.
    @Test func fusedStagesComputeExactlyWhatSeparateKernelsDo() {
        let count = 3000, split = 1100
        var rng = RandomState(seed: 21)
        let bias = (0..<count).map { _ in Float(rng.uniform(-2, 3)) }
        let gain = (0..<count).map { _ in Float(rng.uniform(0.5, 40)) }
        let type = LIF()
        let dt = 0.001

        let separate = Population(bias: bias, gain: gain)
        let fused = Population(bias: bias, gain: gain)
        let cut = Population(bias: bias, gain: gain)
        let separateStages = separate.stages(split: split)
        let separateNeurons = separate.neurons(type, dt: dt)
        let whole = fused.neurons(type, dt: dt)
        whole.inputStages = zip(fused.stages(split: split), [0, split, 0]).map {
            NeuronKernel.InputStage(kernel: $0, offset: $1)
        }
        let cutWhole = cut.neurons(type, dt: dt)
        cutWhole.inputStages = zip(cut.stages(split: split), [0, split, 0]).map {
            NeuronKernel.InputStage(kernel: $0, offset: $1)
        }
        let parts = [0..<1040, 1040..<2100, 2100..<count].map { cutWhole.part($0) }

        expectSameSteps(
            300, separate: separate, stages: separateStages, neurons: separateNeurons,
            fused: [(fused, [whole]), (cut, parts.reversed())], rng: &rng)
        let spikes = (0..<count).filter { separate.output[$0] > 0 }.count
        #expect(spikes > 0)
    }

    /// The usual pair of stages, `J = bias` and `J += gain ⊙ input` over the whole population,
    /// runs as one pass per block (`J = bias + gain ⊙ input`): the same currents, spikes and
    /// states as the separate kernels, bit for bit, for the whole population and for parts.
    @Test func theBiasAndGainPairRunsAsOnePassWithTheSameResults() {
        let count = 2500
        var rng = RandomState(seed: 5)
        let bias = (0..<count).map { _ in Float(rng.uniform(-2, 3)) }
        let gain = (0..<count).map { _ in Float(rng.uniform(0.5, 40)) }
        let separate = Population(bias: bias, gain: gain)
        let fused = Population(bias: bias, gain: gain)
        let cut = Population(bias: bias, gain: gain)
        /// `J = bias` and `J += gain ⊙ input` over the whole population (the empty second copy
        /// of ``Population/stages(split:)`` left out).
        /// The pair combined into one stage (``NeuronInputFusion/combiningBiasAndGain(_:)``).
        func pair(_ population: Population) -> [NeuronKernel.InputStage] {
            let stages = population.stages(split: count)
            return NeuronInputFusion.combiningBiasAndGain(
                [NeuronKernel.InputStage(kernel: stages[0], offset: 0), NeuronKernel.InputStage(kernel: stages[2], offset: 0)])
        }
        let separateStages = separate.stages(split: count)
        let separateNeurons = separate.neurons(LIF(), dt: 0.001)
        let whole = fused.neurons(LIF(), dt: 0.001)
        whole.inputStages = pair(fused)
        #expect(whole.inputStages.count == 1)
        let cutWhole = cut.neurons(LIF(), dt: 0.001)
        cutWhole.inputStages = pair(cut)
        let parts = [0..<1000, 1000..<count].map { cutWhole.part($0) }
        expectSameSteps(
            200, separate: separate, stages: separateStages, neurons: separateNeurons,
            fused: [(fused, [whole]), (cut, parts)], rng: &rng)
        #expect((0..<count).contains { separate.output[$0] > 0 })
    }

    /// In a simulation, the bias copy and the gain product of a population driven through its
    /// neurons run inside the neuron kernel: three kernels a step (neurons, recurrence,
    /// synapse), not five.
    @Test func aPopulationDrivenThroughItsNeuronsStepsInThreeKernels() throws {
        let (net, _) = try SparseProductTests.sparseRecurrence(neurons: 500)
        let sim = try Simulator(net, threads: 1)
        #expect(sim.kernelsPerStep == 3)
    }
}

/// Runs `steps` steps of random input through the separate stages and neurons and through
/// each fused population's kernels (in the order given), and expects every fused population to
/// hold the separate one's currents, outputs and states, bit for bit, after each step.
private func expectSameSteps(
    _ steps: Int, separate: Population, stages: [Kernel], neurons: NeuronKernel,
    fused: [(population: Population, kernels: [Kernel])], rng: inout RandomState
) {
    let count = separate.count
    for step in 0..<steps {
        let input = (0..<count).map { _ in Float(rng.uniform(-0.05, 0.05)) }
        for population in [separate] + fused.map(\.population) { population.input.update(from: input, count: count) }
        for kernel in stages { kernel.run(time: 0) }
        neurons.run(time: 0)
        for (_, kernels) in fused {
            for kernel in kernels { kernel.run(time: 0) }
        }
        for (population, _) in fused {
            let same = (0..<count).allSatisfy {
                population.current[$0].bitPattern == separate.current[$0].bitPattern
                    && population.output[$0] == separate.output[$0]
                    && population.state[$0].bitPattern == separate.state[$0].bitPattern
                    && population.state[count + $0].bitPattern == separate.state[count + $0].bitPattern
            }
            #expect(same, "step \(step)")
        }
    }
}

/// Arena-like storage for one population: current, output, voltage, refractory time.
private final class Population {
    let bias: UnsafeMutablePointer<Float>, gain: UnsafeMutablePointer<Float>
    let input: UnsafeMutablePointer<Float>, current: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>, state: UnsafeMutablePointer<Float>
    let count: Int

    init(bias: [Float], gain: [Float]) {
        count = bias.count
        self.bias = .allocate(capacity: count)
        self.bias.initialize(from: bias, count: count)
        self.gain = .allocate(capacity: count)
        self.gain.initialize(from: gain, count: count)
        input = .allocate(capacity: count)
        input.initialize(repeating: 0, count: count)
        current = .allocate(capacity: count)
        current.initialize(repeating: 0, count: count)
        output = .allocate(capacity: count)
        output.initialize(repeating: 0, count: count)
        state = .allocate(capacity: 2 * count)
        state.initialize(repeating: 0, count: 2 * count)
    }

    deinit {
        for pointer in [bias, gain, input, current, output, state] { pointer.deallocate() }
    }

    func stages(split: Int) -> [Kernel] {
        [
            CopyKernel(source: bias, target: current, count: split, accumulate: false),
            CopyKernel(source: bias + split, target: current + split, count: count - split, accumulate: false),
            ElementwiseKernel(scale: gain, x: input, y: current, count: count, accumulate: true),
        ]
    }

    func neurons(_ type: any NeuronType, dt: Double) -> NeuronKernel {
        NeuronKernel(
            type: type, current: current, output: output, state: state, count: count, stateStride: count, dt: dt)
    }
}
