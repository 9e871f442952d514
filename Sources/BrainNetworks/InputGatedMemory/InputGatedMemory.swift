import BrainCore

/// A working memory that tracks its input while the gate is open and holds the value while it
/// is closed (Nengo's `InputGatedMemory`).
///
/// Two ensemble arrays of `neurons` neurons per dimension: ``memory`` (Nengo's `mem`) keeps the
/// value `m` through a recurrent connection of weight `feedback` and synapse
/// `recurrentSynapse`; ``difference`` (`diff`) represents `d = u − m` (``input`` is its input,
/// `m` arrives with weight −1 and the default `Lowpass(0.005)`), and feeds the memory with
/// weight `differenceGain` through `differenceSynapse`. With lowpass synapses of τ,
///
///     τ·ṁ ≈ (feedback − 1)·m + differenceGain·(u − m),
///
/// so with feedback 1 the memory moves to `u` with time constant `τ/differenceGain` and keeps
/// it once `d` is silenced. ``gate`` drives every difference neuron with weight −10 and no
/// synapse: gate 0 lets the memory track the input, gate ≥ 1 silences the difference, and the
/// memory holds. ``reset`` drives every memory neuron with weight −3 and no synapse, which
/// silences the memory and so clears it to 0. ``output`` is the memory's value.
///
/// Direct mode (``memory`` and ``difference`` built with `Direct()` neurons) has no neurons to
/// inhibit, so Nengo cannot build it; here the gate and reset then scale the difference and the
/// memory value by `1 − clamp(g, 0, 1)`, which is what the inhibition does at g = 0 and g ≥ 1:
/// a node between `diff` and the memory's input applies the gate, and a node after `mem`
/// applies the reset and becomes ``output`` (feeding the recurrence and the difference).
public final class InputGatedMemory {
    /// The subnetwork holding both arrays and the nodes.
    public let network: Network
    /// The array holding the remembered value (Nengo's `mem`).
    public let memory: EnsembleArray
    /// The array representing input minus memory (Nengo's `diff`).
    public let difference: EnsembleArray
    /// The value to remember: the difference array's input, ``dimensions`` values.
    public let input: Node
    /// Closes the memory: 1 value; 0 tracks the input, ≥ 1 holds (a passthrough node).
    public let gate: Node
    /// Clears the memory: 1 value; ≥ 1 silences the memory (a passthrough node).
    public let reset: Node
    /// The remembered value, ``dimensions`` values with no synapse.
    public let output: Node
    /// The weight of the memory's recurrent connection (1 holds; less decays).
    public let feedback: Double
    /// The weight of the difference feeding the memory.
    public let differenceGain: Double
    /// The synapse of the memory's recurrent connection.
    public let recurrentSynapse: any Synapse
    /// The synapse from the difference to the memory.
    public let differenceSynapse: any Synapse

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - neurons: neurons per dimension in each of the two arrays.
    ///   - dimensions: the number of values remembered.
    ///   - feedback: the recurrent weight (Nengo: 1); below 1 the memory decays.
    ///   - differenceGain: how strongly the difference drives the memory (Nengo: 1).
    ///   - recurrentSynapse: the memory's recurrent synapse (Nengo: `Lowpass(0.1)`).
    ///   - differenceSynapse: the synapse from the difference to the memory; nil uses
    ///     `recurrentSynapse`.
    ///   - defaults: ensemble parameters shared by both arrays.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` for sizes < 1, a non-finite weight, or an invalid ensemble
    ///   parameter.
    public init(
        in parent: Network, label: String = "InputGatedMemory", neurons: Int, dimensions: Int, feedback: Double = 1,
        differenceGain: Double = 1, recurrentSynapse: any Synapse, differenceSynapse: (any Synapse)? = nil,
        defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "InputGatedMemory '\(label)'"
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.finite([feedback], name, "feedback")
        try Check.finite([differenceGain], name, "differenceGain")
        network = try parent.network(label: label, seed: seed, defaults: defaults)
        self.feedback = feedback
        self.differenceGain = differenceGain
        self.recurrentSynapse = recurrentSynapse
        self.differenceSynapse = differenceSynapse ?? recurrentSynapse
        memory = try EnsembleArray(in: network, label: "mem", neurons: neurons, ensembles: dimensions)
        difference = try EnsembleArray(in: network, label: "diff", neurons: neurons, ensembles: dimensions)
        input = difference.input
        gate = try network.node(label: "gate", sizeIn: 1)
        reset = try network.node(label: "reset", sizeIn: 1)
        if memory.ensembles[0].neuronType.isDirect {
            let gatedDifference = try InputGatedMemory.scalingNode(
                in: network, label: "gated difference", dimensions: dimensions)
            output = try InputGatedMemory.scalingNode(in: network, label: "memory value", dimensions: dimensions)
            try wireDirect(gatedDifference: gatedDifference)
        } else {
            output = memory.output
            try wireNeural(neurons: neurons * dimensions)
        }
    }

