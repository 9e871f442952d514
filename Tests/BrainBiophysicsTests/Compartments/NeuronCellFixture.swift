import BrainBiophysics
import Foundation

/// NEURON 9's traces of the cells in `Fixtures/neuron_cell.json` (from make_neuron_cell.py),
/// and the same cells built here.
struct NeuronCellFixture: Decodable {
    struct Variant: Decodable {
        let description: String
        let dt: Double
        let duration: Double
        let vInit: Double
        let delay: Double
        let dur: Double
        let amp: Double
        let spikeCount: Int
        let spikeTimesMs: [Double]
        let firstIsiMs: Double?
        let lastIsiMs: Double?
        let vMinMV: Double
        let vMaxMV: Double
        let sampleIntervalMs: Double
        let somaVMV: [Double]
        let dendriteEndVMV: [Double]

        enum CodingKeys: String, CodingKey {
            case description, dt, duration, delay, dur, amp
            case vInit = "v_init"
            case spikeCount = "spike_count"
            case spikeTimesMs = "spike_times_ms"
            case firstIsiMs = "first_isi_ms"
            case lastIsiMs = "last_isi_ms"
            case vMinMV = "v_min_mV"
            case vMaxMV = "v_max_mV"
            case sampleIntervalMs = "sample_interval_ms"
            case somaVMV = "soma_v_mV"
            case dendriteEndVMV = "dendrite_end_v_mV"
        }
    }

    let neuronVersion: String
    let variants: [String: Variant]

    enum CodingKeys: String, CodingKey {
        case neuronVersion = "neuron_version"
        case variants
    }

    static func load() throws -> NeuronCellFixture {
        try decodeFixture(NeuronCellFixture.self, "neuron_cell")
    }

    /// The fixture's cell `name` ("talk", "branched" or "fine"), as make_neuron_cell.py builds it.
    static func cell(_ name: String) throws -> Cell {
        let soma = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh])
        var dend = try Section(
            name: "dend", length: 150, diameter: 3, segmentCount: name == "talk" ? 1 : 5, mechanisms: [.pas])
        try dend.connect(at: 0, to: soma, at: 1)
        guard name == "branched" else { return try Cell(sections: [soma, dend]) }
        var apical = try Section(name: "apical", length: 80, diameter: 1.5, segmentCount: 4, mechanisms: [.hh])
        try apical.connect(at: 0, to: dend, at: 1)
        var oblique = try Section(name: "oblique", length: 100, diameter: 2, segmentCount: 3, mechanisms: [.pas])
        try oblique.connect(at: 0, to: dend, at: 0.5)
        var basal = try Section(name: "basal", length: 60, diameter: 2.5, segmentCount: 2, mechanisms: [.pas])
        try basal.connect(at: 1, to: soma, at: 0)
        return try Cell(sections: [soma, dend, apical, oblique, basal])
    }
}
