import Testing
@testable import BrainCore

/// Nengo's default 1-D ensemble (fixture c_ensemble_1d) is reproduced from its seed: the
/// builder draws eval points, encoders, max rates and intercepts from one RandomState.
@Suite("Default distributions reproduce Nengo's 1-D ensemble")
struct DefaultEnsembleDrawTests {
    @Test func ensembleParametersFromSeed() throws {
        let f = try Fixture("c_ensemble_1d")
        let neurons = Int(f.double("n_neurons"))
        let evalPointCount = Int(f.double("n_eval_points"))
        var rng = RandomState(seed: 1_935_803_228)
        let evalPoints = try ScatteredHypersphere().sample(count: evalPointCount, dimensions: 1, rng: &rng)
        let encoders = try ScatteredHypersphere(surface: true).sample(count: neurons, dimensions: 1, rng: &rng)
        let maxRates = try Uniform(200, 400).sample(count: neurons, rng: &rng)
        let intercepts = try Uniform(-1, 0.9).sample(count: neurons, rng: &rng)
        #expect(evalPoints.values == f.doubles("eval_points"))
        #expect(encoders.values == f.doubles("encoders"))
        #expect(maxRates == f.doubles("max_rates"))
        #expect(intercepts == f.doubles("intercepts"))
        #expect(encoders.values.filter { $0 == 1 }.count == neurons / 2)
    }
}
