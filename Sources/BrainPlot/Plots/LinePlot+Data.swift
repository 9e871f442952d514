import BrainCore

extension LinePlot {
    /// Each column of `data` (samples × dimensions) against `times`, one series per column.
    ///
    /// - Parameters:
    ///   - times: the sample times (s), one per row of `data`.
    ///   - data: samples × dimensions.
    ///   - labels: legend labels, one per column; nil for no legend.
    ///   - title: the panel's title; nil for none.
    ///   - yLabel: the y axis' label (default "Value").
    ///   - yLimits: the y axis' range; nil fits the data.
    /// - Throws: `BrainKitError` (`.validation`) when `times` and the rows of `data` differ
    ///   in count, either is empty, `labels` does not match the columns, or a value is NaN
    ///   or infinite.
    public static func timeSeries(
        times: [Double], data: Matrix, labels: [String]? = nil, title: String? = nil,
        yLabel: AxisLabel = "Value", yLimits: ClosedRange<Double>? = nil
    ) throws(BrainKitError) -> LinePlot {
        try DataCheck.matrix(data, "LinePlot", "data")
        try DataCheck.sameCount(times.count, data.rows, "LinePlot", "times", "data (rows)")
        if let labels { try DataCheck.sameCount(labels.count, data.columns, "LinePlot", "labels", "data (columns)") }
        var series: [Series] = []
        for column in 0..<data.columns {
            series.append(try Series(label: labels?[column], x: times, y: data.column(column)))
        }
        return try LinePlot(series, title: title, xLabel: .time, yLabel: yLabel, yLimits: yLimits)
    }

    /// Similarities to named pointers against time, as SPA models are plotted (one line per
    /// key, labelled with it): `similarities` is samples × keys. Keys whose similarity never
    /// exceeds `minimumPeak` are left out (all of them if none does), so a plot of a large
    /// vocabulary shows the keys the value passed through.
    ///
    /// - Parameters:
    ///   - times: the sample times (s), one per row of `similarities`.
    ///   - similarities: samples × keys.
    ///   - keys: one name per column.
    ///   - minimumPeak: the least peak similarity of a key that is drawn (default 0.3).
    ///   - title: the panel's title; nil for none.
    /// - Throws: `BrainKitError` (`.validation`) as ``timeSeries(times:data:labels:title:yLabel:yLimits:)``,
    ///   or when `keys` does not name every column.
    public static func similarities(
        times: [Double], similarities: Matrix, keys: [String], minimumPeak: Double = 0.3, title: String? = nil
    ) throws(BrainKitError) -> LinePlot {
        try DataCheck.matrix(similarities, "LinePlot", "similarities")
        try DataCheck.sameCount(keys.count, similarities.columns, "LinePlot", "keys", "similarities (columns)")
        var shown = (0..<similarities.columns).filter { column in
            similarities.column(column).contains { $0 > minimumPeak }
        }
        if shown.isEmpty { shown = Array(0..<similarities.columns) }
        return try timeSeries(
            times: times, data: similarities.selectingColumns(shown), labels: shown.map { keys[$0] }, title: title,
            yLabel: "Similarity")
    }

    /// Voltage traces of the neurons `neurons` (columns of `voltages`, samples × neurons)
    /// against `times`, labelled `neuron i`.
    /// - Parameters:
    ///   - times: the sample times (s), one per row of `voltages`.
    ///   - voltages: samples × neurons.
    ///   - neurons: the columns to draw (default neuron 0).
    ///   - unit: the voltage unit (`mV` for biophysical cells; nil for LIF's
    ///     normalised voltage).
    ///   - title: the panel's title; nil for none.
    public static func voltages(
        times: [Double], voltages: Matrix, neurons: [Int] = [0], unit: String? = nil, title: String? = nil
    ) throws(BrainKitError) -> LinePlot {
        try DataCheck.matrix(voltages, "LinePlot", "voltages")
        try DataCheck.indices(neurons, count: voltages.columns, "LinePlot", "neurons")
        return try timeSeries(
            times: times, data: voltages.selectingColumns(neurons),
            labels: neurons.count > 1 ? neurons.map { "neuron \($0)" } : nil, title: title,
            yLabel: AxisLabel("Voltage", unit: unit))
    }

    /// Firing rate against input, one line per neuron (columns of `rates`, inputs × neurons):
    /// tuning curves of a 1-D ensemble, or response curves.
    public static func tuningCurves(
        inputs: [Double], rates: Matrix, title: String? = nil, xLabel: AxisLabel = "Input"
    ) throws(BrainKitError) -> LinePlot {
        try DataCheck.matrix(rates, "LinePlot", "rates")
        try DataCheck.sameCount(inputs.count, rates.rows, "LinePlot", "inputs", "rates (rows)")
        var series: [Series] = []
        for neuron in 0..<rates.columns {
            series.append(try Series(x: inputs, y: rates.column(neuron)))
        }
        return try LinePlot(series, title: title, xLabel: xLabel, yLabel: AxisLabel("Firing rate", unit: "Hz"))
    }

    /// A phase (XY) plot: `y` against `x`, drawn in the order given.
    public static func phase(
        x: [Double], y: [Double], title: String? = nil, xLabel: AxisLabel = "x", yLabel: AxisLabel = "y"
    ) throws(BrainKitError) -> LinePlot {
        try LinePlot([try Series(x: x, y: y)], title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A phase plot of two columns of `data` (samples × dimensions), by default 0 and 1.
    public static func phase(
        data: Matrix, columns: (x: Int, y: Int) = (0, 1), title: String? = nil,
        xLabel: AxisLabel? = nil, yLabel: AxisLabel? = nil
    ) throws(BrainKitError) -> LinePlot {
        try DataCheck.matrix(data, "LinePlot", "data")
        try DataCheck.indices([columns.x, columns.y], count: data.columns, "LinePlot", "columns")
        return try phase(
            x: data.column(columns.x), y: data.column(columns.y), title: title,
            xLabel: xLabel ?? AxisLabel("x[\(columns.x)]"), yLabel: yLabel ?? AxisLabel("x[\(columns.y)]"))
    }
}
