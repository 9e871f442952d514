import Synchronization

/// The tabulated rate curve of one ``EquationNeuron``: measured rates (Hz) at grid points
/// `J = k × currentStep`, filled on demand and shared by every copy of the neuron type
/// (the type is immutable, so entries never go stale).
final class RateCurveCache: Sendable {
    private let rates = Mutex<[Int: Double]>([:])

    /// The cached rate at grid point `k`, or nil.
    func rate(at k: Int) -> Double? {
        rates.withLock { $0[k] }
    }

    /// The grid points in `points` not yet measured.
    func missing(_ points: Set<Int>) -> [Int] {
        rates.withLock { table in points.filter { table[$0] == nil }.sorted() }
    }

    func store(_ values: [Int: Double]) {
        rates.withLock { table in table.merge(values) { old, _ in old } }
    }

    /// How many grid points are measured (for tests).
    var count: Int {
        rates.withLock { $0.count }
    }
}