    /// Nengo's wiring: the gate and reset inhibit the neurons.
    private func wireNeural(neurons: Int) throws(BrainKitError) {
        try network.connect(memory.output, to: memory.input, synapse: recurrentSynapse, transform: .scalar(feedback))
        try network.connect(memory.output, to: difference.input, transform: -1)
        try network.connect(
            difference.output, to: memory.input, synapse: differenceSynapse, transform: .scalar(differenceGain))
        try network.connect(
            gate, to: try difference.addNeuronInput(), synapse: nil,
            transform: .dense(Matrix(rows: neurons, columns: 1, repeating: InputGatedMemory.gateWeight)))
        try network.connect(
            reset, to: try memory.addNeuronInput(), synapse: nil,
            transform: .dense(Matrix(rows: neurons, columns: 1, repeating: InputGatedMemory.resetWeight)))
    }

    /// The number of values remembered.
    public var dimensions: Int { memory.dimensions }

    /// The weight from ``gate`` to every difference neuron (Nengo: −10).
    public static let gateWeight = -10.0
    /// The weight from ``reset`` to every memory neuron (Nengo: −3).
    public static let resetWeight = -3.0
}

extension InputGatedMemory {
    /// Tracks its input (synapses given as lowpass time constants, in seconds).
    ///
    /// - Parameters:
    ///   - recurrentSynapse: τ of the memory's recurrent `Lowpass` (Nengo: 0.1 s).
    ///   - differenceSynapse: τ of the `Lowpass` from the difference to the memory; nil uses
    ///     `recurrentSynapse`.
    ///   - parent: the network to build in.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - neurons: neurons per dimension in each of the two arrays.
    ///   - dimensions: the number of values remembered.
    ///   - feedback: the recurrent weight (Nengo: 1); below 1 the memory decays.
    ///   - differenceGain: how strongly the difference drives the memory (Nengo: 1).
    ///   - defaults: ensemble parameters shared by both arrays.
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    /// - Throws: `BrainKitError` as the designated initialiser, or for a negative τ.
    public convenience init(
        in parent: Network, label: String = "InputGatedMemory", neurons: Int, dimensions: Int, feedback: Double = 1,
        differenceGain: Double = 1, recurrentSynapse: Double = 0.1, differenceSynapse: Double? = nil,
        defaults: ModelDefaults = ModelDefaults(), seed: Int? = nil
    ) throws(BrainKitError) {
        try self.init(
            in: parent, label: label, neurons: neurons, dimensions: dimensions, feedback: feedback,
            differenceGain: differenceGain, recurrentSynapse: try Lowpass(recurrentSynapse),
            differenceSynapse: try differenceSynapse.map { (tau: Double) throws(BrainKitError) in try Lowpass(tau) },
            defaults: defaults, seed: seed)
    }
}
