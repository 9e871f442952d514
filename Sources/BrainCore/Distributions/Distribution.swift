/// A source of random (or fixed) values: encoders, intercepts, max rates, eval points,
/// initial neuron state.
///
/// `sample(count:dimensions:rng:)` returns a `count x dimensions` ``Matrix`` and consumes
/// `rng` exactly as Nengo's `Distribution.sample(n, d, rng)` does, so that models seeded alike
/// draw alike. A one-dimensional draw (`dimensions == 1`) is the same stream as Nengo's
/// `sample(n)`.
public protocol Distribution: Sendable, CustomStringConvertible {
    /// Draws `count` samples of `dimensions` values each.
    /// - Throws: ``BrainKitError`` when the distribution cannot produce that shape (for example
    ///   fixed ``Samples`` of another size).
    func sample(count: Int, dimensions: Int, rng: inout RandomState) throws(BrainKitError) -> Matrix
}

extension Distribution {
    /// Draws `count` scalar samples.
    public func sample(count: Int, rng: inout RandomState) throws(BrainKitError) -> [Double] {
        try sample(count: count, dimensions: 1, rng: &rng).values
    }
}
