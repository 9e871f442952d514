import Testing
import BrainTestSupport
import Foundation
@testable import BrainCore

/// Fixture c: Nengo's default 1-D ensemble built from Network(seed: 42). BrainKit derives the
/// same seeds, draws the same parameters and solves the same decoders.
@Suite("Nengo parity of a default 1-D ensemble (fixture c)")
struct NengoParityTests {
    @Test func buildMatchesNengo() throws {
        let c = try Fixture("c_ensemble_1d")
        let net = try Network(seed: 42)
        let ensemble = try net.ensemble(label: "ens", neurons: 50, dimensions: 1)
        let out = try net.node(sizeIn: 1)
        let identity = try net.connect(ensemble, to: out, label: "identity")
        let square = try net.connect(ensemble, to: out, function: { x in [x[0] * x[0]] }, label: "square")
        let sim = try Simulator(net)

        let seeds = c.object("seeds")
        #expect(sim.seed(of: ensemble) == Int(seeds.double("ensemble")))
        #expect(sim.seed(of: identity) == Int(seeds.double("conn_identity")))
        #expect(sim.seed(of: square) == Int(seeds.double("conn_square")))
        #expect(sim.seed == Int(seeds.double("simulator")))

        let built = try sim.built(ensemble)
        #expect(built.evalPoints.values == c.doubles("eval_points"))
        #expect(built.encoders.values == c.doubles("encoders"))
        #expect(built.maxRates == c.doubles("max_rates"))
        #expect(built.intercepts == c.doubles("intercepts"))
        #expect(maxRelativeDifference(built.gain, c.doubles("gain")) < 1e-14)
        #expect(maxRelativeDifference(built.bias, c.doubles("bias"), floor: 1e-12) < 1e-13)
        #expect(maxRelativeDifference(built.initialState["voltage"] ?? [], c.doubles("initial_voltage")) == 0)

        for (connection, key, rmseKey) in [(identity, "decoders_identity", "rmse_identity"),
                                           (square, "decoders_square", "rmse_square")] {
            let decoders = try sim.built(connection).decoders!.column(0)
            let expected = c.doubles(key)
            let scale = expected.map(abs).max()!
            #expect(maxAbsoluteDifference(decoders, expected) / scale < 1e-9, "\(key)")
            #expect(abs(try sim.built(connection).solverRMSEs[0] - c.double(rmseKey)) < 1e-9)
        }
    }
}
