import BrainKit

/// Scores a finished simulation: metric name → value.
typealias Scorer = (Simulator) throws -> [String: Double]

/// A benchmark network: its builder and how to score a finished run.
///
/// Every network has a twin in bench/nengo/standard/ built object for object in the same
/// order and subnetworks, so that one network seed gives each 1-D ensemble the same neurons in
/// BrainKit and Nengo, and inputs drawn from the same `RandomState` seeds.
struct StandardNetwork: Sendable {
    let name: String
    let summary: String
    /// Builds the network for a run of `seconds` simulated seconds from network seed `seed`,
    /// and returns it with its scorer.
    let make: @Sendable (_ seed: Int, _ seconds: Double) throws -> (Network, Scorer)
}

extension StandardNetwork {
    /// Every benchmark, in the order they run (the same as bench/nengo/standard/__init__.py).
    static let all: [StandardNetwork] = [
        squaring, chain, comm64, cconv64, lorenz, bg20, product, integrator, controlledOscillator, pesLearning,
        wattsStrogatz, ring100k, spaSequence, questionControl,
    ]

    /// Benchmarks run only when named with `--only`: the other sizes of the ring, for the
    /// scaling plot (ring1m needs about a minute to build), and Spaun-lite, which has no Nengo
    /// twin.
    static let extra: [StandardNetwork] = [ring10k, ring1m, spaunLite]
}
