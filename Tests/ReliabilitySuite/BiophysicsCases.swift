import BrainBiophysics
import BrainCore

/// Biophysics: cells, clamps, AdEx and compartmental neurons; durations and step counts are
/// bounded before anything runs.
enum BiophysicsCases {
    static func makeSoma(_ mechanisms: [Mechanism] = [.hh]) throws -> Section {
        try Section(name: "soma", length: 20, diameter: 20, mechanisms: mechanisms)
    }

    static func simulation() throws -> (CellSimulation, SectionLocation) {
        let soma = try makeSoma()
        return (try CellSimulation(cell: try Cell(sections: [soma])), soma(0.5))
    }

    static func compartmental(
        settleTime: Double = 100, measureTime: Double = 300, timeStep: Double = 0.025, rateTablePoints: Int = 101
    ) throws -> CompartmentalNeuron {
        let soma = try makeSoma()
        return try CompartmentalNeuron(
            cell: try Cell(sections: [soma]), input: soma(0.5), timeStep: timeStep, settleTime: settleTime,
            measureTime: measureTime, rateTablePoints: rateTablePoints)
    }

    static var all: [ReliabilityCase] { [
        .rejects("biophysics.cell-run-1e300", object: "CellSimulation", parameter: "duration") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: 1e300, recording: [soma])
        },
        .rejects("biophysics.cell-run-1e12-ms", object: "CellSimulation", parameter: "duration") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: 1e12, recording: [soma])
        },
        .rejects("biophysics.cell-run-nan", object: "CellSimulation", parameter: "duration") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: .nan, recording: [soma])
        },
        .rejects("biophysics.cell-run-negative", object: "CellSimulation", parameter: "duration") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: -1, recording: [soma])
        },
        .rejects("biophysics.cell-initial-voltage-infinity", object: "CellSimulation", parameter: "initialVoltage") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: 1, initialVoltage: .infinity, recording: [soma])
        },
        .runs("biophysics.cell-run-short") {
            var (sim, soma) = try simulation()
            _ = try sim.run(duration: 5, recording: [soma])
        },
        .rejects("biophysics.cell-time-step-1e-300", object: "CellSimulation", parameter: "timeStep") {
            let soma = try makeSoma()
            var sim = try CellSimulation(cell: try Cell(sections: [soma]), timeStep: 1e-300)
            _ = try sim.run(duration: 1, recording: [soma(0.5)])
        },
        .rejects("biophysics.cell-temperature-nan", object: "CellSimulation", parameter: "temperature") {
            let soma = try makeSoma()
            _ = try CellSimulation(cell: try Cell(sections: [soma]), temperature: .nan)
        },
        .rejects("biophysics.cell-temperature-infinity", object: "CellSimulation", parameter: "temperature") {
            let soma = try makeSoma()
            _ = try CellSimulation(cell: try Cell(sections: [soma]), temperature: .infinity)
        },
        .rejects("biophysics.section-length-nan", object: "Section 'soma'", parameter: "length") {
            _ = try Section(name: "soma", length: .nan, diameter: 20)
        },
        .rejects("biophysics.section-diameter-infinity", object: "Section 'soma'", parameter: "diameter") {
            _ = try Section(name: "soma", length: 20, diameter: .infinity)
        },
        .rejects("biophysics.section-segments-int-max", object: "Section 'soma'", parameter: "segmentCount") {
            let soma = try Section(name: "soma", length: 20, diameter: 20, segmentCount: .max)
            _ = try CellSimulation(cell: try Cell(sections: [soma]))
        },
        .rejects("biophysics.section-segments-zero", object: "Section 'soma'", parameter: "segmentCount") {
            _ = try Section(name: "soma", length: 20, diameter: 20, segmentCount: 0)
        },
        .rejects("biophysics.clamp-amplitude-nan", object: "CurrentClamp", parameter: "amplitude") {
            let soma = try makeSoma()
            _ = try CurrentClamp(at: soma(0.5), delay: 0, duration: 1, amplitude: .nan)
        },
        .rejects("biophysics.clamp-delay-infinity", object: "CurrentClamp", parameter: "delay") {
            let soma = try makeSoma()
            _ = try CurrentClamp(at: soma(0.5), delay: .infinity, duration: 1, amplitude: 1)
        },
        .rejects("biophysics.passive-leak-nan", object: "PassiveLeak", parameter: "conductance") {
            _ = try PassiveLeak(conductance: .nan)
        },
        .rejects("biophysics.compartmental-measure-time-1e300", object: "CompartmentalNeuron", parameter: "measureTime") {
            _ = try compartmental(measureTime: 1e300)
        },
        .rejects("biophysics.compartmental-settle-time-1e300", object: "CompartmentalNeuron", parameter: "settleTime") {
            _ = try compartmental(settleTime: 1e300)
        },
        .rejects("biophysics.compartmental-time-step-1e-300", object: "CompartmentalNeuron", parameter: "timeStep") {
            _ = try compartmental(timeStep: 1e-300)
        },
        .rejects(
            "biophysics.compartmental-table-points-int-max", object: "CompartmentalNeuron", parameter: "rateTablePoints"
        ) {
            _ = try compartmental(rateTablePoints: .max)
        },
        .rejects("biophysics.compartmental-rates-never-end", object: "CompartmentalNeuron", parameter: "measureTime") {
            let neuron = try compartmental(measureTime: 1e9)
            _ = neuron.rates(currents: [5])
        },
        .rejects("biophysics.compartmental-substeps-per-engine-step", object: "CompartmentalNeuron", parameter: "timeStep") {
            let neuron = try compartmental(timeStep: 1e-7)
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 2, dimensions: 1, neuronType: neuron)
            try Models.run(net)
        },
        .rejects("biophysics.adex-capacitance-nan", object: "AdEx", parameter: "capacitance") {
            _ = try AdEx(
                capacitance: .nan, leakConductance: 30e-9, restingPotential: -0.07, thresholdPotential: -0.05,
                slopeFactor: 0.002, adaptationTimeConstant: 0.1, subthresholdAdaptation: 4e-9,
                spikeTriggeredAdaptation: 8e-11, resetPotential: -0.07)
        },
        .rejects("biophysics.adex-reset-infinity", object: "AdEx", parameter: "resetPotential") {
            _ = try AdEx(
                capacitance: 281e-12, leakConductance: 30e-9, restingPotential: -0.07, thresholdPotential: -0.05,
                slopeFactor: 0.002, adaptationTimeConstant: 0.1, subthresholdAdaptation: 4e-9,
                spikeTriggeredAdaptation: 8e-11, resetPotential: .infinity)
        },
        .rejects("biophysics.adex-integration-step-1e-300", object: "AdEx", parameter: "integrationStep") {
            _ = try AdEx.bretteGerstner2005(integrationStep: 1e-300)
        },
        .rejects("biophysics.adex-integration-step-nan", object: "AdEx", parameter: "integrationStep") {
            _ = try AdEx.bretteGerstner2005(integrationStep: .nan)
        },
        .runs("biophysics.adex-ensemble") {
            let net = try Models.network()
            try net.ensemble(label: "a", neurons: 4, dimensions: 1, neuronType: try AdEx.bretteGerstner2005())
            try Models.run(net)
        },
    ] }
}
