import BrainBiophysics
import Foundation
import Testing

/// Steady-state input resistances of passive cells against cable theory.
@Suite("Passive cable sanity")
struct PassiveCableTests {
    /// The steady voltage change (mV) at `location` for `current` nA injected there.
    static func steadyDeflection(
        _ cell: Cell, at location: SectionLocation, current: Double, settle: Double
    ) throws -> Double {
        let clamp = try CurrentClamp(at: location, delay: 0, duration: 1e9, amplitude: current)
        var sim = try CellSimulation(cell: cell, clamps: [clamp])
        let recording = try sim.run(duration: settle, initialVoltage: -70, recording: [location])
        return (recording.voltages[0].last ?? .nan) + 70
    }

    /// An isopotential compartment: `R = 1 / (g_pas · area)`; 20 µm × 20 µm is 1256.6 µm²,
    /// 79.58 MΩ at g = 0.001 S/cm².
    @Test func singleCompartmentInputResistance() throws {
        let soma = try Section(name: "soma", length: 20, diameter: 20, mechanisms: [.pas])
        let deflection = try Self.steadyDeflection(
            Cell(sections: [soma]), at: soma(0.5), current: 0.1, settle: 50)
        let area = Double.pi * 20 * 20 * 1e-8  // cm²
        let expected = 1 / (0.001 * area) * 1e-6  // MΩ
        let measured = deflection / 0.1  // mV / nA = MΩ
        #expect(abs(measured - expected) / expected <= 1e-9, "R_in \(measured) MΩ, expected \(expected)")
    }

    /// A sealed finite cable seen from its 0 end: `R_in = R∞ coth(L / λ)` with
    /// `λ = √(R_m d / (4 R_a))` and `R∞ = R_a λ / (π d² / 4)`. Here L = 1000 µm, d = 2 µm,
    /// R_a = 100 Ω·cm, R_m = 10 kΩ·cm² (λ = 707 µm, R_in ≈ 253 MΩ), discretised into 401
    /// segments, which leaves a spatial error of order (Δx / λ)².
    @Test func sealedCableInputResistance() throws {
        let leak = try PassiveLeak(conductance: 1e-4, reversal: -70)
        let cable = try Section(
            name: "cable", length: 1000, diameter: 2, axialResistivity: 100, segmentCount: 401,
            mechanisms: [.passive(leak)])
        let deflection = try Self.steadyDeflection(
            Cell(sections: [cable]), at: cable(0), current: 0.05, settle: 200)
        let d = 2e-4, length = 0.1, ra = 100.0, rm = 1e4  // cm, cm, Ω·cm, Ω·cm²
        let lambda = (rm * d / (4 * ra)).squareRoot()
        let rInfinity = ra * lambda / (Double.pi * d * d / 4)
        let expected = rInfinity / tanh(length / lambda) * 1e-6  // MΩ
        let measured = deflection / 0.05
        #expect(abs(measured - expected) / expected <= 1e-4, "R_in \(measured) MΩ, expected \(expected)")
    }

    /// A soma with a dendrite in parallel: `1 / R_in = g_soma + 1 / R_dendrite`, the dendrite a
    /// sealed cable seen from its attached end.
    @Test func somaWithDendriteInputResistance() throws {
        let soma = try Section(name: "soma", length: 20, diameter: 20, mechanisms: [.pas])
        var dend = try Section(
            name: "dend", length: 500, diameter: 2, axialResistivity: 100, segmentCount: 301, mechanisms: [.pas])
        try dend.connect(at: 0, to: soma, at: 1)
        let deflection = try Self.steadyDeflection(
            Cell(sections: [soma, dend]), at: soma(0.5), current: 0.1, settle: 50)
        // Soma membrane plus half the soma's axial resistance in series with the dendrite.
        let gSoma = 0.001 * Double.pi * 20 * 20 * 1e-8  // S
        let d = 2e-4, ra = 100.0, rm = 1000.0
        let lambda = (rm * d / (4 * ra)).squareRoot()
        let rDendrite = ra * lambda / (Double.pi * d * d / 4) / tanh(0.05 / lambda)  // Ω
        let rHalfSoma = 35.4 * 10e-4 / (Double.pi * 20e-4 * 20e-4 / 4)  // Ω
        let expected = 1 / (gSoma + 1 / (rDendrite + rHalfSoma)) * 1e-6
        let measured = deflection / 0.1
        #expect(abs(measured - expected) / expected <= 1e-4, "R_in \(measured) MΩ, expected \(expected)")
    }
}
