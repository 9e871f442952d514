import Synchronization

/// The tabulated rate curve of a ``CompartmentalNeuron``, computed on first use and shared by
/// every copy of the neuron type value (the engine copies neuron types freely).
final class CompartmentalRateCache: Sendable {
    private let rates = Mutex<[Double]?>(nil)

    /// The cached table, computing it with `make` the first time (under the lock, so
    /// concurrent callers wait rather than compute it twice).
    func table(_ make: () -> [Double]) -> [Double] {
        rates.withLock { cached in
            if let cached { return cached }
            let table = make()
            cached = table
            return table
        }
    }
}
