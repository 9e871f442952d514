/// Action selection by the basal ganglia (Nengo's `BasalGanglia`): the model of Gurney,
/// Prescott & Redgrave (2001), made spiking by Stewart, Choo & Eliasmith (2010).
///
/// ``input`` takes one utility per action (best in the range 0.5–1.5); ``output`` is about 0
/// for the action with the largest utility and negative for the others, more negative for
/// smaller utilities (−0.8 or lower for a margin of 0.4). Feed it to a ``Thalamus`` to get 1
/// for the selected action and 0 elsewhere.
///
/// Five ``EnsembleArray``s of `dimensions` one-dimensional ensembles each (radius 1.5,
/// encoders +1, decoders solved by `NnlsL2nz`, so non-negative) model the nuclei. With u the
/// input and `LP₂`, `LP₈` the AMPA and GABA synapses, each population represents
///
///     strD1  = 1.2·u
///     strD2  = 0.8·u
///     stn    = u − LP₈[gpe(gpe)]
///     gpe    = −LP₈[str(strD2)] + 0.9·Σⱼ LP₂[stn(stnⱼ)]
///     gpi    = −LP₈[str(strD1)] + 0.9·Σⱼ LP₂[stn(stnⱼ)] − 0.3·LP₈[gpe(gpe)]
///     output = outputWeight · gpi(gpi)
///
/// and decodes its rectifier (``Weights``): str(x) = max(0, x − 0.2), stn(x) = max(0, x + 0.25),
/// gpe(x) = gpi(x) = max(0, x + 0.2). The STN excites every GPe and GPi channel, its own
/// included. Intercepts (in units of the radius) start each population at its threshold:
/// Uniform(0.2, 1) for the striatum, Uniform(−0.25, 1) for the STN, Uniform(−0.2, 1) for GPe
/// and GPi. In Direct mode the network computes exactly this rate model; its steady state for
/// u = [0.8, 0.4, 0.6, 0.3, 0.5] is y ≈ [−0.053, −1.205, −0.629, −1.493, −0.917].
public final class BasalGanglia {
    /// Nengo's AMPA synapse, `Lowpass(0.002)`: STN → GPi and STN → GPe.
    public static let defaultAMPASynapse: any Synapse = Lowpass(validatedTau: 0.002)
    /// Nengo's GABA synapse, `Lowpass(0.008)`: StrD1 → GPi, StrD2 → GPe, GPe → GPi, GPe → STN.
    public static let defaultGABASynapse: any Synapse = Lowpass(validatedTau: 0.008)

    /// The subnetwork holding the populations and ports.
    public let network: Network
    /// Striatal neurons with D1 dopamine receptors (inhibit GPi).
    public let strD1: EnsembleArray
    /// Striatal neurons with D2 dopamine receptors (inhibit GPe).
    public let strD2: EnsembleArray
    /// Subthalamic nucleus (excites GPi and GPe).
    public let stn: EnsembleArray
    /// Globus pallidus internus (with the substantia nigra reticulata): the output nucleus.
    public let gpi: EnsembleArray
    /// Globus pallidus externus (inhibits GPi and the STN).
    public let gpe: EnsembleArray
    /// The utilities, one per action: a passthrough node of ``dimensions`` values.
    public let input: Node
    /// `outputWeight · gpi(gpi)`: about 0 for the selected action, negative elsewhere.
    public let output: Node
    /// The constant node adding `inputBias` to every utility (through `Lowpass(0.005)`), when
    /// `inputBias ≠ 0`.
    public let biasInput: Node?
    /// The synapse of the connections onto AMPA receptors (nil: none).
    public let ampaSynapse: (any Synapse)?
    /// The synapse of the connections onto GABA receptors (nil: none).
    public let gabaSynapse: (any Synapse)?

