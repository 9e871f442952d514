import BrainTestSupport
import Testing

@testable import BrainCore

/// Validation, special cases, Triangle's shift-register form and the filter helpers.
@Suite("Synapse types")
struct SynapseTests {
    @Test func negativeTimeConstantsAreRejected() {
        #expect(throws: BrainKitError.validation("Lowpass", "tau", "must be >= 0, got -1")) { try Lowpass(-1) }
        let error = #expect(throws: BrainKitError.self) { try Lowpass(-1) }
        #expect(error?.description == "Lowpass: tau must be >= 0, got -1")
        #expect(throws: BrainKitError.validation("Alpha", "tau", "must be >= 0, got -1")) { try Alpha(-1) }
        #expect(throws: BrainKitError.validation("Triangle", "t", "must be >= 0, got -1")) { try Triangle(-1) }
        #expect(throws: BrainKitError.self) { try Lowpass(.infinity) }
        #expect(throws: BrainKitError.validation("Lowpass", "dt", "must be > 0, got -0.001")) {
            try Lowpass(0.005).discretized(dt: -0.001)
        }
    }

    @Test func zeroTimeConstantsPassTheInputThrough() throws {
        let u = [1.0, -2, 3.5]
        for synapse: any Synapse in [try Lowpass(0), try Alpha(0), try Triangle(0)] {
            let filter = try synapse.discretized(dt: 0.001)
            #expect(filter.stateCount == 0 && filter.d == 1, "\(synapse)")
            #expect(try synapse.filter(u) == u, "\(synapse)")
        }
    }

    @Test func triangleIsAShiftRegisterWithTheTapWeights() throws {
        let filter = try Triangle(0.005).discretized(dt: 0.001)
        #expect(filter.stateCount == 5 && !filter.isAdvancedForm)
        #expect(abs(filter.d - 6.0 / 21) < 1e-16)
        #expect(maxAbsoluteDifference(filter.c, [5, 4, 3, 2, 1].map { $0 / 21.0 }) < 1e-16)
        #expect(filter.b == [1, 0, 0, 0, 0])
        #expect(filter.a[1, 0] == 1 && filter.a[4, 3] == 1 && filter.a.values.reduce(0, +) == 4)
        // round(2.5) = 2 (half to even): N = 3.
        #expect(try Triangle(0.0025).tapCount(dt: 0.001) == 3)
    }

    @Test(arguments: ["0.0123_0.001", "0.01_0.0005", "0.0_0.001", "0.0025_0.001"])
    func triangleMatchesNengo(_ key: String) throws {
        let f = try Fixture("synapses")
        let c = f.object("triangle").object(key)
        let y = try Triangle(c.double("t")).filter(f.doubles("u"), dt: c.double("dt"))
        #expect(maxAbsoluteDifference(y, c.doubles("filt")) <= 1e-12)
    }

    @Test func matrixFilterFiltersEachColumnLikeTheScalarFilter() throws {
        let alpha = try Alpha(0.01)
        let steps = 40
        var signal = Matrix(rows: steps, columns: 3)
        for k in 0..<steps {
            signal[k, 0] = 1
            signal[k, 1] = Double(k % 7) - 3
            signal[k, 2] = k == 0 ? 1000 : 0
        }
        let y = try alpha.filter(signal, dt: 0.001)
        for column in 0..<3 {
            #expect(y.column(column) == (try alpha.filter(signal.column(column), dt: 0.001)))
        }
    }

    @Test func filterStateResetsToRest() throws {
        var state = FilterState(try Alpha(0.005).discretized(dt: 0.001))
        let first = (0..<5).map { _ in state.step(1) }
        state.reset()
        #expect((0..<5).map { _ in state.step(1) } == first)
    }

    @Test func descriptionsNameTheParameters() throws {
        #expect("\(try Lowpass(0.005))" == "Lowpass(0.005)")
        #expect("\(try Alpha(0.1))" == "Alpha(0.1)")
        #expect("\(try Triangle(0.02))" == "Triangle(0.02)")
        #expect(
            "\(try LinearFilter(numerator: [1], denominator: [1, 0], method: .euler))"
                == "LinearFilter(numerator: [1.0], denominator: [1.0, 0.0], method: euler)")
    }
}
