import BrainCore

extension LinePlot {
    /// What `probe` recorded in `sim`, against the probe's own sample times
    /// (`sim.trange(sampleEvery: probe.sampleEvery)`), one series per dimension.
    ///
    /// - Parameters:
    ///   - sim: the simulator that ran.
    ///   - probe: a probe of its network.
    ///   - labels: legend labels per dimension; by default none for one dimension and
    ///     `x[i]` for several.
    ///   - title: the panel's title; nil uses the probe's label.
    ///   - yLabel: the y axis' label (default "Value").
    ///   - yLimits: the y axis' range; nil fits the data.
    /// - Throws: `BrainKitError`: `.validation` when the probe is not in the simulator's
    ///   network, has recorded nothing yet, or recorded NaN.
    public init(
        _ sim: Simulator, _ probe: Probe, labels: [String]? = nil, title: String? = nil,
        yLabel: AxisLabel = "Value", yLimits: ClosedRange<Double>? = nil
    ) throws(BrainKitError) {
        let data = try ProbeData.checked(sim, probe)
        let names = labels ?? (data.columns > 1 ? (0..<data.columns).map { "x[\($0)]" } : nil)
        self = try LinePlot.timeSeries(
            times: sim.trange(sampleEvery: probe.sampleEvery), data: data, labels: names,
            title: title ?? probe.label, yLabel: yLabel, yLimits: yLimits)
    }

    /// Voltage traces of `neurons` from a voltage probe (`net.probe(ens.neurons, .voltage)`).
    public static func voltages(
        _ sim: Simulator, _ probe: Probe, neurons: [Int] = [0], unit: String? = nil, title: String? = nil
    ) throws(BrainKitError) -> LinePlot {
        try voltages(
            times: sim.trange(sampleEvery: probe.sampleEvery), voltages: try ProbeData.checked(sim, probe),
            neurons: neurons, unit: unit, title: title)
    }

    /// The tuning curves of a 1-D `ensemble` (`Simulator/tuningCurves(_:inputs:)`): firing
    /// rate against the represented value.
    /// - Throws: `BrainKitError` (`.validation`) for an ensemble of more than one dimension
    ///   (plot its ``responseCurves(_:_:title:)`` instead) or a Direct ensemble.
    public static func tuningCurves(_ sim: Simulator, _ ensemble: Ensemble, title: String? = nil)
        throws(BrainKitError) -> LinePlot
    {
        guard ensemble.dimensions == 1 else {
            throw .validation(
                ensemble.name, "dimensions", "must be 1 for a tuning-curve plot, got \(ensemble.dimensions) (plot response curves)")
        }
        let (inputs, rates) = try sim.tuningCurves(ensemble)
        return try tuningCurves(inputs: inputs.column(0), rates: rates, title: title)
    }

    /// The response curves of `ensemble` (`Simulator/responseCurves(_:inputs:)`): firing rate
    /// against the input along each neuron's encoder.
    public static func responseCurves(_ sim: Simulator, _ ensemble: Ensemble, title: String? = nil)
        throws(BrainKitError) -> LinePlot
    {
        let (inputs, rates) = try sim.responseCurves(ensemble)
        return try tuningCurves(inputs: inputs, rates: rates, title: title, xLabel: "Input along encoder")
    }

    /// A phase plot of two dimensions of what `probe` recorded.
    public static func phase(
        _ sim: Simulator, _ probe: Probe, dimensions: (x: Int, y: Int) = (0, 1), title: String? = nil
    ) throws(BrainKitError) -> LinePlot {
        try phase(data: try ProbeData.checked(sim, probe), columns: dimensions, title: title ?? probe.label)
    }
}

/// Probe data read for plotting or saving, checked to be non-empty.
enum ProbeData {
    static func checked(_ sim: Simulator, _ probe: Probe) throws(BrainKitError) -> Matrix {
        let data = try sim.data(probe)
        guard data.rows > 0 else {
            throw .validation(probe.name, "data", "is empty (no samples: run the simulator before plotting or saving)")
        }
        return data
    }
}
