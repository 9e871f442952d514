import Foundation
import Testing

@testable import BrainCore

/// Probe data with its times: windows, means, RMSE, filtering.
@Suite("ProbeData")
struct ProbeDataTests {
    static func ramp() throws -> ProbeData {
        let times = (1...10).map { Double($0) * 0.001 }
        return try ProbeData(times: times, values: Matrix(column: times.map { $0 * 1000 }))
    }

    @Test func aWindowKeepsTheSamplesWithinItsBounds() throws {
        let window = try Self.ramp().window(from: 0.003, to: 0.005)
        #expect(window.times.count == 3)
        #expect(window.values.column(0) == [3, 4, 5])
        #expect(window.mean == [4])
    }

    @Test func rmseAgainstAFunctionAndAMatrix() throws {
        let data = try Self.ramp()
        #expect(try data.rmse(against: { t in [t * 1000] }) < 1e-9)
        #expect(abs(try data.rmse(against: { t in [t * 1000 + 2] }) - 2) < 1e-9)
        #expect(abs(try data.rmse(against: Matrix(rows: 10, columns: 1, repeating: 0)) - (38.5).squareRoot()) < 1e-9)
        #expect(throws: BrainKitError.self) { try data.rmse(against: { _ in [0, 0] }) }
        #expect(throws: BrainKitError.self) { try data.rmse(against: Matrix(rows: 2, columns: 1)) }
    }

    @Test func filteringMatchesTheSynapsesOwnFilter() throws {
        let data = try Self.ramp()
        let lowpass = try Lowpass(0.005)
        let filtered = try data.filtered(with: lowpass)
        #expect(filtered.values.values == (try lowpass.filter(data.values, dt: 0.001)).values)
        #expect(filtered.times == data.times)
    }

    @Test func aSimulatorGivesEachProbeItsTimes() throws {
        let net = try Network(label: "net", seed: 3)
        let input = try net.node(label: "input", function: { t in t })
        let every = try net.probe(input)
        let sparse = try net.probe(input, sampleEvery: 0.005)
        let sim = try Simulator(net, threads: 1)
        try sim.run(steps: 20)
        let all = try sim.probeData(every)
        #expect(all.times.count == 20 && abs(all.values.column(0)[19] - 0.02) < 1e-6)
        let few = try sim.probeData(sparse)
        #expect(few.times.count == few.values.rows && few.values.rows == 4)
        #expect(try few.rmse(against: { t in [t] }) < 1e-6)
    }

    @Test func timesMustMatchTheRows() {
        #expect(throws: BrainKitError.self) { _ = try ProbeData(times: [0.001], values: Matrix(rows: 2, columns: 1)) }
    }
}
