import BrainKit
import Foundation
import Testing

/// Nengo tutorial models written as a Nengo user would write them in Swift — numbers for
/// synapses, literals for transforms, the standard library's functions — compiled against the
/// public API alone (`import BrainKit`, no `@testable`), run with Nengo's seeds and compared
/// with Nengo 4.1's own figures (``TutorialFigures``, every 100 ms): each agrees seed for seed,
/// within 0.01 rms (measured: channel 0.0016, squaring 3e-7, integrator 0.0002, the 2-D
/// oscillator 0.0056).
@Suite("Tutorial models against Nengo's figures")
struct TutorialModelsTests {
    /// The probe's samples at t = 0.1, 0.2, ... s.
    static func everyTenthOfASecond(_ sim: Simulator, _ probe: Probe) throws -> [[Double]] {
        let data = try sim.data(probe)
        return stride(from: 99, to: data.rows, by: 100).map { data.row($0) }
    }

    /// The root-mean-square difference from Nengo's samples, over every value (printed).
    static func rmse(_ ours: [[Double]], _ nengo: [[Double]], model: String = #function) -> Double {
        #expect(ours.count == nengo.count)
        let differences = zip(ours.joined(), nengo.joined()).map { $0 - $1 }
        let rms = (differences.reduce(0.0) { $0 + $1 * $1 } / Double(max(1, differences.count))).squareRoot()
        print("\(model): rms difference from Nengo 4.1 \(rms)")
        return rms
    }

    @Test func communicationChannel() throws {
        let net = try Network(seed: 11)
        let source = try net.node(function: sin)
        let a = try net.ensemble(neurons: 100, dimensions: 1)
        let b = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(source, to: a)
        try net.connect(a, to: b)
        let probe = try net.probe(b, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 2)
        let error = Self.rmse(try Self.everyTenthOfASecond(sim, probe), TutorialFigures.communicationChannel)
        #expect(error < 0.01, "rms difference from Nengo \(error)")
    }

    @Test func squaring() throws {
        let net = try Network(seed: 5)
        let source = try net.node { t in sin(2 * .pi * t) }
        let a = try net.ensemble(neurons: 100, dimensions: 1)
        let b = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(source, to: a)
        try net.connect(a, to: b, function: { x in [x[0] * x[0]] })
        let probe = try net.probe(b, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 2)
        let error = Self.rmse(try Self.everyTenthOfASecond(sim, probe), TutorialFigures.squaring)
        #expect(error < 0.01, "rms difference from Nengo \(error)")
    }

    @Test func integrator() throws {
        let tau = 0.1
        let net = try Network(seed: 3)
        let source = try net.node(process: try Piecewise(data: [0: 0, 0.2: 1, 1: 0, 2: -2, 3: 0, 4: 1, 5: 0]))
        let a = try net.ensemble(neurons: 100, dimensions: 1)
        try net.connect(a, to: a, synapse: tau, transform: [[1]])
        try net.connect(source, to: a, synapse: tau, transform: [[tau]])
        let probe = try net.probe(a, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 6)
        let error = Self.rmse(try Self.everyTenthOfASecond(sim, probe), TutorialFigures.integrator)
        #expect(error < 0.01, "rms difference from Nengo \(error)")
    }

    @Test func oscillator() throws {
        let net = try Network(seed: 4)
        let kick = try net.node(process: try Piecewise(data: [0: [1, 0], 0.1: [0, 0]]))
        let oscillator = try net.ensemble(neurons: 200, dimensions: 2)
        try net.connect(kick, to: oscillator)
        try net.connect(oscillator, to: oscillator, synapse: 0.1, transform: [[1, 1], [-1, 1]])
        let probe = try net.probe(oscillator, synapse: 0.02)
        let sim = try Simulator(net)
        try sim.run(seconds: 3)
        let error = Self.rmse(try Self.everyTenthOfASecond(sim, probe), TutorialFigures.oscillator)
        #expect(error < 0.01, "rms difference from Nengo \(error)")
    }
}
