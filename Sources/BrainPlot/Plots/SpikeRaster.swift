import BrainCore

/// A spike raster with Nengo's `rasterplot` semantics: a sample above zero is a spike; one
/// row per neuron, the first at the top; time from the first sample to the last.
///
/// **Size and no silent loss.** Marks are 1 pixel wide, one per pixel column: the spikes of
/// one neuron that fall in the same pixel column of the plot area (spikes closer than
/// duration / W, W the area's width in pixels, 528 in a default panel) share one mark. So a
/// raster has at most W marks per neuron, about 8 bytes each, whatever the duration: a
/// 1,000-neuron raster stays under 5 MB at the default width (1,000 neurons × 10 s at 1–60 Hz
/// is about 1.4 MB). Nothing is dropped silently: the raster's group carries `data-spikes`
/// (every spike of the neurons shown) and `data-marks` (marks drawn), and each row's
/// `data-spikes`; the two counts are equal when no two spikes of a neuron share a column
/// (rasters with spikes at least one column apart, such as LIF's 2 ms refractory period at a
/// ≤ 1 s plot).
public struct SpikeRaster: Plot {
    /// The panel's title; nil for none.
    public var title: String?
    /// The x axis' label (default `Time (s)`).
    public var xLabel: AxisLabel = .time
    /// The y axis' label (default `Neuron`).
    public var yLabel: AxisLabel = "Neuron"
    /// The sample times.
    public let times: [Double]
    /// The neuron index of each row, top to bottom.
    public let neurons: [Int]
    /// For each row, the samples (indices into ``times``) with a spike.
    public let spikeSamples: [[Int]]

    /// The spikes of the neurons shown.
    public var spikeCount: Int { spikeSamples.reduce(0) { $0 + $1.count } }

    /// - Parameters:
    ///   - times: the sample times in seconds, never decreasing.
    ///   - spikes: samples × neurons; a value above zero is a spike (1/dt from a spiking
    ///     neurons probe).
    ///   - neurons: which neurons to show.
    ///   - title: the panel's title (nil: none).
    /// - Throws: `BrainKitError` (`.validation`) when `times` and the rows of `spikes` differ
    ///   in count, either is empty, `times` decreases, a value is NaN or infinite, or the
    ///   selection is invalid.
    public init(times: [Double], spikes: Matrix, neurons: NeuronSelection = .all, title: String? = nil)
        throws(BrainKitError)
    {
        try DataCheck.matrix(spikes, "SpikeRaster", "spikes")
        try DataCheck.sameCount(times.count, spikes.rows, "SpikeRaster", "times", "spikes (rows)")
        try DataCheck.plottable(times, "SpikeRaster", "times")
        try DataCheck.plottable(spikes.values, "SpikeRaster", "spikes")
        guard zip(times, times.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw .validation("SpikeRaster", "times", "must never decrease")
        }
        let n = spikes.columns
        var perNeuron = [[Int]](repeating: [], count: n)
        for sample in 0..<spikes.rows {
            let base = sample * n
            for neuron in 0..<n where spikes.values[base + neuron] > 0 {
                perNeuron[neuron].append(sample)
            }
        }
        let chosen = try neurons.resolve(spikeCounts: perNeuron.map(\.count))
        self.times = times
        self.neurons = chosen
        self.spikeSamples = chosen.map { perNeuron[$0] }
        self.title = title
    }

    /// The spikes `probe` (a neurons output probe, `net.probe(ens.neurons)`) recorded in `sim`.
    /// - Throws: `BrainKitError` (`.validation`) when the probe is not in the simulator's
    ///   network or has recorded nothing yet, and as ``init(times:spikes:neurons:title:)``.
    public init(_ sim: Simulator, _ probe: Probe, neurons: NeuronSelection = .all, title: String? = nil)
        throws(BrainKitError)
    {
        try self.init(
            times: sim.trange(sampleEvery: probe.sampleEvery), spikes: try ProbeData.checked(sim, probe),
            neurons: neurons, title: title ?? probe.label)
    }

    /// The time axis: the first sample to the last (widened when they are equal).
    func timeScale() -> NiceScale {
        let first = times.first ?? 0
        let last = times.last ?? 1
        guard last > first else { return NiceScale(low: first, high: last, expand: false) }
        return NiceScale(fixedLower: first, upper: last)
    }

    public func draw(in frame: PlotFrame, on canvas: inout SVGCanvas) {
        let area = PanelLayout.plotArea(in: frame, hasTitle: title != nil)
        let x = timeScale()
        let columns = max(Int(area.width.rounded(.down)), 1)
        let rowHeight = area.height / Double(max(neurons.count, 1))
        let n = { (v: Double) in SVGCanvas.number(v) }
        var marks = 0
        var rows: [(neuron: Int, spikes: Int, path: String)] = []
        for (row, samples) in spikeSamples.enumerated() {
            var path = ""
            var previous: Int?
            for sample in samples {
                let position = x.pixel(times[sample], from: 0, to: Double(columns))
                let column = min(max(Int(position.rounded(.down)), 0), columns - 1)
                if let previous {
                    guard column != previous else { continue }
                    path += "m\(column - previous - 1) 0h1"
                } else {
                    path = "M\(n(area.x + Double(column))) \(n(area.y + (Double(row) + 0.5) * rowHeight))h1"
                }
                previous = column
                marks += 1
            }
            rows.append((neurons[row], samples.count, path))
        }
        canvas.openGroup([
            ("class", "raster"), ("data-spikes", "\(spikeCount)"), ("data-marks", "\(marks)"),
            ("stroke", "black"), ("stroke-width", SVGCanvas.number(max(rowHeight * 0.9, 0.05), decimals: 3)),
            ("shape-rendering", "crispEdges"), ("fill", "none"),
        ])
        for row in rows where !row.path.isEmpty {
            canvas.element("path", [("data-neuron", "\(row.neuron)"), ("data-spikes", "\(row.spikes)"), ("d", row.path)])
        }
        canvas.closeGroup()
        AxesDrawing(
            frame: frame, area: area, title: title, xLabel: xLabel, yLabel: yLabel,
            xTicks: AxesDrawing.xTicks(x, area: area), yTicks: rowTicks(area: area, rowHeight: rowHeight)
        ).draw(on: &canvas)
    }

    /// Ticks at round row positions (every row when there are at most 5), labelled with the
    /// neuron index of the row.
    func rowTicks(area: PlotFrame, rowHeight: Double) -> [AxesDrawing.Tick] {
        let count = neurons.count
        let positions: [Int]
        if count <= 5 {
            positions = Array(0..<count)
        } else {
            let scale = NiceScale(low: 0, high: Double(count - 1), expand: false)
            let step = max(Int(scale.step.rounded(.up)), 1)
            positions = Array(stride(from: 0, to: count, by: step))
        }
        return positions.map {
            AxesDrawing.Tick(
                position: area.y + (Double($0) + 0.5) * rowHeight, label: "\(neurons[$0])", value: Double(neurons[$0]))
        }
    }
}
