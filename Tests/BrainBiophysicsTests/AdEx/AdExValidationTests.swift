import BrainBiophysics
import BrainCore
import Testing

/// Invalid AdEx parameters and arguments give typed errors naming `AdEx` and the parameter.
@Suite("AdEx validation")
struct AdExValidationTests {
    /// The talk's cell with one parameter replaced.
    static func cell(
        capacitance: Double = 281e-12, leakConductance: Double = 30e-9, restingPotential: Double = -70.6e-3,
        thresholdPotential: Double = -50.4e-3, slopeFactor: Double = 2e-3, cutoffPotential: Double? = nil,
        adaptationTimeConstant: Double = 0.144, subthresholdAdaptation: Double = 4e-9,
        spikeTriggeredAdaptation: Double = 0.0805e-9, resetPotential: Double = -70.6e-3,
        refractoryPeriod: Double = 0, integrationStep: Double = 1e-4,
        initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) -> AdEx {
        try AdEx(
            capacitance: capacitance, leakConductance: leakConductance, restingPotential: restingPotential,
            thresholdPotential: thresholdPotential, slopeFactor: slopeFactor, cutoffPotential: cutoffPotential,
            adaptationTimeConstant: adaptationTimeConstant, subthresholdAdaptation: subthresholdAdaptation,
            spikeTriggeredAdaptation: spikeTriggeredAdaptation, resetPotential: resetPotential,
            refractoryPeriod: refractoryPeriod, integrationStep: integrationStep, initialState: initialState)
    }

    struct Bad: Sendable, CustomStringConvertible {
        let parameter: String
        let make: @Sendable () throws(BrainKitError) -> AdEx
        var description: String { parameter }
    }

    static let bad: [Bad] = [
        Bad(parameter: "capacitance") { () throws(BrainKitError) in try cell(capacitance: 0) },
        Bad(parameter: "leakConductance") { () throws(BrainKitError) in try cell(leakConductance: -1e-9) },
        Bad(parameter: "restingPotential") { () throws(BrainKitError) in try cell(restingPotential: .nan) },
        Bad(parameter: "thresholdPotential") { () throws(BrainKitError) in try cell(thresholdPotential: .infinity) },
        Bad(parameter: "slopeFactor") { () throws(BrainKitError) in try cell(slopeFactor: 0) },
        Bad(parameter: "adaptationTimeConstant") { () throws(BrainKitError) in try cell(adaptationTimeConstant: 0) },
        Bad(parameter: "subthresholdAdaptation") { () throws(BrainKitError) in try cell(subthresholdAdaptation: .nan) },
        Bad(parameter: "spikeTriggeredAdaptation") { () throws(BrainKitError) in
            try cell(spikeTriggeredAdaptation: .infinity)
        },
        Bad(parameter: "resetPotential") { () throws(BrainKitError) in try cell(resetPotential: .nan) },
        Bad(parameter: "refractoryPeriod") { () throws(BrainKitError) in try cell(refractoryPeriod: -1e-3) },
        Bad(parameter: "integrationStep") { () throws(BrainKitError) in try cell(integrationStep: 0) },
        Bad(parameter: "integrationStep") { () throws(BrainKitError) in try cell(integrationStep: 0.01) },
        // Vcut at or below Vr: it would spike again right after every reset.
        Bad(parameter: "cutoffPotential") { () throws(BrainKitError) in try cell(cutoffPotential: -80e-3) },
        // Vcut more than 80 ΔT above VT.
        Bad(parameter: "cutoffPotential") { () throws(BrainKitError) in try cell(cutoffPotential: 0.2) },
        Bad(parameter: "initialState") { () throws(BrainKitError) in try cell(initialState: ["vm": Uniform(0, 1)]) },
    ]

    @Test(arguments: bad)
    func invalidParameterIsNamed(_ bad: Bad) {
        do {
            _ = try bad.make()
            Issue.record("no error for a bad \(bad.parameter)")
        } catch {
            #expect(error.kind == .validation)
            #expect(error.object == "AdEx")
            #expect(error.parameter == bad.parameter, "\(error)")
        }
    }

    @Test func cutoffDefaultsToFiveSlopeFactorsAboveThreshold() throws {
        let cell = try Self.cell()
        #expect(abs(cell.cutoffPotential - (-40.4e-3)) < 1e-15)
        #expect(try Self.cell(cutoffPotential: 0).cutoffPotential == 0)
    }

    @Test func simulateRejectsBadArguments() throws {
        let cell = try Self.cell()
        let cases: [(String, () throws(BrainKitError) -> AdExTrace)] = [
            ("current", { () throws(BrainKitError) in try cell.simulate(current: .nan, duration: 0.1) }),
            ("duration", { () throws(BrainKitError) in try cell.simulate(current: 1e-9, duration: -1) }),
            ("dt", { () throws(BrainKitError) in try cell.simulate(current: 1e-9, duration: 0.1, dt: 0) }),
            ("initialVoltage", { () throws(BrainKitError) in
                try cell.simulate(current: 1e-9, duration: 0.1, initialVoltage: .infinity)
            }),
            ("duration", { () throws(BrainKitError) in try cell.simulate(current: 1e-9, duration: 1e9, dt: 1e-4) }),
            ("duration", { () throws(BrainKitError) in try cell.simulate(current: 1e-9, duration: 1e300, dt: 1e-300) }),
        ]
        for (parameter, run) in cases {
            #expect(throws: BrainKitError.self) { try run() }
            do {
                _ = try run()
            } catch {
                #expect(error.object == "AdEx.simulate" && error.parameter == parameter, "\(error)")
            }
        }
    }

    /// The engine fuses populations with equal descriptions, so every parameter must show.
    @Test func descriptionShowsEveryParameter() throws {
        let base = try Self.cell()
        let variants: [AdEx] = [
            try Self.cell(capacitance: 200e-12), try Self.cell(leakConductance: 20e-9),
            try Self.cell(restingPotential: -65e-3), try Self.cell(thresholdPotential: -50e-3),
            try Self.cell(slopeFactor: 1e-3), try Self.cell(cutoffPotential: -30e-3),
            try Self.cell(adaptationTimeConstant: 0.1), try Self.cell(subthresholdAdaptation: 2e-9),
            try Self.cell(spikeTriggeredAdaptation: 0.1e-9), try Self.cell(resetPotential: -60e-3),
            try Self.cell(refractoryPeriod: 1e-3), try Self.cell(integrationStep: 5e-5),
            try AdEx.bretteGerstner2005(integrationMethod: .rk4),
        ]
        let descriptions = Set(variants.map(\.description) + [base.description])
        #expect(descriptions.count == variants.count + 1)
    }
}
