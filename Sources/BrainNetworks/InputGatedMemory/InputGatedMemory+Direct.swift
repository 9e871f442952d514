import BrainCore

extension InputGatedMemory {
    /// Direct mode's wiring: ``gate`` scales the difference on its way to the memory
    /// (`gatedDifference`), and ``reset`` scales the memory's value into ``output``, which
    /// feeds the recurrence and the difference.
    func wireDirect(gatedDifference: Node) throws(BrainKitError) {
        let d = dimensions
        try network.connect(difference.output, to: gatedDifference[0..<d], synapse: nil)
        try network.connect(gate, to: gatedDifference[d], synapse: nil)
        try network.connect(
            gatedDifference, to: memory.input, synapse: differenceSynapse, transform: .scalar(differenceGain))
        try network.connect(memory.output, to: output[0..<d], synapse: nil)
        try network.connect(reset, to: output[d], synapse: nil)
        try network.connect(output, to: memory.input, synapse: recurrentSynapse, transform: .scalar(feedback))
        try network.connect(output, to: difference.input, transform: -1)
    }

    /// A node of `dimensions + 1` inputs `(v, g)` that outputs `v·(1 − clamp(g, 0, 1))`: the
    /// whole value for g ≤ 0, nothing for g ≥ 1.
    static func scalingNode(in network: Network, label: String, dimensions: Int) throws(BrainKitError) -> Node {
        try network.node(label: label, sizeIn: dimensions + 1, sizeOut: dimensions) { _, input, output in
            guard let values = input.baseAddress, let scaled = output.baseAddress else { return }
            let pass = 1 - min(max(values[dimensions], 0), 1)
            var i = 0
            while i < dimensions {
                scaled[i] = values[i] * pass
                i += 1
            }
        }
    }
}
