import BrainCore
import BrainSPA
@testable import SpaunLite

/// A small model in Direct mode (every ensemble computes its function exactly) for checking one
/// subsystem's arithmetic: pointer inputs that switch at given times, and similarity readouts.
final class DirectHarness {
    let network: Network
    let vocabularies: SpaunVocabularies
    var main: Vocabulary { vocabularies.main }
    private var probes: [(Probe, Vocabulary)] = []
    private(set) var simulator: Simulator?

    init(dimensions: Int = 32, neuronType: any NeuronType = Direct(), seed: Int = 1) throws {
        network = try Network(label: "harness", seed: seed)
        network.defaults.neuronType = neuronType
        vocabularies = try SpaunVocabularies(dimensions: dimensions)
    }

    /// A node giving the pointer of `schedule`'s expression at each time: `[(from, text)]`,
    /// sorted; "0" is zero.
    func pointers(_ schedule: [(from: Double, text: String)], in vocabulary: Vocabulary? = nil) throws -> Node {
        let vocabulary = vocabulary ?? main
        let vectors = try schedule.map { (entry) throws -> (Double, [Double]) in
            (entry.from, entry.text == "0" ? [Double](repeating: 0, count: vocabulary.dimensions) : try vocabulary.parse(entry.text).vector)
        }
        let zero = [Double](repeating: 0, count: vocabulary.dimensions)
        return try network.node(label: "pointer input", sizeOut: vocabulary.dimensions) { t in
            vectors.last { $0.0 <= t + 1e-9 }?.1 ?? zero
        }
    }

    /// A node giving `value(t)`.
    func scalar(_ value: @escaping (Double) -> Double) throws -> Node {
        try network.node(label: "scalar input", function: value)
    }

    /// Probes `output` (10 ms filter); its similarities come from ``similarity(_:to:at:)``.
    func watch(_ output: PointerOutput) throws -> Int {
        probes.append((try network.probe(output.node, synapse: 0.01), output.vocabulary))
        return probes.count - 1
    }

    func watch(_ output: ScalarOutput) throws -> Int {
        probes.append((try network.probe(output.node, synapse: 0.01), main))
        return probes.count - 1
    }

    func run(_ seconds: Double) throws {
        let simulator = try Simulator(network)
        try simulator.run(seconds: seconds)
        self.simulator = simulator
    }

    /// The probed pointer's dot product with the expression `text`, averaged over the 20 ms
    /// before `time`.
    func similarity(_ index: Int, to text: String, at time: Double) throws -> Double {
        let (probe, vocabulary) = probes[index]
        let target = try vocabulary.parse(text).vector
        return try window(probe, before: time).reduce(0) { $0 + zip($1, target).reduce(0) { $0 + $1.0 * $1.1 } } / 20
    }

    /// The probed scalar, averaged over the 20 ms before `time`.
    func value(_ index: Int, at time: Double) throws -> Double {
        try window(probes[index].0, before: time).reduce(0) { $0 + $1[0] } / 20
    }

    /// The probed values of every step.
    func values(_ index: Int) throws -> Matrix {
        guard let simulator else { throw BrainKitError.validation("DirectHarness", "run", "has not run") }
        return try simulator.data(probes[index].0)
    }

    private func window(_ probe: Probe, before time: Double) throws -> [[Double]] {
        guard let simulator else { throw BrainKitError.validation("DirectHarness", "run", "has not run") }
        let data = try simulator.data(probe)
        let end = min(Int((time / simulator.dt).rounded()), data.rows)
        return (max(end - 20, 0)..<end).map { data.row($0) }
    }
}
