import Foundation
import Testing
import BrainCore
@testable import BrainPlot

@Suite("The .npz format")
struct NPZArchiveTests {
    static func sample() throws -> NPZArchive {
        var archive = NPZArchive()
        try archive.add("trange", NPYArray([0.001, 0.002, 0.003]))
        try archive.add("x", NPYArray(Matrix([[0.5, -1], [0.25, 2], [1e-7, 3]])))
        try archive.add("spikes32", NPYArray(shape: [3], values: .float32([0, 1000, 0])))
        try archive.add("counts", NPYArray(shape: [2, 2], values: .int64([1, -2, 3, 1 << 40])))
        return archive
    }

    @Test func crcOfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func roundTripsThroughAFile() throws {
        let directory = try temporaryDirectory("npz")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("sample.npz")
        let archive = try Self.sample()
        try archive.write(to: url)
        let back = try NPZArchive(contentsOf: url)
        #expect(back == archive)
        #expect(back.names == ["trange", "x", "spikes32", "counts"])
        #expect(back["x"]?.shape == [3, 2] && back["x"]?.dtype == "<f8")
        #expect(try back["x"]?.matrix() == Matrix([[0.5, -1], [0.25, 2], [1e-7, 3]]))
        #expect(try archive.data() == (try Self.sample().data()))
    }

    @Test func corruptionAndBadNamesAreTypedErrors() throws {
        var bytes = [UInt8](try Self.sample().data())
        bytes[100] ^= 0xFF  // inside the first entry's data
        let crc = #expect(throws: BrainKitError.self) { try NPZArchive(data: Data(bytes)) }
        #expect(crc?.kind == .io)
        #expect(throws: BrainKitError.self) { try NPZArchive(data: Data("not a zip".utf8)) }
        var archive = NPZArchive()
        try archive.add("a", NPYArray([1]))
        #expect(throws: BrainKitError.self) { try archive.add("a", NPYArray([2])) }
        #expect(throws: BrainKitError.self) { try archive.add("", NPYArray([2])) }
        let write = #expect(throws: BrainKitError.self) { try archive.write(to: unwritableURL) }
        #expect(write?.kind == .io && write?.parameter == "path")
        #expect(throws: BrainKitError.self) { try NPZArchive(contentsOf: unwritableURL) }
    }

    @Test func savesASimulatorsProbesAndBuiltParameters() throws {
        let (sim, decoded, spikes, _, ensemble) = try SimulatorPlotTests.model()
        #expect(throws: BrainKitError.self) { try NPZArchive(probesOf: sim) }
        try sim.run(seconds: 0.1)
        let directory = try temporaryDirectory("probes")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("probes.npz")
        try sim.saveProbes(to: url)
        let back = try NPZArchive(contentsOf: url)
        #expect(back.names == ["trange", "decoded", "spikes", "voltage"])
        #expect(back["trange"]?.doubles == sim.trange())
        #expect(back["decoded"]?.shape == [100, 1])
        #expect(try back["spikes"]?.matrix() == (try sim.data(spikes)))
        #expect(try back["decoded"]?.matrix() == (try sim.data(decoded)))

        let built = try NPZArchive(builtParametersOf: ensemble, in: sim)
        #expect(built.names == ["gain", "bias", "max_rates", "intercepts", "encoders", "scaled_encoders", "eval_points"])
        #expect(built["gain"]?.doubles == (try sim.built(ensemble)).gain)
        #expect(built["encoders"]?.shape == [20, 1])
        #expect(built["eval_points"]?.shape.last == 1)
        // The node → ensemble connection has no decoders.
        let input = try #require(sim.network.connections.first)
        #expect(throws: BrainKitError.self) { try NPZArchive(builtParametersOf: ensemble, in: sim, decodersOf: [input]) }
    }

    @Test func savesDecoders() throws {
        let net = try Network(seed: 1)
        let a = try net.ensemble(label: "a", neurons: 10, dimensions: 2)
        let out = try net.node(sizeIn: 3)
        let connection = try net.connect(a, to: out, function: { [$0[0], $0[1], $0[0] * $0[1]] })
        let sim = try Simulator(net, threads: 1)
        let archive = try NPZArchive(builtParametersOf: a, in: sim, decodersOf: [connection])
        #expect(archive["decoders"]?.shape == [10, 3])
        #expect(try archive["decoders"]?.matrix() == (try sim.built(connection)).decoders)
        #expect(archive["scaled_encoders"]?.shape == [10, 2])
    }
}
