import BrainCore

/// Winner-take-all by lateral inhibition (nengo_spa's `networks.selection.WTA`): a
/// ``Thresholding`` array whose thresholded values inhibit each other,
///
///     thresholded → input   with transform inhibitScale · (I − 1)   and Lowpass(inhibitSynapse),
///
/// so every choice above the threshold is pushed down by the sum of the others; with
/// `inhibitScale` ≥ 1 only the strongest stays above threshold. The parts and ports are those
/// of ``thresholding``, built in the same subnetwork.
public final class WTA {
    /// The subnetwork holding everything (the same as `thresholding.network`).
    public let network: Network
    /// The thresholding array being made competitive.
    public let thresholding: Thresholding
    /// The lateral inhibition from ``thresholded`` back to ``input``.
    public let inhibition: Connection

    /// The inputs, one per choice.
    public var input: Node { thresholding.input }
    /// `function(u)` for the choices above threshold, else 0.
    public var output: Node { thresholding.output }
    /// `max(u − threshold − inhibition, 0)` per choice.
    public var thresholded: Node { thresholding.thresholded }

    /// - Parameters:
    ///   - neurons: neurons per ensemble.
    ///   - count: the number of choices.
    ///   - inhibitScale: the weight of each choice's thresholded value on every other choice.
    ///   - inhibitSynapse: the inhibition's lowpass time constant, in seconds.
    ///   - threshold: as for ``Thresholding``.
    ///   - interceptWidth: as for ``Thresholding``.
    ///   - function: as for ``Thresholding``.
    ///   - radius: as for ``Thresholding``.
    ///   - label: the subnetwork's label (for errors, probes and seeds).
    ///   - seed: the subnetwork's seed; nil derives it from the parent's.
    ///   - parent: the network to build in.
    /// - Throws: `BrainKitError` for invalid thresholding parameters, a non-finite
    ///   `inhibitScale` or a negative `inhibitSynapse`.
    public init(
        in parent: Network, label: String = "WTA", neurons: Int, count: Int, inhibitScale: Double = 1,
        inhibitSynapse: Double = 0.005, threshold: Double, interceptWidth: Double = 0.15,
        function: ((Double) -> Double)? = nil, radius: Double = 1, seed: Int? = nil
    ) throws(BrainKitError) {
        let name = "WTA '\(label)'"
        let defaults = try Thresholding.validated(
            name: name, neurons: neurons, count: count, threshold: threshold, interceptWidth: interceptWidth,
            radius: radius)
        try Check.finite([inhibitScale, inhibitSynapse], name, "inhibitScale and inhibitSynapse")
        try Check.atLeast(inhibitSynapse, 0, name, "inhibitSynapse")
        network = try parent.network(label: label, seed: seed)
        thresholding = try Thresholding(
            building: network, neurons: neurons, count: count, threshold: threshold, function: function,
            defaults: defaults)
        var lateral = Matrix(rows: count, columns: count, repeating: -inhibitScale)
        for i in 0..<count { lateral[i, i] = 0 }
        inhibition = try network.connect(
            thresholding.thresholded, to: thresholding.input, synapse: try Lowpass(inhibitSynapse),
            transform: .dense(lateral))
    }

    /// The number of choices.
    public var count: Int { thresholding.count }
}
