import Foundation
import Testing
import BrainCore
import BrainTestSupport
@testable import BrainPlot

@Suite("Spike rasters")
struct SpikeRasterTests {
    /// The marks of a raster's rows (`h1` commands of the row paths).
    static func marks(_ svg: SVGDocument) -> Int {
        svg.elements("path").filter { $0.string("data-neuron") != nil }.reduce(0) {
            $0 + ($1.string("d") ?? "").components(separatedBy: "h1").count - 1
        }
    }

    @Test func everyRecordedSpikeIsDrawn() throws {
        let (sim, _, spikes, _, _) = try SimulatorPlotTests.model()
        try sim.run(seconds: 0.5)
        let data = try sim.data(spikes)
        let recorded = data.values.filter { $0 > 0 }.count
        #expect(recorded > 100)
        let svg = try SVGDocument(try SpikeRaster(sim, spikes).svg())
        #expect(Self.marks(svg) == recorded)
        let raster = try #require(svg.elements("g", classes: "raster").first)
        #expect(raster.string("data-spikes") == "\(recorded)")
        #expect(raster.string("data-marks") == "\(recorded)")
        #expect(svg.elements("text").compactMap(\.stringValue).contains("Neuron"))
        #expect(svg.elements("text").compactMap(\.stringValue).contains("Time (s)"))
    }

    /// The first spike of neuron 0 starts its row's path at its pixel column: the plot area is
    /// x 88…616 (528 columns) for t from the first sample to the last; row 0 of 20 is centred
    /// at y = 20 + 0.5·352/20.
    @Test func aKnownSpikeLandsOnItsPixel() throws {
        let times = (1...500).map { Double($0) * 0.001 }
        var spikes = Matrix(rows: 500, columns: 20)
        spikes[249, 0] = 1000  // t = 0.25
        spikes[499, 0] = 1000  // t = 0.5, the last sample: the last column
        spikes[0, 19] = 1000  // t = 0.001, the first sample: the first column
        let svg = try SVGDocument(try SpikeRaster(times: times, spikes: spikes).svg())
        let rows = svg.elements("path").filter { $0.string("data-neuron") != nil }
        try #require(rows.map { $0.string("data-neuron") } == ["0", "19"])
        let column = Int(((0.25 - 0.001) / (0.5 - 0.001) * 528).rounded(.down))
        #expect(rows[0].string("d") == "M\(88 + column) 28.8h1m\(527 - column - 1) 0h1")
        #expect(rows[1].string("d") == "M88 363.2h1")
    }

    @Test func neuronsCanBeChosen() throws {
        // Neuron i spikes i times, at distinct samples.
        let n = 12
        var spikes = Matrix(rows: 200, columns: n)
        for neuron in 0..<n {
            for k in 0..<neuron { spikes[10 * k + neuron, neuron] = 1000 }
        }
        let times = (1...200).map { Double($0) * 0.001 }
        let chosen = try SpikeRaster(times: times, spikes: spikes, neurons: .indices([7, 2, 9]))
        #expect(chosen.neurons == [7, 2, 9])
        #expect(chosen.spikeCount == 18)
        let active = try SpikeRaster(times: times, spikes: spikes, neurons: .mostActive(3))
        #expect(active.neurons == [9, 10, 11])
        let sample = try SpikeRaster(times: times, spikes: spikes, neurons: .sample(4, seed: 5))
        #expect(sample.neurons.count == 4 && sample.neurons == sample.neurons.sorted())
        #expect(Set(sample.neurons).count == 4)
        #expect(sample.neurons == (try SpikeRaster(times: times, spikes: spikes, neurons: .sample(4, seed: 5))).neurons)
        // The y ticks name the neurons of their rows.
        let labels = try SVGDocument(try chosen.svg()).tickLabels("y").map(\.text)
        #expect(labels == ["7", "2", "9"])
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: times, spikes: spikes, neurons: .indices([12])) }
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: times, spikes: spikes, neurons: .indices([1, 1])) }
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: times, spikes: spikes, neurons: .mostActive(0)) }
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: times, spikes: spikes, neurons: .sample(13, seed: 1)) }
    }

    /// 1,000 neurons × 10 s at dt = 1 ms, firing at 1–60 Hz (seeded Bernoulli draws): the SVG
    /// stays under 5 MB (the bound the raster's documentation states), and the raster still
    /// accounts for every spike in `data-spikes`.
    @Test func aThousandNeuronsForTenSecondsStayUnderFiveMegabytes() throws {
        let steps = 10_000
        let n = 1_000
        var rng = SplitMix64(seed: 16)
        var values = [Double](repeating: 0, count: steps * n)
        var total = 0
        for neuron in 0..<n {
            let p = (1 + 59 * Double(neuron) / Double(n - 1)) * 0.001
            for step in 0..<steps where Double.random(in: 0..<1, using: &rng) < p {
                values[step * n + neuron] = 1000
                total += 1
            }
        }
        let times = (1...steps).map { Double($0) * 0.001 }
        let raster = try SpikeRaster(times: times, spikes: Matrix(rows: steps, columns: n, values: values))
        let text = try raster.svg()
        #expect(text.utf8.count < 5_000_000, "\(text.utf8.count) bytes")
        let svg = try SVGDocument(text)
        let group = try #require(svg.elements("g", classes: "raster").first)
        #expect(group.string("data-spikes") == "\(total)")
        let marks = Self.marks(svg)
        #expect(group.string("data-marks") == "\(marks)")
        #expect(marks <= total && marks <= n * 528)
        // Spikes merge only within a pixel column (10 s / 528 ≈ 19 ms): most stay separate.
        #expect(Double(marks) > 0.5 * Double(total))
        print("1,000 neurons × 10 s raster: \(text.utf8.count) bytes, \(total) spikes, \(marks) marks")
    }

    /// The worst case of the bound: 1,000 neurons spiking at every step for 10 s fill every
    /// pixel column of every row (528 marks per row) and still stay under 5 MB.
    @Test func theWorstCaseStaysUnderFiveMegabytes() throws {
        let times = (1...10_000).map { Double($0) * 0.001 }
        let raster = try SpikeRaster(times: times, spikes: Matrix(rows: 10_000, columns: 1_000, repeating: 1000))
        let text = try raster.svg()
        #expect(text.utf8.count < 5_000_000, "\(text.utf8.count) bytes")
        #expect(text.contains("data-spikes=\"10000000\" data-marks=\"528000\""))
    }

    @Test func badInputIsATypedError() throws {
        let times = [0.001, 0.002]
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: times, spikes: Matrix(rows: 3, columns: 2)) }
        #expect(throws: BrainKitError.self) {
            try SpikeRaster(times: times, spikes: Matrix(rows: 2, columns: 1, values: [0, .nan]))
        }
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: [0.002, 0.001], spikes: Matrix(rows: 2, columns: 1)) }
        #expect(throws: BrainKitError.self) { try SpikeRaster(times: [], spikes: Matrix(rows: 0, columns: 1)) }
    }
}
