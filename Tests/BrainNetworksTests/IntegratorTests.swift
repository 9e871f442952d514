import BrainTestSupport
import Foundation
import Testing

@testable import BrainNetworks

/// Nengo 3.x's integrator test (networks spec §C1) with its tolerance, the same comparison with
/// identical neurons, the exact discrete-time behaviour in Direct mode, and a rate-mode hold.
@Suite("Integrator")
struct IntegratorTests {
    /// Nengo's test input: steps through time (seconds).
    static let steps: [Double: Double] = [0: 0, 0.2: 1, 1: 0, 2: -2, 3: 0, 4: 1, 5: 0]

    /// Runs Nengo's test network: `Integrator(0.1, 100, 1)` beside a hand-built copy, both fed
    /// the steps through `Lowpass(τ)`, for 6 s; returns rms(template − copy) of the decoded
    /// values through a 10 ms probe lowpass. `copySeed` fixes the copy's ensemble seed.
    static func templateVersusCopy(seed: Int, copySeed: Int?) throws -> Double {
        let tau = 0.1
        let net = try Network(seed: seed)
        let input = try net.node(process: try Piecewise(data: steps))
        let template = try Integrator(in: net, recurrentTau: tau, neurons: 100, dimensions: 1, seed: 7)
        try net.connect(input, to: template.input, synapse: tau)
        let copy = try net.ensemble(neurons: 100, dimensions: 1, seed: copySeed)
        try net.connect(copy, to: copy, synapse: tau)
        try net.connect(input, to: copy, synapse: tau, transform: .scalar(tau))
        let templateProbe = try net.probe(template.ensemble, synapse: 0.01)
        let copyProbe = try net.probe(copy, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 6)
        return rmse(try sim.data(templateProbe).column(0), try sim.data(copyProbe).column(0))
    }

    @Test func matchesAHandBuiltCopy() throws {
        let error = try IntegratorTests.templateVersusCopy(seed: 1, copySeed: nil)
        #expect(error < 0.1, "rms(template − copy) = \(error)")
    }

    @Test func matchesAHandBuiltCopyWithTheSameSeeds() throws {
        // The template's ensemble seed depends only on its own subnetwork's seed (7).
        let scratch = try Network()
        let scratchTemplate = try Integrator(in: scratch, recurrentTau: 0.1, neurons: 100, dimensions: 1, seed: 7)
        let ensembleSeed = try #require(try Simulator(scratch).seed(of: scratchTemplate.ensemble))
        let error = try IntegratorTests.templateVersusCopy(seed: 1, copySeed: ensembleSeed)
        #expect(error < 0.1, "rms(template − copy) = \(error)")
    }

    /// Direct mode integrates exactly: with `a = e^(−dt/τ)`, the filtered input
    /// `v[k] = a·v[k−1] + (1 − a)·u[k−1]`, the recurrent state `r[k] = a·r[k−1] + (1 − a)·x[k−1]`
    /// and the represented value `x[k] = r[k] + τ·v[k]`.
    @Test func directModeIntegratesExactly() throws {
        let tau = 0.05, dt = 0.001
        let net = try Network(seed: 2)
        net.defaults.neuronType = Direct()
        let drive = try Piecewise(data: [0: [0, 0], 0.1: [1, -2], 0.3: [0, 0.5], 0.45: [-3, 0]])
        let input = try net.node(process: drive)
        let integrator = try Integrator(in: net, recurrentTau: tau, neurons: 1, dimensions: 2)
        try net.connect(input, to: integrator.input, synapse: tau)
        let probe = try net.probe(integrator.output)
        let sim = try Simulator(net, dt: dt)
        try sim.run(seconds: 0.6)
        let data = try sim.data(probe)

        let a = exp(-dt / tau)
        var v = [0.0, 0.0], r = [0.0, 0.0], x = [0.0, 0.0], u = [0.0, 0.0]
        var worst = 0.0
        for (row, t) in sim.trange().enumerated() {
            for i in 0..<2 {
                v[i] = a * v[i] + (1 - a) * u[i]
                r[i] = a * r[i] + (1 - a) * x[i]
                x[i] = r[i] + tau * v[i]
                worst = max(worst, abs(data[row, i] - x[i]))
            }
            u = IntegratorTests.value(of: drive, at: t, dt: dt)
        }
        #expect(worst < 1e-5, "largest difference from the discrete-time integral: \(worst)")
        // Near the ideal ∫u dt at 0.6 s, [0.2 − 0.45, −0.4 + 0.075]: x = r + τ·v makes up for
        // the input filter's lag; what is left is the discrete gain (1 − a)·τ/dt = 0.99.
        #expect(maxAbsoluteDifference(data.row(599), [-0.25, -0.325]) < 0.01, "\(data.row(599))")
    }

