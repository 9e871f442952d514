import BrainBiophysics
import BrainCore
import Testing

/// Bad cells, clamps and simulations give typed validation errors naming the object and the
/// parameter; nothing traps.
@Suite("Compartment validation errors")
struct CompartmentValidationTests {
    /// Runs `body`, which must throw a validation error about `object` / `parameter` whose
    /// message contains `fragment`.
    static func expectError(
        _ object: String, _ parameter: String?, containing fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("expected a validation error about \(object)", sourceLocation: sourceLocation)
        } catch let error as BrainKitError {
            #expect(error.kind == .validation, sourceLocation: sourceLocation)
            #expect(error.object == object, "\(error)", sourceLocation: sourceLocation)
            #expect(error.parameter == parameter, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a BrainKitError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func sectionGeometry() {
        Self.expectError("Section 'soma'", "length", containing: "must be > 0, got -40") {
            _ = try Section(name: "soma", length: -40, diameter: 20)
        }
        Self.expectError("Section 'soma'", "diameter", containing: "must be > 0") {
            _ = try Section(name: "soma", length: 40, diameter: 0)
        }
        Self.expectError("Section 'soma'", "segmentCount", containing: "must be >= 1, got 0") {
            _ = try Section(name: "soma", length: 40, diameter: 20, segmentCount: 0)
        }
        Self.expectError("Section 'soma'", "axialResistivity", containing: "finite") {
            _ = try Section(name: "soma", length: 40, diameter: 20, axialResistivity: .nan)
        }
        Self.expectError("Section 'soma'", "membraneCapacitance", containing: "must be > 0") {
            _ = try Section(name: "soma", length: 40, diameter: 20, membraneCapacitance: -1)
        }
        Self.expectError("Section", "name", containing: "empty") {
            _ = try Section(name: "", length: 40, diameter: 20)
        }
        Self.expectError("Section 'soma'", "mechanisms", containing: "'hh' more than once") {
            _ = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh, .pas, .hh])
        }
    }

    @Test func mechanismParameters() {
        Self.expectError("HodgkinHuxley", "gNaBar", containing: "must be >= 0") {
            _ = try HodgkinHuxley(gNaBar: -0.1)
        }
        Self.expectError("PassiveLeak", "reversal", containing: "finite") {
            _ = try PassiveLeak(reversal: .infinity)
        }
    }

    @Test func connections() throws(BrainKitError) {
        var soma = try Section(name: "soma", length: 40, diameter: 20)
        let copy = soma
        Self.expectError("Section 'soma'", "parent", containing: "cannot be the section itself") {
            try soma.connect(at: 0, to: copy, at: 1)
        }
        var dend = try Section(name: "dend", length: 100, diameter: 2)
        Self.expectError("Section 'dend'", "position", containing: "must be in [0, 1], got 1.5") {
            try dend.connect(at: 0, to: soma, at: 1.5)
        }
        Self.expectError("Section 'dend'", "end", containing: "must be 0 or 1") {
            try dend.connect(at: 0.5, to: soma, at: 1)
        }
        // A cycle through three sections: a -> b -> c -> a.
        var a = try Section(name: "a", length: 10, diameter: 1)
        var b = try Section(name: "b", length: 10, diameter: 1)
        var c = try Section(name: "c", length: 10, diameter: 1)
        try b.connect(to: a)
        try c.connect(to: b)
        try a.connect(to: c)
        Self.expectError("Cell", "sections", containing: "form a cycle: a -> c -> b -> a") {
            _ = try Cell(sections: [a, b, c])
        }
        // Two sections connected to each other.
        var x = try Section(name: "x", length: 10, diameter: 1)
        var y = try Section(name: "y", length: 10, diameter: 1)
        try y.connect(to: x)
        try x.connect(to: y)
        Self.expectError("Cell", "sections", containing: "cycle") {
            _ = try Cell(sections: [x, y])
        }
        Self.expectError("Cell", "sections", containing: "'y' is connected to 'x', which is not in the cell") {
            _ = try Cell(sections: [y])
        }
        Self.expectError("Cell", "sections", containing: "two sections named 'soma'") {
            _ = try Cell(sections: [soma, soma])
        }
        Self.expectError("Cell", "sections", containing: "at least one") {
            _ = try Cell(sections: [])
        }
    }

    @Test func clampsAndSimulation() throws(BrainKitError) {
        let soma = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh])
        let cell = try Cell(sections: [soma])
        Self.expectError("CurrentClamp", "location", containing: "must be in [0, 1], got 1.2") {
            _ = try CurrentClamp(at: soma(1.2), delay: 0, duration: 1, amplitude: 1)
        }
        Self.expectError("CurrentClamp", "location", containing: "got -0.1") {
            _ = try CurrentClamp(at: soma(-0.1), delay: 0, duration: 1, amplitude: 1)
        }
        Self.expectError("CurrentClamp", "duration", containing: "must be >= 0") {
            _ = try CurrentClamp(at: soma(0.5), delay: 0, duration: -1, amplitude: 1)
        }
        Self.expectError("CurrentClamp", "amplitude", containing: "finite") {
            _ = try CurrentClamp(at: soma(0.5), delay: 0, duration: 1, amplitude: .nan)
        }
        let elsewhere = try CurrentClamp(
            at: SectionLocation(section: "axon", position: 0.5), delay: 0, duration: 1, amplitude: 1)
        Self.expectError("CellSimulation", "clamps", containing: "section 'axon', which is not in the cell") {
            _ = try CellSimulation(cell: cell, clamps: [elsewhere])
        }
        Self.expectError("CellSimulation", "timeStep", containing: "must be >= 1e-06, got 0") {
            _ = try CellSimulation(cell: cell, timeStep: 0)
        }
        Self.expectError("CellSimulation", "temperature", containing: "must be finite") {
            _ = try CellSimulation(cell: cell, temperature: .nan)
        }
        var sim = try CellSimulation(cell: cell)
        Self.expectError("CellSimulation", "recording", containing: "position must be in [0, 1]") {
            _ = try sim.run(duration: 1, recording: [soma(2)])
        }
        Self.expectError("CellSimulation", "duration", containing: "must be >= 0") {
            _ = try sim.run(duration: -5, recording: [soma(0.5)])
        }
    }
}
