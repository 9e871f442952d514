import Foundation
import Testing
import BrainCore
@testable import BrainPlot

@Suite("CSV of a probe")
struct ProbeCSVTests {
    @Test func timeColumnThenOneColumnPerDimension() throws {
        let text = try ProbeCSV.text(
            times: [0.001, 0.002], data: Matrix([[0.5, -1], [1e-5, 2]]), header: ["x", "y, z"])
        #expect(text == "time,x,\"y, z\"\n0.001,0.5,-1.0\n0.002,1e-05,2.0\n")
    }

    @Test func writesASimulatorsProbe() throws {
        let (sim, decoded, _, _, _) = try SimulatorPlotTests.model()
        try sim.run(seconds: 0.05)
        let directory = try temporaryDirectory("csv")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("decoded.csv")
        try ProbeCSV.write(sim, decoded, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "time,x0")
        let last = lines[50].split(separator: ",").compactMap { Double($0) }
        #expect(last == [try #require(sim.trange().last), try sim.data(decoded)[49, 0]])
    }

    @Test func badInputIsATypedError() throws {
        #expect(throws: BrainKitError.self) { try ProbeCSV.text(times: [0], data: Matrix([[Double.nan]])) }
        #expect(throws: BrainKitError.self) { try ProbeCSV.text(times: [0, 1], data: Matrix([[1]])) }
        #expect(throws: BrainKitError.self) { try ProbeCSV.text(times: [0], data: Matrix([[1]]), header: ["a", "b"]) }
        let (sim, decoded, _, _, _) = try SimulatorPlotTests.model()
        let empty = #expect(throws: BrainKitError.self) { try ProbeCSV.write(sim, decoded, to: unwritableURL) }
        #expect(empty?.kind == .validation)
        try sim.run(steps: 2)
        let io = #expect(throws: BrainKitError.self) { try ProbeCSV.write(sim, decoded, to: unwritableURL) }
        #expect(io?.kind == .io)
    }
}