    /// Rate neurons hold: input 1 from 0.2 s to 0.7 s through `Lowpass(τ)` integrates to 0.5,
    /// then stays (Nengo with LIFRate, seeds 0–4: held 0.470–0.536, drift −0.10 to +0.12 per s).
    @Test func rateModeHoldsTheIntegral() throws {
        let net = try Network(seed: 3)
        net.defaults.neuronType = LIFRate()
        let input = try net.node(process: try Piecewise(data: [0: 0, 0.2: 1, 0.7: 0]))
        let integrator = try Integrator(in: net, recurrentTau: 0.1, neurons: 100, dimensions: 1)
        try net.connect(input, to: integrator.input, synapse: 0.1)
        let probe = try net.probe(integrator.output, synapse: 0.01)
        let sim = try Simulator(net)
        try sim.run(seconds: 1.9)
        let data = try sim.data(probe).column(0), times = sim.trange()
        let held = mean(times.indices.filter { times[$0] > 0.85 && times[$0] <= 0.9 }.map { data[$0] })
        let later = mean(times.indices.filter { times[$0] > 1.85 }.map { data[$0] })
        #expect(abs(held - 0.5) < 0.1, "held \(held)")
        #expect(abs(later - held) < 0.2, "drift \(later - held) per second")
    }

    @Test func rejectsBadParameters() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try Integrator(in: net, recurrentTau: 0, neurons: 10, dimensions: 1) }
        #expect(throws: BrainKitError.self) {
            try Integrator(in: net, recurrentTau: .infinity, neurons: 10, dimensions: 1)
        }
        #expect(throws: BrainKitError.self) { try Integrator(in: net, recurrentTau: 0.1, neurons: 10, dimensions: 0) }
        do {
            _ = try Integrator(in: net, label: "I", recurrentTau: 0.1, neurons: 0, dimensions: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "Integrator 'I': neurons must be >= 1, got 0")
        }
    }

    /// Nengo 3.2's structure: one input node, one ensemble (also the output), the recurrent
    /// connection and then the input connection; nothing else draws a seed.
    @Test func isBuiltExactlyAsNengoThreePointTwos() throws {
        let net = try Network(seed: 3)
        let integrator = try Integrator(in: net, recurrentTau: 0.1, neurons: 10, dimensions: 2)
        #expect(integrator.output === integrator.ensemble)
        #expect(integrator.network.nodes.map(\.label) == ["input"])
        #expect(integrator.network.ensembles.count == 1)
        let connections = integrator.network.connections
        #expect(connections.count == 2)
        #expect(connections.first === integrator.recurrentConnection)
        guard case .node(let source)? = connections.last?.pre.object else {
            Issue.record("the second connection does not start at a node")
            return
        }
        #expect(source === integrator.input)
    }

    /// A zero-interpolated piecewise value at time t (the value of the last time < t + dt/2).
    static func value(of drive: Piecewise, at t: Double, dt: Double) -> [Double] {
        guard let row = drive.times.lastIndex(where: { $0 < t + dt / 2 }) else {
            return [Double](repeating: 0, count: drive.values.columns)
        }
        return drive.values.row(row)
    }
}
