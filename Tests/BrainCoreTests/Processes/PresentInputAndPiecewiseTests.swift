import Testing

@testable import BrainCore

/// PresentInput and Piecewise against Nengo, exactly (processes.json).
@Suite("PresentInput and Piecewise match Nengo")
struct PresentInputAndPiecewiseTests {
    @Test(arguments: ["fractional", "whole_steps", "long"])
    func presentInputMatchesNengo(_ name: String) throws {
        let c = try #require(try Fixture("processes").elements("present_input").first { $0.string("name") == name })
        let process = try PresentInput(inputs: c.matrix("inputs"), presentationTime: c.double("presentation_time"))
        let dt = c.double("dt")
        let expected = c.matrix("output")
        let times = (1...expected.count).map { Double($0) * dt }
        var rng = RandomState(seed: 0)
        let stepper = try process.makeStepper(sizeIn: 0, sizeOut: process.defaultSizeOut, dt: dt, rng: &rng)
        #expect(runStepper(stepper, size: process.defaultSizeOut, times: times) == expected)
        #expect(try process.run(steps: expected.count, dt: dt).nested == expected)
    }

    @Test(arguments: ["zero", "zero_negative_key", "linear", "linear_late_start"])
    func piecewiseMatchesNengo(_ name: String) throws {
        let c = try #require(try Fixture("processes").elements("piecewise").first { $0.string("name") == name })
        let data = Dictionary(uniqueKeysWithValues: zip(c.doubles("times"), c.matrix("values")))
        let process = try Piecewise(
            data: data, interpolation: try #require(Piecewise.Interpolation(rawValue: c.string("interpolation"))))
        let size = process.defaultSizeOut
        let expected = c.matrix("output")
        let times = c.doubles("step_times")
        var rng = RandomState(seed: 0)
        let stepper = try #require(
            try process.makeStepper(sizeIn: 0, sizeOut: size, dt: c.double("dt"), rng: &rng) as? PiecewiseStepper)
        var buffer = [Double](repeating: 0, count: size)
        let doubles = times.map { t in
            buffer.withUnsafeMutableBufferPointer { stepper.values(at: t, into: $0.baseAddress!) }
            return buffer
        }
        #expect(doubles == expected)
        let floats = runStepper(stepper, size: size, times: times)
        #expect(floats == expected.map { $0.map { Double(Float($0)) } })
    }

    @Test func badInputsAreRejected() throws {
        #expect(throws: BrainKitError.validation("PresentInput", "presentationTime", "must be > 0, got 0")) {
            try PresentInput(inputs: [[1], [2]], presentationTime: 0)
        }
        #expect(throws: BrainKitError.validation("PresentInput", "inputs", "must all have 2 values, but input 1 has 1")) {
            try PresentInput(inputs: [[1, 2], [3]], presentationTime: 0.1)
        }
        #expect(throws: BrainKitError.self) { try PresentInput(inputs: [], presentationTime: 0.1) }
        #expect(throws: BrainKitError.validation("Piecewise", "data", "time 1 has size 2 instead of 1")) {
            try Piecewise(data: [0: [1], 1: [1, 2]])
        }
        #expect(throws: BrainKitError.validation("Piecewise", "data", "must contain at least one time")) {
            try Piecewise(data: [Double: [Double]]())
        }
        #expect(throws: BrainKitError.validation("Piecewise", "interpolation", "linear needs at least 2 times, got 1")) {
            try Piecewise(data: [0.002: [1]], interpolation: .linear)
        }
        var rng = RandomState(seed: 0)
        #expect(throws: BrainKitError.validation("Piecewise", "sizeOut", "must be 1 (the size of its values), got 2")) {
            try Piecewise(data: [0: 1.0]).makeStepper(sizeIn: 0, sizeOut: 2, dt: 0.001, rng: &rng)
        }
    }

    @Test func scalarPiecewiseHoldsTheLastValue() throws {
        let process = try Piecewise(data: [0: 0.0, 0.0025: 1.0])
        #expect(try process.run(steps: 4).column(0) == [0, 0, 1, 1])
    }
}
