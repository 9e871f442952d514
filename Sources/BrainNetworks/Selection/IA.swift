import BrainCore

/// Independent accumulator winner-take-all (nengo_spa's `networks.selection.IA`; Gosmann,
/// Voelker & Eliasmith 2017, "A spiking independent accumulator model for winner-take-all
/// computation").
///
/// Two layers of ``Thresholding`` arrays, with N choices, τ_a = `accumulatorSynapse`,
/// τ_f = `feedforwardSynapse`, T = `accumulatorTimescale`, ε = `feedbackTimescale` and
/// r = `radius`:
///
/// 1. ``accumulators`` (threshold 0, `Int(accumulatorNeuronRatio · neurons)` neurons each)
///    integrate their input: a recurrent connection of weight 1 through Lowpass(τ_a), and
///    `input` arrives with weight 1/T and no synapse, so `dx/dt ≈ u/T` (x is the evidence).
/// 2. ``thresholding`` (the remaining neurons, threshold `accumulatorThreshold`, function
///    the step `x > accumulatorThreshold`) reads the accumulators through Lowpass(τ_f); its
///    output is 1 for a choice whose evidence passed the threshold, else 0.
/// 3. The step outputs feed back into the accumulators through Lowpass(τ_a) with transform
///    `τ_a · (I − β (1 − I) / ε)`, β = 1 + r ε / T (self +τ_a, others −β τ_a / ε, which
///    is −20.5 with the defaults). Through the integrator this is `dx_i/dt += s_i − (β/ε)
///    Σ_{j≠i} s_j` for steps s: a selected choice keeps growing and drives every other
///    accumulator down fast (205 per second with the defaults).
///
/// ``inputReset`` drives every accumulator with `−r / τ_a` (no synapse), emptying them so a
/// new choice can be made; the selection otherwise stays until reset.
public final class IA {
    /// The subnetwork holding both layers.
    public let network: Network
    /// Layer 1: the evidence accumulators.
    public let accumulators: Thresholding
    /// Layer 2: the step thresholds on the accumulated evidence.
    public let thresholding: Thresholding
    /// The evidence for each choice (N values).
    public let input: Node
    /// A scalar that empties all accumulators while positive.
    public let inputReset: Node
    /// 1 for the selected choice, 0 for the others (``thresholding``'s output).
    public var output: Node { thresholding.output }

    /// - Parameters:
    ///   - neurons: neurons per choice, split between the two layers.
    ///   - count: the number of choices.
    ///   - accumulatorThreshold: the evidence needed to select a choice.
    ///   - accumulatorNeuronRatio: the fraction of `neurons` in the accumulator layer, in
    ///     (0, 1); each layer needs at least one neuron.
    ///   - accumulatorTimescale: T, the time (seconds) a unit input takes to accumulate
    ///     evidence 1.
    ///   - feedbackTimescale: ε, the time scale (seconds) of the selected choice's inhibition
    ///     of the others.
    ///   - accumulatorSynapse: τ_a, the lowpass time constant (seconds) of the connections
    ///     into the accumulators.
    ///   - feedforwardSynapse: τ_f, the lowpass time constant (seconds) from the accumulators
    ///     to the thresholds.
    ///   - interceptWidth: as for ``Thresholding``, for both layers.
    ///   - radius: as for ``Thresholding``, for both layers.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - parent: the network to build in.
    /// - Throws: `BrainKitError` for an invalid size, ratio, timescale or synapse.
    public init(
        in parent: Network, label: String = "IA", neurons: Int, count: Int, accumulatorThreshold: Double = 0.8,
        accumulatorNeuronRatio: Double = 0.7, accumulatorTimescale: Double = 0.2, feedbackTimescale: Double = 0.005,
        accumulatorSynapse: Double = 0.1, feedforwardSynapse: Double = 0.005, interceptWidth: Double = 0.15,
        radius: Double = 1, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "IA '\(label)'"
        try Check.finite([accumulatorNeuronRatio], name, "accumulatorNeuronRatio")
        try Check.greaterThan(accumulatorNeuronRatio, 0, name, "accumulatorNeuronRatio")
        try Check.atMost(accumulatorNeuronRatio, 1, name, "accumulatorNeuronRatio")
        let accumulatorNeurons = Int(accumulatorNeuronRatio * Double(neurons))
        let thresholdNeurons = neurons - accumulatorNeurons
        guard accumulatorNeurons >= 1, thresholdNeurons >= 1 else {
            throw .validation(
                name, "neurons",
                "\(neurons) neurons at ratio \(accumulatorNeuronRatio) leave \(accumulatorNeurons) accumulator and "
                    + "\(thresholdNeurons) threshold neurons; each layer needs at least 1")
        }
        for (value, parameter) in [
            (accumulatorTimescale, "accumulatorTimescale"), (feedbackTimescale, "feedbackTimescale"),
            (accumulatorSynapse, "accumulatorSynapse"),
        ] {
            try Check.finite([value], name, parameter)
            try Check.greaterThan(value, 0, name, parameter)
        }
        try Check.finite([feedforwardSynapse], name, "feedforwardSynapse")
        try Check.atLeast(feedforwardSynapse, 0, name, "feedforwardSynapse")
        let defaults = try Thresholding.validated(
            name: name, neurons: neurons, count: count, threshold: accumulatorThreshold,
            interceptWidth: interceptWidth, radius: radius)

        network = try parent.network(label: label, seed: seed)
        accumulators = try Thresholding(
            building: try network.network(label: "accumulators"), neurons: accumulatorNeurons, count: count,
            threshold: 0, function: nil, defaults: defaults)
        thresholding = try Thresholding(
            building: try network.network(label: "thresholding"), neurons: thresholdNeurons, count: count,
            threshold: accumulatorThreshold, function: { x in x > accumulatorThreshold ? 1 : 0 },
            defaults: defaults)

        let accumulation = try Lowpass(accumulatorSynapse)
        try network.connect(accumulators.output, to: accumulators.input, synapse: accumulation)
        try network.connect(accumulators.output, to: thresholding.input, synapse: try Lowpass(feedforwardSynapse))
        let beta = 1 + radius * feedbackTimescale / accumulatorTimescale
        var feedback = Matrix(rows: count, columns: count, repeating: -accumulatorSynapse * beta / feedbackTimescale)
        for i in 0..<count { feedback[i, i] = accumulatorSynapse }
        try network.connect(thresholding.output, to: accumulators.input, synapse: accumulation, transform: .dense(feedback))
        inputReset = try network.node(label: "input reset", sizeIn: 1)
        try network.connect(
            inputReset, to: accumulators.input, synapse: nil,
            transform: .dense(Matrix(rows: count, columns: 1, repeating: -radius / accumulatorSynapse)))
        input = try network.node(label: "input", sizeIn: count)
        try network.connect(input, to: accumulators.input, synapse: nil, transform: .scalar(1 / accumulatorTimescale))
    }

    /// The number of choices.
    public var count: Int { thresholding.count }
}