    /// - Parameters:
    ///   - parent: the network to build in.
    ///   - dimensions: the number of actions, ≥ 1.
    ///   - neuronsPerEnsemble: neurons per action in each of the five populations, ≥ 1
    ///     (`5 · dimensions · neuronsPerEnsemble` neurons in all).
    ///   - outputWeight: the transform from GPi's decoded output to ``output`` (default −3).
    ///   - inputBias: a constant added to every utility (default 0: no bias node).
    ///   - ampaSynapse: the synapse of STN → GPi and STN → GPe (default `Lowpass(0.002)`;
    ///     nil for none).
    ///   - gabaSynapse: the synapse of StrD1 → GPi, StrD2 → GPe, GPe → GPi and GPe → STN
    ///     (default `Lowpass(0.008)`; nil for none).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    /// - Throws: `BrainKitError` when a size is < 1 or a weight is not finite.
    public init(
        in parent: Network, label: String = "Basal Ganglia", dimensions: Int, neuronsPerEnsemble: Int = 100,
        outputWeight: Double = -3, inputBias: Double = 0,
        ampaSynapse: (any Synapse)? = BasalGanglia.defaultAMPASynapse,
        gabaSynapse: (any Synapse)? = BasalGanglia.defaultGABASynapse, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "BasalGanglia '\(label)'"
        try Check.atLeast(dimensions, 1, name, "dimensions")
        try Check.atLeast(neuronsPerEnsemble, 1, name, "neuronsPerEnsemble")
        try Check.finite([outputWeight], name, "outputWeight")
        try Check.finite([inputBias], name, "inputBias")
        var shared = ModelDefaults()
        shared.radius = 1.5
        shared.encoders = try Choice(rows: Matrix([[1]]))
        shared.solver = NnlsL2nz()
        let network = try parent.network(label: label, seed: seed, defaults: shared)
        func population(_ label: String, threshold: Double) throws(BrainKitError) -> EnsembleArray {
            var defaults = ModelDefaults()
            defaults.intercepts = Uniform(threshold, 1)
            return try EnsembleArray(
                in: network, label: label, neurons: neuronsPerEnsemble, ensembles: dimensions, defaults: defaults)
        }
        strD1 = try population("Striatal D1 neurons", threshold: Weights.striatumThreshold)
        strD2 = try population("Striatal D2 neurons", threshold: Weights.striatumThreshold)
        stn = try population("Subthalamic nucleus", threshold: Weights.stnThreshold)
        gpi = try population("Globus pallidus internus", threshold: Weights.gpiThreshold)
        gpe = try population("Globus pallidus externus", threshold: Weights.gpeThreshold)
        input = try network.node(label: "input", sizeIn: dimensions)
        output = try network.node(label: "output", sizeIn: dimensions)
        if inputBias != 0 {
            let bias = try network.node(
                label: "basal ganglia bias", output: [Double](repeating: inputBias, count: dimensions))
            try network.connect(bias, to: input)
            biasInput = bias
        } else {
            biasInput = nil
        }
        self.network = network
        self.ampaSynapse = ampaSynapse
        self.gabaSynapse = gabaSynapse
        try wire(dimensions: dimensions, outputWeight: outputWeight)
    }

    /// The number of actions.
    public var dimensions: Int { input.sizeIn }

    /// The connections of the table in the type's documentation.
    private func wire(dimensions: Int, outputWeight: Double) throws(BrainKitError) {
        typealias W = Weights
        let d1Gain = W.striatumInput * (1 + W.d1Modulation), d2Gain = W.striatumInput * (1 - W.d2Modulation)
        try network.connect(input, to: strD1.input, synapse: nil, transform: .scalar(d1Gain))
        try network.connect(input, to: strD2.input, synapse: nil, transform: .scalar(d2Gain))
        try network.connect(input, to: stn.input, synapse: nil, transform: .scalar(W.stnInput))

        let strD1Output = try strD1.addOutput("func_str", function: W.striatum)
        let strD2Output = try strD2.addOutput("func_str", function: W.striatum)
        try network.connect(strD1Output, to: gpi.input, synapse: gabaSynapse, transform: .scalar(-W.striatumInhibition))
        try network.connect(strD2Output, to: gpe.input, synapse: gabaSynapse, transform: .scalar(-W.striatumInhibition))

        let diffuse = Transform.dense(Matrix(rows: dimensions, columns: dimensions, repeating: W.stnExcitation))
        let stnOutput = try stn.addOutput("func_stn", function: W.stn)
        try network.connect(stnOutput, to: gpi.input, synapse: ampaSynapse, transform: diffuse)
        try network.connect(stnOutput, to: gpe.input, synapse: ampaSynapse, transform: diffuse)

        let gpeOutput = try gpe.addOutput("func_gpe", function: W.gpe)
        try network.connect(gpeOutput, to: gpi.input, synapse: gabaSynapse, transform: .scalar(-W.gpeToGpi))
        try network.connect(gpeOutput, to: stn.input, synapse: gabaSynapse, transform: .scalar(-W.gpeToStn))

        let gpiOutput = try gpi.addOutput("func_gpi", function: W.gpi)
        try network.connect(gpiOutput, to: output, synapse: nil, transform: .scalar(outputWeight))
    }
}
